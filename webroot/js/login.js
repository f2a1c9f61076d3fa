// Resident login with BankID: start the order, then follow it (bankid-order.js) until a session exists.
import { send } from './api.js';
import { followOrder } from './bankid-order.js';
import { setupLanguage, t } from './i18n.js';
import { optionalResidentSession } from './session.js';

let order = null;
let following = null;

/**
 * Where to go once logged in: the page the resident was on when the session ended (?next=, kept for the return from
 * the BankID app), else where the server says. Only a path on this site, never another address.
 */
function destination(serverRedirect) {
  const asked = new URLSearchParams(window.location.search).get('next') || sessionStorage.getItem('loginNext');
  if (asked && /^\/(?![\/\\])/.test(asked)) {
    sessionStorage.removeItem('loginNext');
    return asked;
  }
  return serverRedirect || '/mina-sidor/';
}

const element = (id) => document.getElementById(id);

function showStatus(text, kind = '') {
  const status = element('status');
  status.className = `status ${kind}`.trim();
  status.textContent = text;
}

function reset() {
  order = null;
  following = null;
  element('choose').hidden = false;
  element('progress').hidden = true;
  element('retry').hidden = true;
  element('cancel').hidden = false;
}

async function start(device) {
  element('choose').hidden = true;
  element('progress').hidden = false;
  element('retry').hidden = true;
  element('cancel').hidden = false;
  showStatus(t('login.starting'));
  const result = await send('POST', '/api/v1/login', { device });
  if (!result.ok) {
    fail(result.data.message);
    return;
  }
  order = result.data;
  element('qr-area').hidden = device !== 'other';
  element('qr').hidden = device !== 'other';
  element('open-app-area').hidden = device !== 'same';
  element('open-app').href = order.autoStartUrl;
  if (order.simulatorUrl) {
    element('simulator-area').hidden = false;
    element('simulator-link').href = order.simulatorUrl;
  }
  if (device === 'same' && !order.simulatorUrl) {
    // Start the app right away, as BankID recommends for the same device (in demo mode the simulator link is used).
    window.location.href = order.autoStartUrl;
  }
  following = followOrder(order, {
    qrImage: element('qr'),
    onStatus: (text) => showStatus(text),
    onComplete: (state) => {
      showStatus(t('login.done'), 'success');
      window.location.assign(destination(state.redirect));
    },
    onFailure: (text) => fail(text || t('login.failed')),
  });
}

function fail(message) {
  following = null;
  order = null;
  element('qr-area').hidden = true;
  element('open-app-area').hidden = true;
  showStatus(message, 'error');
  element('cancel').hidden = true;
  element('retry').hidden = false;
  element('retry').focus();
}

async function cancel() {
  if (following) {
    await following.cancel();
  }
  reset();
  element('same-device').focus();
}

/** Back from the BankID app (its returnUrl ends in #order=<id>): keep following that order. */
function resumeReturnedOrder() {
  const match = /^#order=([0-9a-f-]{36})$/.exec(window.location.hash);
  if (!match) {
    return;
  }
  history.replaceState(null, '', window.location.pathname);
  element('choose').hidden = true;
  element('progress').hidden = false;
  showStatus(t('login.starting'));
  order = { orderId: match[1] };
  following = followOrder(order, {
    onStatus: (text) => showStatus(text),
    onComplete: (state) => window.location.assign(destination(state.redirect)),
    onFailure: (text) => fail(text || t('login.failed')),
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  const next = new URLSearchParams(window.location.search).get('next');
  if (next) {
    sessionStorage.setItem('loginNext', next);
  }
  optionalResidentSession();
  resumeReturnedOrder();
  element('same-device').addEventListener('click', () => start('same'));
  element('other-device').addEventListener('click', () => start('other'));
  element('cancel').addEventListener('click', cancel);
  element('retry').addEventListener('click', () => {
    reset();
    element('same-device').focus();
  });
});
