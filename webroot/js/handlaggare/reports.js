// The control reports as pages (loggkontroll, delegationsbeslut, stickprov per channel): a period and filters, the
// report as a table, and the same selection as CSV. Times are the server's, in Swedish local time.
import { send } from '../api.js';
import { t } from '../i18n.js';
import { announceError, el, named, startStaffPage } from './staff.js';

const report = document.getElementById('main').dataset.report;
let last = null;

function table(caption, headers, rows) {
  return el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col', class: header.num ? 'num' : null },
      header.text || header)))), el('tbody', {}, rows));
}

function today() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** The filters as a query string; the same for the page's table and for the CSV. */
function query() {
  const form = document.getElementById('filters');
  const params = new URLSearchParams({ from: form.from.value, to: form.to.value });
  for (const [field, param] of [['staff', 'staffId'], ['person', 'personId'], ['action', 'action']]) {
    if (form[field] && form[field].value) params.set(param, form[field].value);
  }
  return params.toString();
}

function options(select, empty, choices) {
  if (!select) return;
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, empty), ...choices.map(([value, label]) => el('option', { value }, label)));
  select.value = choices.some(([value]) => value === chosen) ? chosen : '';
}

function yes(flag) {
  return flag ? t('staff.reports.yes') : '';
}

const RENDER = {
  loggkontroll(data) {
    // The persons and kinds of event of the period, to narrow the list down to one.
    const persons = new Map(data.entries.map((entry) => [entry.personId, entry.person]));
    if (!document.getElementById('person').value) {
      options(document.getElementById('person'), t('staff.reports.everyone'), [...persons.entries()]);
    }
    options(document.getElementById('action'), t('staff.reports.allActions'),
      data.actions.map((action) => [action, named('staff.audit.', action)]));
    document.getElementById('summary').textContent = t('staff.reports.loggkontroll.summary', { n: data.count,
      noCase: data.flaggedNoOpenCase, protectedCount: data.flaggedProtectedIdentity, refused: data.refused });
    return data.entries.length === 0 ? el('p', {}, t('staff.reports.none')) : table(t('staff.reports.loggkontroll.caption'),
      [t('staff.reports.time'), t('staff.reports.staff'), t('staff.reports.action'), t('staff.reports.person'),
        t('staff.reports.flagNoCase'), t('staff.reports.flagProtected'), t('staff.reports.flagRefused')],
      data.entries.map((entry) => el('tr', { class: entry.refused ? 'refused' : null },
        el('td', {}, entry.localTime), el('td', {}, entry.staff), el('td', {}, named('staff.audit.', entry.action)),
        el('td', {}, entry.person), el('td', {}, yes(entry.flagNoOpenCase)), el('td', {}, yes(entry.flagProtectedIdentity)),
        el('td', {}, yes(entry.refused)))));
  },
  delegationsbeslut(data) {
    document.getElementById('summary').textContent = t('staff.reports.delegationsbeslut.summary',
      { n: data.count, deciders: data.deciders });
    return data.rows.length === 0 ? el('p', {}, t('staff.reports.none')) : table(t('staff.reports.delegationsbeslut.caption'),
      [t('staff.reports.arendetyp'), t('staff.reports.beslutsperiod'), t('staff.reports.beslutsdatum'),
        t('staff.reports.decider')],
      data.rows.map((row) => el('tr', {}, el('td', {}, row.arendetyp), el('td', {}, row.beslutsperiod),
        el('td', {}, row.beslutsdatum), el('td', {}, row.beslutsfattare))));
  },
  stickprov(data) {
    document.getElementById('summary').textContent = '';
    return table(t('staff.reports.stickprov.caption'), [t('staff.channel'), { text: t('staff.reports.drawn'), num: true },
      { text: t('staff.reports.sampled'), num: true }, { text: t('staff.reports.share'), num: true },
      { text: t('staff.reports.confirmed'), num: true }, { text: t('staff.reports.discrepancy'), num: true },
      { text: t('staff.reports.pending'), num: true }],
    data.channels.map((channel) => el('tr', {}, el('td', {}, named('staff.channel.', channel.channel)),
      el('td', { class: 'num' }, channel.drawn), el('td', { class: 'num' }, channel.sampled),
      el('td', { class: 'num' }, channel.sampledPercent === null ? '–' : channel.sampledPercent + ' %'),
      el('td', { class: 'num' }, channel.confirmed), el('td', { class: 'num' }, channel.discrepancy),
      el('td', { class: 'num' }, channel.pending))));
  },
};

async function load() {
  const q = query();
  document.getElementById('csv').href = '/api/v1/reports/' + report + '.csv?' + q;
  const result = await send('GET', '/api/v1/reports/' + report + '?' + q);
  if (!result.ok) {
    announceError(result);
    return;
  }
  last = result.data;
  document.getElementById('report').replaceChildren(RENDER[report](last));
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!(await startStaffPage())) return;
  const form = document.getElementById('filters');
  form.to.value = today();
  form.from.value = today().substring(0, 8) + '01';
  if (form.staff) {
    const staff = await send('GET', '/api/v1/reports/staff');
    if (!staff.ok) {
      announceError(staff);
      return;
    }
    options(form.staff, t('staff.reports.everyone'), staff.data.staff.map((person) => [person.id, person.name]));
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  document.addEventListener('languagechange', () => {
    if (last) document.getElementById('report').replaceChildren(RENDER[report](last));
  });
  await load();
});
