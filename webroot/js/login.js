// Resident login with BankID. The server starts the order, draws every QR frame (the secret never reaches the
// browser) and calls BankID's collect at most every two seconds whatever we do; we poll once a second for a fresh
// QR frame and status text.
import { api } from './api.js';
import { setupLanguage, t } from './i18n.js';

const POLL_MS = 1000;
let order = null;
let timer = null;

const element = (id) => document.getElementById(id);

function showStatus(text, kind = '') {
  const status = element('status');
  status.className = `status ${kind}`.trim();
  status.textContent = text;
}

function stopPolling() {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
}

function reset() {
  stopPolling();
  order = null;
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
  const result = await api('POST', '/api/v1/login', { device });
  if (!result.ok) {
    fail(result.data?.message || t('login.failed'));
    return;
  }
  order = result.data;
  element('qr-area').hidden = device !== 'other';
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
  poll();
}

async function poll() {
  if (!order) {
    return;
  }
  if (!element('qr-area').hidden) {
    element('qr').src = `/api/v1/bankid/orders/${order.orderId}/qr?frame=${Date.now()}`;
  }
  const result = await api('POST', `/api/v1/bankid/orders/${order.orderId}/collect`, {});
  if (!order) {
    return;
  }
  if (!result.ok) {
    fail(result.data?.message || t('login.failed'));
    return;
  }
  const state = result.data;
  if (state.status === 'complete') {
    showStatus(t('login.done'), 'success');
    window.location.assign(state.redirect || '/mina-sidor/');
    return;
  }
  if (state.status === 'failed' || state.status === 'cancelled') {
    fail(state.message);
    return;
  }
  showStatus(state.message);
  timer = setTimeout(poll, POLL_MS);
}

function fail(message) {
  stopPolling();
  order = null;
  element('qr-area').hidden = true;
  element('open-app-area').hidden = true;
  showStatus(message, 'error');
  element('cancel').hidden = true;
  element('retry').hidden = false;
  element('retry').focus();
}

async function cancel() {
  const current = order;
  stopPolling();
  if (current) {
    await api('POST', `/api/v1/bankid/orders/${current.orderId}/cancel`, {});
  }
  reset();
  element('same-device').focus();
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage(['sv', 'en']);
  element('same-device').addEventListener('click', () => start('same'));
  element('other-device').addEventListener('click', () => start('other'));
  element('cancel').addEventListener('click', cancel);
  element('retry').addEventListener('click', () => {
    reset();
    element('same-device').focus();
  });
});
