// The resident's payout account: what is registered now (bank and the last digits only), and a form to give a new
// one, checked by the server against the banks' rules and confirmed with the resident's own BankID. Also where BankID
// returns after confirming on this device (#order=<id>).
import { problems, send } from '../api.js';
import { followOrder } from '../bankid-order.js';
import { shortDate } from '../format.js';
import { setupLanguage, t } from '../i18n.js';
import { residentSession } from '../session.js';

const $ = (id) => document.getElementById(id);
let following = null;

function status(text, kind = '') {
  const box = $('status');
  box.className = `status ${kind}`.trim();
  box.textContent = text;
  box.hidden = !text;
  if (kind) {
    box.focus();
  }
}

async function showCurrent() {
  const result = await send('GET', '/api/v1/payments/account');
  if (!result.ok) {
    return;
  }
  const account = result.data.account;
  $('current').textContent = account
    ? t('account.registered', { masked: account.masked, date: shortDate(account.registeredAt) })
    : t('account.none');
  $('kind-field').hidden = !result.data.giroAccepted;
}

function kind() {
  return document.querySelector('input[name=kind]:checked').value;
}

function showFields() {
  $('clearing-field').hidden = kind() !== 'bank';
}

function clearProblems() {
  for (const name of ['clearing', 'number']) {
    const field = $(`${name}-field`);
    field.classList.remove('has-error');
    field.querySelectorAll('.field-error').forEach((node) => node.remove());
    $(name).removeAttribute('aria-invalid');
  }
}

function showProblems(result) {
  let first = null;
  for (const problem of problems(result, 'number')) {
    const name = problem.field === 'clearing' ? 'clearing' : 'number';
    const field = $(`${name}-field`);
    field.classList.add('has-error');
    const message = Object.assign(document.createElement('p'), { className: 'field-error', textContent: problem.message });
    message.id = `${name}-error`;
    field.append(message);
    $(name).setAttribute('aria-invalid', 'true');
    $(name).setAttribute('aria-describedby', `${name}-hint ${name}-error`);
    first = first || $(name);
  }
  status(result.data.message, 'error');
  if (first) {
    first.focus();
  }
}

function resetSigning() {
  following = null;
  $('qr-area').hidden = true;
  $('open-app-area').hidden = true;
  $('simulator-area').hidden = true;
  $('sign-cancel').hidden = true;
  $('sign-choices').hidden = false;
}

function completed(state) {
  resetSigning();
  if (state.outcome === 'account_registered') {
    status(t('account.done', { masked: state.masked }), 'success');
    $('account-form').reset();
    showFields();
    showCurrent();
  } else {
    status(t('account.refused'), 'error');
  }
}

async function start(device) {
  clearProblems();
  status(t('sign.starting'));
  const body = { kind: kind(), clearing: $('clearing').value, number: $('number').value };
  const result = await send('POST', `/api/v1/payments/account?device=${device === 'other' ? 'qr' : 'same'}`, body);
  if (!result.ok) {
    showProblems(result);
    return;
  }
  const order = result.data;
  $('sign-choices').hidden = true;
  $('qr-area').hidden = device !== 'other';
  $('open-app-area').hidden = device !== 'same';
  $('open-app').href = order.autoStartUrl;
  if (order.simulatorUrl) {
    $('simulator-area').hidden = false;
    $('simulator-link').href = order.simulatorUrl;
  }
  $('sign-cancel').hidden = false;
  status(t('account.confirming', { bank: order.bank }));
  following = followOrder(order, {
    qrImage: $('qr'),
    onStatus: (text) => status(text),
    onComplete: completed,
    onFailure: (text) => {
      resetSigning();
      status(text || t('sign.failed'), 'error');
    },
  });
}

/** Back from the BankID app on this device: finish following the order. */
function resume() {
  const match = /order=([0-9a-f-]{36})/.exec(window.location.hash);
  if (!match) {
    return;
  }
  history.replaceState(null, '', window.location.pathname);
  status(t('sign.resuming'));
  followOrder({ orderId: match[1] }, {
    onStatus: (text) => status(text),
    onComplete: completed,
    onFailure: (text) => status(text || t('sign.failed'), 'error'),
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  const session = await residentSession();
  if (!session) {
    return;
  }
  await showCurrent();
  showFields();
  document.querySelectorAll('input[name=kind]').forEach((input) => input.addEventListener('change', showFields));
  $('account-form').addEventListener('submit', (event) => {
    event.preventDefault();
    start('same');
  });
  $('sign-other').addEventListener('click', () => start('other'));
  $('sign-cancel').addEventListener('click', async () => {
    if (following) {
      await following.cancel();
    }
    resetSigning();
    status(t('sign.cancelled'));
  });
  document.addEventListener('languagechange', showCurrent);
  resume();
});
