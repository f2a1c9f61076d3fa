// Ej verkställda beslut for IVO and the nämnd: the quarter's decisions not executed within three months, the decisions
// approaching the limit (30 and 60 days), and for each a form where staff record why and the interim measure.
import { send } from '../api.js';
import { t } from '../i18n.js';
import { date } from '../format.js';
import { announce, announceError, el, named, startStaffPage } from '../handlaggare/staff.js';

let last = null;

function quarters() {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  let year = Number(today.substring(0, 4));
  let quarter = Math.floor((Number(today.substring(5, 7)) - 1) / 3) + 1;
  const list = [];
  for (let i = 0; i < 8; i++) {
    list.push(year + '-Q' + quarter);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return list;
}

function noteForm(item) {
  const id = item.decisionId + (item.alert ? '-alert' : '');
  const reason = el('textarea', { id: 'reason-' + id, name: 'reason', rows: 2, maxlength: 1000, required: true },
    item.reason || '');
  const interim = el('input', { id: 'interim-' + id, name: 'interimMeasure', type: 'text', maxlength: 1000,
    value: item.interimMeasure || '' });
  const form = el('form', { class: 'manual', 'aria-label': t('staff.ivo.noteFor', { reference: item.caseReference }) },
    el('div', {}, el('label', { for: 'reason-' + id }, t('staff.ivo.reason')), reason),
    el('div', {}, el('label', { for: 'interim-' + id }, t('staff.ivo.interimMeasure')), interim),
    el('button', { type: 'submit' }, t('staff.ivo.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await send('POST', '/api/v1/admin/ivo/decisions/' + item.decisionId + '/note',
      { reason: reason.value, interimMeasure: interim.value || null });
    if (!result.ok) {
      announceError(result);
      const field = result.data.fields.some((problem) => problem.field === 'interimMeasure') ? interim : reason;
      field.setAttribute('aria-invalid', 'true');
      return;
    }
    item.reason = result.data.reason;
    item.interimMeasure = result.data.interimMeasure;
    announce(t('staff.ivo.saved', { reference: item.caseReference }));
  });
  return el('details', {}, el('summary', {}, item.reason ? t('staff.ivo.change') : t('staff.ivo.record')), form);
}

function table(caption, items, alerts) {
  const headers = [t('staff.ivo.case'), t('staff.ivo.decisionType'), t('staff.ivo.decided'), t('staff.ivo.limit'),
    t('staff.ivo.executed'), t('staff.ivo.days'), t('staff.ivo.why'), t('staff.ivo.reason'), t('staff.ivo.interimMeasure')];
  if (alerts) headers.push(t('staff.ivo.alert'));
  return el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, items.map((item) => el('tr', {},
      el('th', { scope: 'row' }, item.caseReference), el('td', {}, named('staff.decisionType.', item.decisionType)),
      el('td', {}, date(item.decidedOn)), el('td', {}, date(item.limit)),
      el('td', {}, item.executedOn ? date(item.executedOn) : '–'), el('td', { class: 'num' }, item.daysWaited),
      el('td', {}, named('staff.ivoWhy.', item.why)),
      el('td', {}, item.reason || '–', noteForm(item)), el('td', {}, item.interimMeasure || '–'),
      alerts ? el('td', {}, t('staff.ivo.alertDays', { days: item.alert })) : null))));
}

function render(report) {
  document.getElementById('summary').textContent = t('staff.ivo.summary', { n: report.count, from: date(report.from),
    to: date(report.to), asOf: date(report.asOf) });
  document.getElementById('report').replaceChildren(report.items.length === 0 ? el('p', {}, t('staff.ivo.none'))
    : table(t('staff.ivo.reportedCaption', { quarter: report.quarter }), report.items, false));
  document.getElementById('alerts').replaceChildren(report.alerts.length === 0 ? el('p', {}, t('staff.ivo.noAlerts'))
    : table(t('staff.ivo.alertsCaption'), report.alerts, true));
}

async function load() {
  const quarter = document.getElementById('quarter').value;
  document.getElementById('csv').href = '/api/v1/admin/ivo.csv?quarter=' + quarter;
  document.getElementById('pdf').href = '/api/v1/admin/ivo.pdf?quarter=' + quarter;
  const result = await send('GET', '/api/v1/admin/ivo?quarter=' + quarter);
  if (!result.ok) {
    announceError(result);
    return;
  }
  last = result.data;
  render(last);
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!(await startStaffPage())) return;
  const select = document.getElementById('quarter');
  select.replaceChildren(...quarters().map((quarter) => el('option', { value: quarter }, quarter)));
  document.getElementById('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  document.addEventListener('languagechange', () => {
    if (last) render(last);
  });
  await load();
});
