// The attestant's list: every payment waiting for attest with what stands in its way for this person, the totals, and
// the attest — of one payment or of those marked, confirming the total seen (the server refuses a list whose total
// has changed since, so nobody attests what they did not see).
import { send } from '../api.js';
import { kronor, shortDate } from '../format.js';
import { t } from '../i18n.js';
import { announce, announceError, el, named, startStaffPage } from './staff.js';

let items = [];

function chosen() {
  return items.filter((item) => document.getElementById(`choose-${item.id}`)?.checked);
}

function sum(list) {
  return list.reduce((total, item) => total + Math.round(Number(item.amount) * 100), 0) / 100;
}

function updateSelection() {
  const marked = chosen();
  document.getElementById('selection').textContent = t('staff.attest.selected', { n: marked.length,
    amount: kronor(sum(marked)) });
  document.getElementById('attest-selected').disabled = marked.length === 0;
}

async function attest(list) {
  const total = sum(list).toFixed(2);
  const result = await send('POST', '/api/v1/payments/attest', { paymentIds: list.map((item) => item.id), total });
  if (result.ok) {
    announce(t('staff.attest.done', { n: result.data.attested, amount: kronor(result.data.total) }));
    await load();
  } else {
    announceError(result);
  }
}

function accountCell(item) {
  if (!item.account) {
    return el('span', { class: 'badge warn' }, t('staff.attest.noAccount'));
  }
  return [item.account.masked, el('br'), t('staff.attest.since', { date: shortDate(item.account.registeredAt) })];
}

function row(item) {
  const payee = item.protected ? el('span', { class: 'badge protected' }, t('staff.protected')) : item.payee;
  const blockers = item.blockers.map((code) => el('div', { class: 'badge warn' }, named('staff.attest.blocker.', code)));
  return el('tr', {},
    el('td', {}, item.attestable ? el('input', { type: 'checkbox', id: `choose-${item.id}`,
      'aria-label': t('staff.attest.chooseOne', { what: item.remittance, amount: kronor(item.amount) }),
      onchange: updateSelection }) : ''),
    el('td', {}, payee, item.replacesFailed ? [el('br'), el('span', { class: 'badge warn' },
      t('staff.attest.replaces', { reason: item.previousFailure || '' }))] : ''),
    el('td', {}, item.remittance),
    el('td', { class: 'num' }, kronor(item.amount)),
    el('td', {}, shortDate(item.executionDate)),
    el('td', {}, item.decidedBy),
    el('td', {}, accountCell(item)),
    el('td', {}, item.attestable ? el('button', { type: 'button', class: 'secondary', onclick: () => attest([item]) },
      t('staff.attest.one')) : blockers));
}

async function load() {
  const result = await send('GET', '/api/v1/payments/attest');
  if (!result.ok) {
    announceError(result);
    return;
  }
  items = result.data.items;
  document.querySelector('#attest tbody').replaceChildren(...items.map(row));
  document.getElementById('total').textContent = kronor(result.data.total);
  document.getElementById('total-count').textContent = t('staff.attest.totals', { n: result.data.count,
    attestable: result.data.attestableCount, amount: kronor(result.data.attestableTotal) });
  document.getElementById('limit').textContent = result.data.limit
    ? t('staff.attest.limit', { amount: kronor(result.data.limit) }) : t('staff.attest.noLimit');
  updateSelection();
}

document.addEventListener('DOMContentLoaded', async () => {
  const session = await startStaffPage();
  if (!session) return;
  document.getElementById('attest-form').addEventListener('submit', (event) => {
    event.preventDefault();
    attest(chosen());
  });
  document.addEventListener('languagechange', load);
  load();
});
