// The nämnd's nyckeltal: a month's figures as tables (from its stored snapshot once the month has ended), the trend of
// the stored months as charts with their tables (js/charts.js), and the month as CSV and PDF.
import { send } from '../api.js';
import { chart } from '../charts.js';
import { t } from '../i18n.js';
import { dateTime, kronor, monthName } from '../format.js';
import { announce, announceError, el, hasRole, named, startStaffPage } from '../handlaggare/staff.js';

let last = null;
let trend = null;

function table(caption, headers, rows) {
  return el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header, index) => el('th', { scope: 'col', class: index > 0 ? 'num' : null },
      header)))), el('tbody', {}, rows));
}

function row(label, ...values) {
  return el('tr', {}, el('th', { scope: 'row' }, label), values.map((value) => el('td', { class: 'num' }, value)));
}

function percent(value) {
  return value === null || value === undefined ? '–' : value.replace('.', ',') + ' %';
}

function money(value) {
  return value === null || value === undefined ? '–' : kronor(value);
}

function render(answer) {
  const figures = answer.figures;
  const applications = figures.applications;
  document.getElementById('state').textContent = answer.final
    ? t('staff.nyckeltal.final', { at: dateTime(answer.computedAt), version: answer.definitionVersion })
    : t('staff.nyckeltal.preliminary');
  const residents = figures.residents;
  return el('div', {},
    table(t('staff.nyckeltal.channels'), [t('staff.channel'), t('staff.nyckeltal.count'), t('staff.reports.share')], [
      ...['digital', 'assisted', 'paper'].map((channel) => row(named('staff.channel.', channel),
        applications[channel].count, percent(applications[channel].percent))),
      row(t('staff.nyckeltal.total'), applications.total, ''),
      row(t('staff.nyckeltal.withdrawn'), applications.withdrawn, '')]),
    table(t('staff.nyckeltal.households'), [t('staff.nyckeltal.measure'), t('staff.nyckeltal.value')], [
      row(t('staff.nyckeltal.householdCount'), figures.households),
      row(t('staff.nyckeltal.granted'), money(figures.cost.granted)),
      row(t('staff.nyckeltal.paid'), money(figures.cost.paid)),
      row(t('staff.nyckeltal.grantedPerHousehold'), money(figures.cost.grantedPerHousehold)),
      row(t('staff.nyckeltal.paidPerHousehold'), money(figures.cost.paidPerHousehold))]),
    table(t('staff.nyckeltal.familyTypes'), [t('staff.nyckeltal.familyType'), t('staff.nyckeltal.householdCount'),
      t('staff.reports.share')], figures.familyTypes.map((type) => row(named('staff.familyType.', type.type),
      type.households, percent(type.percent)))),
    table(t('staff.nyckeltal.residents'), [t('staff.nyckeltal.measure'), t('staff.nyckeltal.value')], [
      row(t('staff.nyckeltal.recipients'), residents.recipients),
      row(t('staff.nyckeltal.meanMonths'), residents.meanMonthsLast12 === null ? '–' : residents.meanMonthsLast12.replace('.', ',')),
      ...residents.monthsLast12.map((group) => row(t('staff.nyckeltal.monthsGroup', { months: group.months }), group.residents)),
      row(t('staff.nyckeltal.longTerm'), residents.longTerm.count + ' (' + percent(residents.longTerm.percent) + ')')]),
    table(t('staff.nyckeltal.decisions'), [t('staff.nyckeltal.decision'), t('staff.nyckeltal.count')],
      figures.decisions.map((decision) => row(named('staff.decisionType.', decision.type) + ': '
        + named('staff.outcome.', decision.outcome), decision.count))),
    table(t('staff.nyckeltal.avslagReasons'), [t('staff.nyckeltal.reason'), t('staff.nyckeltal.count')],
      figures.avslagReasons.map((reason) => row(named('staff.reasonCode.', reason.reason), reason.count))),
    table(t('staff.nyckeltal.avslutReasons'), [t('staff.nyckeltal.reason'), t('staff.nyckeltal.count')],
      figures.avslutReasons.map((reason) => row(named('staff.reasonCode.', reason.reason), reason.count))));
}

function number(value) {
  return value === null || value === undefined ? null : Number(value);
}

function renderTrend(data) {
  const container = document.getElementById('trend');
  if (data.months.length === 0) {
    container.replaceChildren(el('p', {}, t('staff.nyckeltal.noTrend')));
    return;
  }
  const categories = data.months.map((point) => monthName(point.month));
  const households = el('div', {});
  const cost = el('div', {});
  const shares = el('div', {});
  container.replaceChildren(households, cost, shares);
  chart(households, { caption: t('staff.nyckeltal.householdCount'), categoryHeading: t('staff.nyckeltal.month'),
    categories, kind: 'lines', series: [{ label: t('staff.nyckeltal.householdCount'), values: data.months.map((p) => p.households) }] });
  chart(cost, { caption: t('staff.nyckeltal.grantedPerHousehold'), categoryHeading: t('staff.nyckeltal.month'),
    categories, kind: 'lines', series: [{ label: t('staff.nyckeltal.kronor'), values: data.months.map((p) => number(p.grantedPerHousehold)) }] });
  chart(shares, { caption: t('staff.nyckeltal.shares'), categoryHeading: t('staff.nyckeltal.month'), categories, kind: 'lines',
    series: [{ label: t('staff.nyckeltal.digitalShare'), values: data.months.map((p) => number(p.digitalPercent)) },
      { label: t('staff.nyckeltal.longTermShare'), values: data.months.map((p) => number(p.longTermPercent)) }] });
}

async function load() {
  const month = document.getElementById('month').value;
  document.getElementById('csv').href = '/api/v1/admin/nyckeltal.csv?month=' + month;
  document.getElementById('pdf').href = '/api/v1/admin/nyckeltal.pdf?month=' + month;
  const result = await send('GET', '/api/v1/admin/nyckeltal?month=' + month);
  if (!result.ok) {
    announceError(result);
    return;
  }
  last = result.data;
  document.getElementById('report').replaceChildren(render(last));
}

async function loadTrend() {
  const result = await send('GET', '/api/v1/admin/nyckeltal/trend?months=24');
  if (!result.ok) {
    announceError(result);
    return;
  }
  trend = result.data;
  renderTrend(trend);
}

function lastMonth() {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const [year, month] = today.split('-').map(Number);
  return month === 1 ? (year - 1) + '-12' : year + '-' + String(month - 1).padStart(2, '0');
}

document.addEventListener('DOMContentLoaded', async () => {
  const session = await startStaffPage();
  if (!session) return;
  const form = document.getElementById('filters');
  form.month.value = lastMonth();
  const snapshot = document.getElementById('snapshot');
  snapshot.hidden = !hasRole(session, ['admin']);
  snapshot.addEventListener('click', async () => {
    const result = await send('POST', '/api/v1/admin/nyckeltal/snapshots', { month: form.month.value });
    if (!result.ok) {
      announceError(result);
      return;
    }
    last = result.data;
    document.getElementById('report').replaceChildren(render(last));
    announce(t('staff.nyckeltal.snapshotSaved'));
    await loadTrend();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  document.addEventListener('languagechange', () => {
    if (last) document.getElementById('report').replaceChildren(render(last));
    if (trend) renderTrend(trend);
  });
  await load();
  await loadTrend();
});
