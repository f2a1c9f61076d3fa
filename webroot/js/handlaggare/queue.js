// The review queue: filters and sort order go to the server; each row links to the case and can be claimed.
// A protected household's case that nobody has been given is shown to a gruppledare or enhetschef without any
// personal data, to be assigned to a named handläggare.
import { send } from '../api.js';
import { kronor, shortDate } from '../format.js';
import { t } from '../i18n.js';
import { CASE_ROLES, announce, announceError, el, hasRole, landingFor, named, startStaffPage } from './staff.js';

let session = null;
let colleagues = [];
// The queue comes a page at a time (the server sorts and filters the whole queue); a new filter starts at the top.
const PAGE = 50;
let offset = 0;

function query() {
  const form = document.getElementById('filters');
  const params = new URLSearchParams();
  params.set('owner', form.owner.value);
  params.set('unit', form.unit.value);
  params.set('sort', form.sort.value);
  if (form.stickprov.checked) params.set('stickprov', 'true');
  if (form.warnings.checked) params.set('warnings', 'true');
  if (form.waitingForRules.checked) params.set('waitingForRules', 'true');
  params.set('offset', String(offset));
  params.set('limit', String(PAGE));
  return params.toString();
}

function isDistributor() {
  return session.roles.includes('gruppledare') || session.roles.includes('enhetschef');
}

function assignControl(item) {
  const select = el('select', { 'aria-label': t('staff.queue.assignLabel') },
    el('option', { value: '' }, t('staff.queue.chooseStaff')),
    colleagues.filter((person) => person.roles.some((role) => ['handlaggare', 'socialsekreterare'].includes(role)))
      .map((person) => el('option', { value: person.id }, person.name)));
  const button = el('button', { type: 'button', class: 'secondary', onclick: async () => {
    if (!select.value) return;
    const result = await send('POST', '/api/v1/casework/cases/' + item.applicationId + '/assign', { staffId: select.value });
    if (result.ok) {
      announce(t('staff.queue.assigned'));
      load();
    } else {
      announceError(result);
    }
  } }, t('staff.queue.assign'));
  return [select, ' ', button];
}

function proposalCell(item) {
  const proposal = item.proposal;
  if (proposal) {
    return named('staff.outcome.', proposal.outcome) + ' ' + kronor(proposal.amount);
  }
  if (item.waitingForRules) {
    return el('span', { class: 'badge' }, item.waitingForRules.text);
  }
  return item.manualReview ? t('staff.queue.manualReview') : t('staff.queue.awaitingProposal');
}

function row(item) {
  if (item.masked) {
    return el('tr', {},
      el('td', {}, el('span', { class: 'badge protected' }, t('staff.protected')), ' ',
        item.ownerId ? t('staff.queue.assignedTo', { name: item.ownerName }) : t('staff.queue.unassigned')),
      el('td', {}, item.month), el('td', {}, shortDate(item.submittedAt)), el('td', { class: 'num' }, item.ageDays),
      el('td', {}, item.dueDate), el('td', {}), el('td', {}), el('td', {}), el('td', {}, named('staff.unit.', item.unit)),
      el('td', {}, item.ownerName || t('staff.queue.noOwner')), el('td', {}, isDistributor() ? assignControl(item) : ''));
  }
  const proposal = item.proposal;
  const claim = !item.ownerId ? el('button', { type: 'button', class: 'secondary', onclick: async () => {
    const result = await send('POST', '/api/v1/casework/cases/' + item.applicationId + '/claim', {});
    if (result.ok) {
      window.location.assign('/handlaggare/arende/?id=' + item.applicationId);
    } else {
      announceError(result);
    }
  } }, t('staff.queue.claim')) : '';
  return el('tr', { class: item.overdue ? 'overdue' : null },
    el('td', {}, el('a', { href: '/handlaggare/arende/?id=' + item.applicationId }, item.household),
      item.protected ? [' ', el('span', { class: 'badge protected' }, t('staff.protected'))] : ''),
    el('td', {}, item.month),
    el('td', {}, shortDate(item.submittedAt)),
    el('td', { class: 'num' }, item.ageDays),
    el('td', {}, item.dueDate, item.overdue ? [' ', el('span', { class: 'badge warn' }, t('staff.queue.overdue'))] : ''),
    el('td', {}, proposalCell(item)),
    el('td', {}, item.warnings ? t('staff.queue.warningsOpen', { open: item.unacknowledgedWarnings, total: item.warnings })
      : t('staff.queue.noWarnings')),
    el('td', {}, proposal && proposal.stickprov ? el('span', { class: 'badge warn' }, t('staff.stickprov')) : t('staff.no')),
    el('td', {}, named('staff.unit.', item.unit)),
    el('td', {}, item.ownerName || t('staff.queue.noOwner')),
    el('td', {}, claim));
}

async function load() {
  const result = await send('GET', '/api/v1/casework/queue?' + query());
  if (!result.ok) {
    announceError(result);
    return;
  }
  const body = document.querySelector('#queue tbody');
  body.replaceChildren(...result.data.items.map(row));
  const { count, hasMore } = result.data;
  document.getElementById('count').textContent = offset === 0 && !hasMore ? t('staff.queue.count', { n: count })
    : t('staff.queue.range', { from: count ? offset + 1 : offset, to: offset + count });
  document.getElementById('previous').hidden = offset === 0;
  document.getElementById('next').hidden = !hasMore;
}

document.addEventListener('DOMContentLoaded', async () => {
  session = await startStaffPage();
  if (!session) return;
  // The queue is for the roles that work with cases; everyone else starts on their own page.
  if (!hasRole(session, CASE_ROLES)) {
    window.location.replace(landingFor(session));
    return;
  }
  const staff = await send('GET', '/api/v1/casework/staff');
  colleagues = staff.ok ? staff.data.staff : [];
  document.getElementById('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    offset = 0;
    load();
  });
  document.getElementById('previous').addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE);
    load();
  });
  document.getElementById('next').addEventListener('click', () => {
    offset += PAGE;
    load();
  });
  document.addEventListener('languagechange', load);
  load();
});
