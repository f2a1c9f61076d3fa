// "Väntar på mitt beslut": the parts referred to my delegation level, each with the preparer's beslutsunderlag and a
// form to decide it as prepared or otherwise (then with a motivering). The server checks my delegation again.
import { send } from '../api.js';
import { kronor, shortDateTime } from '../format.js';
import { t } from '../i18n.js';
import { announce, announceError, el, named, startStaffPage } from './staff.js';

function field(id, label, control) {
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}

function referralItem(referral) {
  const prefix = 'referral-' + referral.id;
  const outcome = el('select', { id: prefix + '-outcome', name: 'outcome' },
    ['bifall', 'delvis_bifall', 'avslag'].map((code) => el('option', { value: code, selected: code === referral.outcome },
      named('staff.outcome.', code))));
  const amount = el('input', { id: prefix + '-amount', name: 'amount', inputmode: 'decimal' });
  const motivering = el('textarea', { id: prefix + '-motivering', name: 'motivering', maxlength: '8000' });
  const form = el('form', { 'aria-label': t('staff.referrals.formFor', { household: referral.household }) },
    field(prefix + '-outcome', t('staff.referrals.outcome'), outcome),
    field(prefix + '-amount', t('staff.referrals.amount'), amount),
    field(prefix + '-motivering', t('staff.referrals.motivering'), motivering),
    el('button', { type: 'submit' }, t('staff.referrals.decide')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { outcome: outcome.value };
    if (outcome.value === 'delvis_bifall') body.amount = amount.value.replace(',', '.').replace(/\s/g, '');
    if (motivering.value.trim() !== '') body.motivering = motivering.value;
    const result = await send('POST', '/api/v1/casework/referrals/' + encodeURIComponent(referral.id) + '/decide', body);
    if (!result.ok) {
      announceError(result);
      return;
    }
    await load();
    announce(t(result.data.complete ? 'staff.referrals.decidedComplete' : 'staff.referrals.decided'));
  });
  return el('li', { class: 'referral' },
    el('h2', {}, referral.household + ' – ' + referral.typeLabel + ' ' + kronor(referral.appliedAmount)),
    el('p', {}, t('staff.referrals.prepared', { by: referral.preparedBy + ', ' + referral.preparedByTitle,
      when: shortDateTime(referral.preparedAt), month: referral.month })),
    el('p', {}, t('staff.referrals.proposal', { outcome: named('staff.outcome.', referral.outcome),
      amount: kronor(referral.amount) })),
    el('p', {}, referral.motivering),
    referral.note ? el('p', {}, t('staff.referrals.note', { note: referral.note })) : '',
    el('p', {}, t('staff.referrals.delegation', { source: referral.delegationSource })),
    el('p', {}, el('a', { href: '/handlaggare/arende/?id=' + encodeURIComponent(referral.applicationId) }, t('staff.referrals.openCase'))),
    form);
}

async function load() {
  const result = await send('GET', '/api/v1/casework/referrals');
  if (!result.ok) {
    announceError(result);
    return;
  }
  const list = result.data.referrals;
  document.getElementById('referrals').replaceChildren(list.length === 0
    ? el('p', {}, t('staff.referrals.none')) : el('ul', { class: 'plain' }, list.map(referralItem)));
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!(await startStaffPage())) return;
  await load();
});
