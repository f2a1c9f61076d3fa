// The case view's decisions in parts: computing the norm for a case without a proposal, deciding the parts within my
// delegation and referring the rest, and the case's referrals (who prepared, who is to decide, whether it is done).
import { kronor, shortDateTime } from '../format.js';
import { t } from '../i18n.js';
import { el, named } from './staff.js';

const OPEN = ['submitted', 'under_review', 'komplettering_requested'];

export function renderParts(view) {
  const proposal = view.proposal;
  const open = OPEN.includes(view.case.status);
  document.getElementById('calculate-box').hidden = !(open && !proposal && !view.waitingForRules);
  if (!proposal && open) {
    document.getElementById('delegation').replaceChildren(el('p', {}, t('staff.parts.noProposal')));
  }
  const outside = proposal ? proposal.delegation.filter((part) => !part.allowed) : [];
  const referBox = document.getElementById('refer-box');
  referBox.hidden = !proposal || proposal.status !== 'awaiting_review' || outside.length === 0;
  document.getElementById('refer-button').disabled = !proposal || !proposal.allWarningsAcknowledged;
  const referrals = view.referrals || [];
  document.getElementById('referrals').replaceChildren(referrals.length === 0 ? '' : el('div', {},
    el('h3', {}, t('staff.parts.referralsHeading')),
    el('ul', {}, referrals.map((referral) => el('li', {},
      referral.typeLabel + ' ' + kronor(referral.appliedAmount) + ': ',
      t(referral.decided ? 'staff.parts.referralDecided' : 'staff.parts.referralWaiting', {
        level: referral.levelLabel, by: referral.preparedBy, when: shortDateTime(referral.preparedAt),
        outcome: named('staff.outcome.', referral.outcome) }))))));
}

export function setupParts(currentView, act, base) {
  document.getElementById('calculate-button').addEventListener('click', () => {
    act(base + '/calculation', {}, t('staff.parts.calculated'));
  });
  document.getElementById('refer-button').addEventListener('click', () => {
    const view = currentView();
    const form = document.getElementById('approve');
    const motivering = form.motivering.value;
    const note = form.note.value.trim();
    act(base + '/approve', {
      proposalId: view.proposal.id,
      motivering: motivering === view.proposal.motivering ? null : motivering,
      referBeyondDelegation: true,
      note: note === '' ? null : note,
    }, t('staff.parts.referred'));
  });
}
