// The familjerättssekreterare's page: the calendar per person and unit, one booking with its actions (a meeting of
// the series, interpreter, attendance, separate meetings, intyg, cancel with a reason), booking on a parent's behalf,
// the weekly hours and their exceptions, and Skatteverket's notifications with their stage.
import { send } from '../api.js';
import { language, t } from '../i18n.js';
import { shortDate, shortDateTime } from '../format.js';
import { startStaffPage } from './staff.js';

const API = '/api/v1/familjeratt/staff';
const $ = (id) => document.getElementById(id);
let services = [];
let current = null;

function say(text, kind = 'success') {
  $('status').className = `status ${kind}`;
  $('status').textContent = text;
  $('status').hidden = !text;
  $('status').focus();
}

/** Sends, says how it went, and reloads what changed. */
async function act(method, path, body, done, after) {
  const result = await send(method, `${API}${path}`, body);
  if (!result.ok) {
    const fields = result.data.fields.map((field) => field.message).join(' ');
    say(`${result.data.message} ${fields}`.trim(), 'error');
    return null;
  }
  say(done);
  if (after) {
    await after(result.data);
  }
  return result.data;
}

function cell(text) {
  return Object.assign(document.createElement('td'), { textContent: text });
}

function button(text, onClick, secondary = true) {
  const element = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
  if (secondary) {
    element.className = 'secondary';
  }
  element.addEventListener('click', onClick);
  return element;
}

function serviceLabel(labels) {
  return labels ? (labels[language()] || labels.sv) : '';
}

function partyText(party) {
  return `${party.name || '–'} (${party.personnummer})${party.protected ? ` – ${t('staff.fr.protected')}` : ''}`;
}

/** "2026-04-20T09:00" from the datetime-local input → an ISO instant. */
function instant(value) {
  return value ? new Date(value).toISOString() : null;
}

async function loadCalendar() {
  const query = new URLSearchParams({ from: $('cal-from').value, days: $('cal-days').value });
  if ($('cal-staff').value) {
    query.set('staff', $('cal-staff').value);
  }
  if ($('cal-unit').value) {
    query.set('unit', $('cal-unit').value);
  }
  const result = await send('GET', `${API}/calendar?${query}`);
  if (!result.ok) {
    say(result.data.message, 'error');
    return;
  }
  const data = result.data;
  fillSelect($('cal-staff'), data.staff.map((person) => [person.id, person.name]));
  fillSelect($('cal-unit'), data.units.map((unit) => [unit, unit]));
  fillSelect($('closure-who'), data.staff.map((person) => [person.id, person.name]));
  const rows = data.appointments.map((meeting) => {
    const row = document.createElement('tr');
    row.append(cell(shortDateTime(meeting.start)), cell(`${serviceLabel(meeting.serviceLabel)} – ${t(`staff.fr.kind.${meeting.kind}`)}`),
      cell(meeting.parties.map(partyText).join('; ')),
      cell(meeting.place === 'digital' ? t('staff.fr.digital') : meeting.office || ''),
      cell(meeting.staffName), cell(t(`familjeratt.meetingStatus.${meeting.status}`)
        + (meeting.interpreter ? ` · ${t('staff.fr.interpreterShort', { language: meeting.interpreter })}` : '')));
    const actions = document.createElement('td');
    actions.append(button(t('staff.fr.open'), () => openBooking(meeting.bookingId), false),
      button(t('staff.fr.attended'), () => act('POST', `/meetings/${meeting.id}/attendance`, { outcome: 'attended' },
        t('staff.fr.saved'), loadCalendar)),
      button(t('staff.fr.noShow'), () => act('POST', `/meetings/${meeting.id}/attendance`, { outcome: 'no_show' },
        t('staff.fr.saved'), loadCalendar)),
      button(t('staff.fr.addInterpreter'), () => {
        const chosenLanguage = window.prompt(t('staff.fr.interpreterLanguage'));
        if (chosenLanguage) {
          act('POST', `/meetings/${meeting.id}/interpreter`, { language: chosenLanguage }, t('staff.fr.saved'), loadCalendar);
        }
      }));
    row.append(actions);
    return row;
  });
  $('calendar').querySelector('tbody').replaceChildren(...rows);
  $('calendar-empty').hidden = rows.length > 0;
  $('hours').replaceChildren(...data.schedules.map((hours) => {
    const li = document.createElement('li');
    li.append(document.createTextNode(`${hours.staffName}, ${hours.unit}: ${t(`staff.fr.weekday.${hours.weekday}`)} `
      + `${hours.start}–${hours.end}, ${hours.office} `), button(t('staff.fr.remove'), () => act('DELETE',
      `/schedules/${hours.id}`, undefined, t('staff.fr.saved'), loadCalendar)));
    return li;
  }));
}

function fillSelect(select, options) {
  const keep = select.value;
  const first = select.options[0];
  select.replaceChildren(first, ...options.map(([value, text]) => Object.assign(document.createElement('option'),
    { value, textContent: text })));
  select.value = options.some(([value]) => value === keep) ? keep : '';
}

async function openBooking(id) {
  const result = await send('GET', `${API}/bookings/${id}`);
  if (!result.ok) {
    say(result.data.message, 'error');
    return;
  }
  current = result.data;
  $('booking').hidden = false;
  $('booking-heading').textContent = `${serviceLabel(current.serviceLabel)} – ${t(`familjeratt.status.${current.status}`)}`;
  const facts = [[t('staff.fr.booker'), partyText(current.booker), current.booker.contact]];
  if (current.otherParent) {
    facts.push([t('staff.fr.other'), partyText(current.otherParent), current.otherParent.contact]);
  }
  $('booking-facts').replaceChildren(...facts.flatMap(([term, text, contact]) => [
    Object.assign(document.createElement('dt'), { textContent: term }),
    Object.assign(document.createElement('dd'), { textContent: `${text} ${[contact.email, contact.phone]
      .filter(Boolean).join(', ')}` })]));
  $('booking-meetings').replaceChildren(...current.meetings.map((meeting) => Object.assign(document.createElement('li'),
    { textContent: `${shortDateTime(meeting.start)} ${t(`staff.fr.kind.${meeting.kind}`)} – `
      + `${t(`familjeratt.meetingStatus.${meeting.status}`)}` })));
  $('booking-documents').replaceChildren(...current.documents.map((document_) => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('a'), { href: `${API}/documents/${document_.id}`,
      textContent: t(`familjeratt.document.${document_.kind}`) }));
    return li;
  }));
  $('meeting-kind').replaceChildren(...current.series.map((kind) => Object.assign(document.createElement('option'),
    { value: kind, textContent: t(`staff.fr.kind.${kind}`) })));
  $('meeting-form').hidden = current.series.length === 0;
  $('write-intyg').hidden = !current.intygOffered;
  $('mark-separate').hidden = !current.otherParent || current.separate;
  $('booking-heading').focus();
}

async function loadNotices() {
  const result = await send('GET', `${API}/notices`);
  if (!result.ok) {
    return;
  }
  $('notices').querySelector('tbody').replaceChildren(...result.data.notices.map((notice) => {
    const row = document.createElement('tr');
    const letters = document.createElement('td');
    for (const document_ of notice.documents) {
      letters.append(Object.assign(document.createElement('a'), { href: `${API}/documents/${document_.id}`,
        textContent: `${t(`familjeratt.document.${document_.kind}`)} ${shortDate(document_.createdAt)}` }), ' ');
    }
    const actions = document.createElement('td');
    if (notice.stage !== 'closed') {
      actions.append(button(t('staff.fr.close'), () => act('POST', `/notices/${notice.id}/close`, {},
        t('staff.fr.saved'), loadNotices)));
    }
    row.append(cell(shortDate(notice.childBirthDate)), cell([notice.birthParent, notice.otherParent].filter(Boolean)
      .map(partyText).join('; ')), cell(t(`staff.fr.stage.${notice.stage}`, { n: notice.reminders })), letters, actions);
    return row;
  }));
}

function setupForms() {
  $('calendar-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadCalendar();
  });
  $('meeting-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('POST', `/bookings/${current.id}/meetings`, { kind: $('meeting-kind').value, party: $('meeting-party').value,
      start: instant($('meeting-start').value) }, t('staff.fr.saved'), () => openBooking(current.id).then(loadCalendar));
  });
  $('mark-separate').addEventListener('click', () => act('POST', `/bookings/${current.id}/separate`, {},
    t('staff.fr.saved'), () => openBooking(current.id)));
  $('write-intyg').addEventListener('click', () => act('POST', `/bookings/${current.id}/intyg`, {},
    t('staff.fr.intygWritten'), () => openBooking(current.id)));
  $('cancel-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('POST', `/bookings/${current.id}/cancel`, { reason: $('cancel-reason').value }, t('staff.fr.cancelled'),
      () => openBooking(current.id).then(loadCalendar));
  });
  $('phone-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('POST', '/bookings', { service: $('phone-service').value, booker: $('phone-booker').value.trim(),
      otherParent: $('phone-other').value.trim() || undefined, start: instant($('phone-start').value),
      separate: $('phone-separate').checked, interpreter: $('phone-interpreter').value.trim() || undefined,
      place: 'office' }, t('staff.fr.booked'), (data) => openBooking(data.id).then(loadCalendar));
  });
  $('hours-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('POST', '/schedules', { weekday: Number($('hours-weekday').value), start: $('hours-start').value,
      end: $('hours-end').value, unit: $('hours-unit').value, office: $('hours-office').value,
      validFrom: $('cal-from').value }, t('staff.fr.saved'), loadCalendar);
  });
  $('closure-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('POST', '/closures', { staffId: $('closure-who').value || undefined,
      from: $('closure-from').value, to: $('closure-to').value, reason: $('closure-reason').value },
    t('staff.fr.saved'), loadCalendar);
  });
  $('notice-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('POST', '/notices', { childBirthDate: $('notice-born').value, birthParent: $('notice-birth-parent').value.trim(),
      otherParent: $('notice-other-parent').value.trim() || undefined }, t('staff.fr.saved'), loadNotices);
  });
  $('import-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('POST', '/notices/file', { text: $('import-text').value }, t('staff.fr.imported'), loadNotices);
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  const session = await startStaffPage();
  if (!session) {
    return;
  }
  $('cal-from').value = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const catalogue = await send('GET', `${API}/services`);
  if (!catalogue.ok) {
    say(catalogue.data.message, 'error');
    return;
  }
  services = catalogue.data.services;
  $('phone-service').replaceChildren(...services.map((service) => Object.assign(document.createElement('option'),
    { value: service.id, textContent: serviceLabel(service.label) })));
  setupForms();
  await Promise.all([loadCalendar(), loadNotices()]);
  document.addEventListener('languagechange', () => Promise.all([loadCalendar(), loadNotices()]));
});
