// Alerts about payments: for the handläggare the payments the bank rejected (with the bank's reason, a link to the
// case), for an administrator the bank files that could not be read and the payment files that failed the schema.
import { send } from '../api.js';
import { shortDateTime } from '../format.js';
import { t } from '../i18n.js';
import { announce, announceError, el, startStaffPage } from './staff.js';

function item(alert) {
  const acknowledge = el('button', { type: 'button', class: 'secondary', onclick: async () => {
    const result = await send('POST', `/api/v1/payments/alerts/${alert.id}/acknowledge`, {});
    if (result.ok) {
      announce(t('staff.payments.acknowledged'));
      load();
    } else {
      announceError(result);
    }
  } }, t('staff.payments.acknowledge'));
  return el('li', { class: 'warning' },
    el('p', {}, el('strong', {}, shortDateTime(alert.createdAt)), alert.mine ? [' ', el('span', { class: 'badge' },
      t('staff.payments.mine'))] : ''),
    el('p', {}, alert.message),
    alert.applicationId ? el('p', {}, el('a', { href: `/handlaggare/arende/?id=${alert.applicationId}` },
      t('staff.payments.openCase'))) : '',
    acknowledge);
}

async function load() {
  const result = await send('GET', '/api/v1/payments/alerts');
  if (!result.ok) {
    announceError(result);
    return;
  }
  document.getElementById('alerts').replaceChildren(...result.data.alerts.map(item));
  document.getElementById('alerts-empty').hidden = result.data.alerts.length > 0;
}

document.addEventListener('DOMContentLoaded', async () => {
  const session = await startStaffPage();
  if (!session) return;
  document.addEventListener('languagechange', load);
  load();
});
