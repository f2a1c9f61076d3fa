// Absences and their ställföreträdare (casework's /absences): who is away when, and who decides in their place.
// Anyone registers their own absence; a gruppledare or enhetschef also registers a colleague's.
import { send } from '../api.js';
import { shortDate } from '../format.js';
import { t } from '../i18n.js';
import { announce, announceError, el, hasRole, startStaffPage } from './staff.js';

let session = null;
let colleagues = [];

function table(caption, headers, rows) {
  return el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))), el('tbody', {}, rows));
}

async function load() {
  const result = await send('GET', '/api/v1/casework/absences');
  if (!result.ok) {
    announceError(result);
    return;
  }
  const absences = result.data.absences;
  document.getElementById('absences').replaceChildren(absences.length === 0 ? el('p', {}, t('staff.absences.none'))
    : table(t('staff.absences.caption'), [t('staff.absences.absent'), t('staff.absences.deputy'), t('staff.absences.from'),
      t('staff.absences.to'), t('staff.absences.reason')], absences.map((absence) => el('tr', {},
      el('td', {}, absence.absent), el('td', {}, absence.deputy), el('td', {}, shortDate(absence.from)),
      el('td', {}, shortDate(absence.to)), el('td', {}, absence.reason)))));
}

function renderChoices() {
  const others = hasRole(session, ['gruppledare', 'enhetschef']);
  const absent = document.getElementById('absent');
  const options = (people) => people.map((person) => el('option', { value: person.id }, person.name));
  absent.replaceChildren(...options(others ? colleagues : colleagues.filter((person) => person.id === session.staffId)));
  absent.value = session.staffId;
  document.getElementById('deputy').replaceChildren(el('option', { value: '' }, t('staff.absences.chooseDeputy')),
    ...options(colleagues.filter((person) => person.id !== session.staffId)));
}

document.addEventListener('DOMContentLoaded', async () => {
  session = await startStaffPage();
  if (!session) return;
  const staff = await send('GET', '/api/v1/casework/staff');
  colleagues = staff.ok ? staff.data.staff : [];
  renderChoices();
  document.getElementById('absence-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const result = await send('POST', '/api/v1/casework/absences', { staffId: form.absent.value,
      deputyId: form.deputy.value, from: form.from.value, to: form.to.value, reason: form.reason.value });
    if (!result.ok) {
      announceError(result);
      return;
    }
    form.reason.value = '';
    await load();
    announce(t('staff.absences.saved'));
  });
  document.addEventListener('languagechange', () => {
    renderChoices();
    load();
  });
  await load();
});
