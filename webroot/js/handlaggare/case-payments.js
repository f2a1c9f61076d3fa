// The case page's payments: where each payment of the case stands, the payee's account as bank and last digits with
// when it changed (never the whole number), the bank's reason for a rejection, and the handläggare's two actions —
// checking a recent account change, and recording a payout made the municipality's other way when there is no account.
import { send } from '../api.js';
import { date, kronor, shortDate } from '../format.js';
import { t } from '../i18n.js';
import { announce, announceError, el, named } from './staff.js';

function caseId() {
  return new URLSearchParams(window.location.search).get('id');
}

function manualForm(payment) {
  const method = el('input', { id: `manual-method-${payment.id}`, maxlength: '100', required: true });
  const note = el('input', { id: `manual-note-${payment.id}`, maxlength: '2000' });
  return el('form', { class: 'manual', onsubmit: async (event) => {
    event.preventDefault();
    const result = await send('POST', `/api/v1/payments/${payment.id}/manual`, { method: method.value,
      note: note.value });
    if (result.ok) {
      announce(t('staff.casePayments.manualDone'));
      renderCasePayments();
    } else {
      announceError(result);
    }
  } },
    el('div', { class: 'field' }, el('label', { for: method.id }, t('staff.casePayments.manualMethod')), method),
    el('div', { class: 'field' }, el('label', { for: note.id }, t('staff.casePayments.manualNote')), note),
    el('button', { type: 'submit' }, t('staff.casePayments.manualSubmit')));
}

function paymentRow(payment, hasAccount) {
  const state = payment.status === 'paid' ? t('staff.casePayments.paidOn', { date: date(payment.paidOn) })
    : named('staff.casePayments.status.', payment.status);
  const actions = [];
  if (payment.accountCheckNeeded) {
    actions.push(el('button', { type: 'button', class: 'secondary', onclick: async () => {
      const result = await send('POST', `/api/v1/payments/${payment.id}/account-check`, {});
      if (result.ok) {
        announce(t('staff.casePayments.checked'));
        renderCasePayments();
      } else {
        announceError(result);
      }
    } }, t('staff.casePayments.check')));
  }
  if (payment.status === 'awaiting_attest' && !hasAccount) {
    actions.push(manualForm(payment));
  }
  return el('tr', {},
    el('td', {}, payment.remittance),
    el('td', { class: 'num' }, kronor(payment.amount)),
    el('td', {}, shortDate(payment.executionDate)),
    el('td', {}, state, payment.failure ? [el('br'), payment.failure] : ''),
    el('td', {}, actions));
}

/** Renders the case's payments into #payments-section (hidden when the case has none). */
export async function renderCasePayments() {
  const section = document.getElementById('payments-section');
  const result = await send('GET', `/api/v1/payments/cases/${caseId()}`);
  if (!result.ok || result.data.payments.length === 0) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const data = result.data;
  const account = data.account
    ? t(data.account.changed ? 'staff.casePayments.accountChanged' : 'staff.casePayments.account',
      { masked: data.account.masked, date: shortDate(data.account.registeredAt) })
    : t('staff.casePayments.noAccount', { route: data.alternativeRoute });
  document.getElementById('payments-account').textContent = account;
  document.querySelector('#case-payments tbody').replaceChildren(...data.payments
    .map((payment) => paymentRow(payment, Boolean(data.account))));
}
