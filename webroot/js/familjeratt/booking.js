// One booking as its resident sees it: their own meetings (never the other parent's time with separate meetings),
// the calendar file, and what they can do — confirm with BankID (the other parent, choosing their own time when the
// parents meet separately), decline, move or cancel up to the cut-off.
import { problems, send } from '../api.js';
import { setupLanguage, t } from '../i18n.js';
import { residentSession } from '../session.js';
import { showProblems } from '../bistand/errors.js';
import { refusalText, signer } from '../bistand/signing.js';
import { dateTime, meetingTime } from '../format.js';
import { $, chosen, label, status, timePicker } from './common.js';

const id = new URLSearchParams(window.location.search).get('id');
const base = `/api/v1/familjeratt/bookings/${id}`;
let booking = null;
let cutoffHours = 24;

function meetingItem(meeting) {
  const li = document.createElement('li');
  li.className = 'case';
  const heading = Object.assign(document.createElement('h3'), { textContent: meetingTime(meeting.start) });
  li.append(heading);
  const place = meeting.place === 'digital'
    ? t('familjeratt.digitalMeeting', { link: meeting.meetingLink || '' })
    : t('familjeratt.officeMeeting', { office: meeting.office || '' });
  li.append(Object.assign(document.createElement('p'), { textContent: place }));
  li.append(Object.assign(document.createElement('p'), {
    textContent: t(`familjeratt.meetingStatus.${meeting.status}`) + (meeting.interpreter
      ? ` ${t('familjeratt.withInterpreter', { language: meeting.interpreter })}` : ''),
  }));
  return li;
}

async function moveTimes() {
  const query = new URLSearchParams({ service: booking.service, booking: id });
  const result = await send('GET', `/api/v1/familjeratt/times?${query}`);
  return result.ok ? result.data.times : [];
}

async function render() {
  const result = await send('GET', base);
  if (!result.ok) {
    status($('status'), result.data.message, 'error');
    return;
  }
  booking = result.data;
  $('booking-heading').textContent = label(booking.serviceLabel) || t('familjeratt.bookingHeading');
  $('booking-status').textContent = t('familjeratt.statusLine', { status: t(`familjeratt.status.${booking.status}`) });
  const other = booking.otherParent;
  $('other-parent').hidden = !other;
  if (other) {
    $('other-parent').textContent = booking.role === 'booker'
      ? t('familjeratt.withOther', { name: other.name || t('familjeratt.theOtherParent') })
      : t('familjeratt.askedBy', { name: other.name || t('familjeratt.theOtherParent') });
  }
  $('cancel-reason').hidden = !booking.cancelReason;
  $('cancel-reason').textContent = booking.cancelReason ? t('familjeratt.cancelledBecause', { reason: booking.cancelReason }) : '';
  $('meetings').replaceChildren(...booking.meetings.map(meetingItem));
  $('no-meetings').hidden = booking.meetings.length > 0;
  $('calendar-area').hidden = !booking.actions.calendar;
  $('calendar').href = `${base}/calendar.ics`;
  $('documents').replaceChildren(...booking.documents.map((document_) => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('a'), { href: `${base}/documents/${document_.id}`,
      textContent: t(`familjeratt.document.${document_.kind}`) }));
    return li;
  }));
  $('confirm').hidden = !booking.actions.confirm;
  if (booking.actions.confirm) {
    $('confirm-text').textContent = t(booking.separate ? 'familjeratt.confirmSeparate' : 'familjeratt.confirmJoint',
      { deadline: dateTime(booking.confirmDeadline) });
    $('own-time').hidden = !booking.actions.chooseOwnTime && !booking.separate;
    if (booking.separate) {
      $('f-start').replaceChildren(timePicker(await moveTimes(), 'start'));
    }
  }
  $('change').hidden = !(booking.actions.move || booking.actions.cancel);
  $('move-area').hidden = !booking.actions.move;
  $('change-hint').textContent = t('familjeratt.changeHint', { hours: cutoffHours });
  if (booking.actions.move) {
    $('move-times').replaceChildren(timePicker(await moveTimes(), 'move'));
  }
}

/** Before BankID: the contact details and, with separate meetings, the chosen own time (held for this parent). */
async function prepare() {
  const body = { email: $('f-email').value.trim() || undefined, phone: $('f-phone').value.trim() || undefined };
  if (booking.separate) {
    body.start = chosen('start');
  }
  const result = await send('POST', `${base}/confirm`, body);
  if (!result.ok) {
    if (result.data.error === 'time_taken') {
      $('f-start').replaceChildren(timePicker(result.data.nextTimes || [], 'start'));
    }
    showProblems($('confirm-form'), $('summary'), problems(result, 'start'), 'f-start');
    return false;
  }
  showProblems($('confirm-form'), $('summary'), [], 'f-start');
  return true;
}

function setupSigning() {
  const signing = signer(`${base}/confirm/sign`, {
    qrArea: $('qr-area'), qr: $('qr'), openAppArea: $('open-app-area'), openApp: $('open-app'),
    simulatorArea: $('simulator-area'), simulatorLink: $('simulator-link'), status: $('sign-status'),
    cancel: $('sign-cancel'), choices: $('confirm-choices'),
  }, {
    async onComplete(state) {
      if (state.outcome === 'refused') {
        signing.status(refusalText(state.reason), 'error');
        return;
      }
      await render();
      status($('status'), t('familjeratt.confirmed'), 'success');
      $('booking-heading').focus();
    },
    onFailure(data) {
      signing.status(data.message, 'error');
    },
  });
  for (const [button, device] of [['confirm-same', 'same'], ['confirm-other', 'other']]) {
    $(button).addEventListener('click', async () => {
      if (await prepare()) {
        signing.start(device);
      }
    });
  }
}

async function act(path, body, done) {
  const result = await send('POST', `${base}/${path}`, body);
  if (!result.ok) {
    if (result.data.error === 'time_taken') {
      $('move-times').replaceChildren(timePicker(result.data.nextTimes || [], 'move'));
    }
    status($('status'), result.data.message, 'error');
    $('status').focus();
    return;
  }
  await render();
  status($('status'), done, 'success');
  $('status').focus();
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  if (!await residentSession()) {
    return;
  }
  const services = await send('GET', '/api/v1/familjeratt/services');
  if (services.ok) {
    cutoffHours = services.data.cancelCutoffHours;
  }
  await render();
  setupSigning();
  $('decline').addEventListener('click', () => act('decline', {}, t('familjeratt.declined')));
  $('cancel').addEventListener('click', () => act('cancel', {}, t('familjeratt.cancelled')));
  $('move').addEventListener('click', () => act('move', { start: chosen('move') }, t('familjeratt.moved')));
  document.addEventListener('languagechange', render);
});
