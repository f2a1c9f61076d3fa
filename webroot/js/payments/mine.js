// Mina sidor's payments: the account the money goes to (bank and last digits only) and each payment of the household
// with its state — planned for a date, on its way, paid on the day the bank paid it out, or failed with the bank's
// reason and what to do.
import { send } from '../api.js';
import { date, kronor } from '../format.js';
import { t } from '../i18n.js';

const $ = (id) => document.getElementById(id);

function link(href, text) {
  return Object.assign(document.createElement('a'), { href, textContent: text });
}

function stateText(payment) {
  switch (payment.state) {
    case 'paid':
      return t('payments.state.paid', { date: date(payment.paidOn) });
    case 'sent':
      return t('payments.state.sent', { date: date(payment.date) });
    case 'paid_other':
      return t('payments.state.paid_other');
    case 'failed':
      return t('payments.state.failed', { reason: payment.reason || '' });
    default:
      return t('payments.state.planned', { date: date(payment.date) });
  }
}

function item(payment) {
  const li = document.createElement('li');
  li.className = `case payment payment-${payment.state}`;
  const heading = document.createElement('h3');
  heading.textContent = `${payment.text} – ${kronor(payment.amount)}`;
  const state = Object.assign(document.createElement('p'), { textContent: stateText(payment) });
  li.append(heading, state);
  if (payment.state === 'failed') {
    const next = document.createElement('p');
    next.append(link('/mina-sidor/konto/', t('payments.changeAccount')));
    li.append(next);
  }
  return li;
}

/** Renders the account line and the payments list into Mina sidor. */
export async function renderPayments() {
  const [account, mine] = await Promise.all([send('GET', '/api/v1/payments/account'),
    send('GET', '/api/v1/payments/mine')]);
  const line = $('payout-account');
  if (account.ok) {
    const current = account.data.account;
    line.replaceChildren(current ? t('payments.account', { masked: current.masked }) : t('payments.noAccount'), ' ',
      link('/mina-sidor/konto/', current ? t('payments.changeAccount') : t('payments.giveAccount')));
  }
  if (!mine.ok) {
    return;
  }
  $('payments').replaceChildren(...mine.data.payments.map(item));
  $('payments-empty').hidden = mine.data.payments.length > 0;
}
