// The review queue: filters and sort order go to the server; each row links to the case and can be claimed.
// A protected household's case that nobody has been given is shown to a gruppledare or enhetschef without any
// personal data, to be assigned to a named handläggare.
import { api } from '../api.js';
import { requireStaffSession, el, kronor, date, announce, announceError, OUTCOMES, UNITS } from './staff.js';

let session = null;
let colleagues = [];

function query() {
  const form = document.getElementById('filters');
  const params = new URLSearchParams();
  params.set('owner', form.owner.value);
  params.set('unit', form.unit.value);
  params.set('sort', form.sort.value);
  if (form.stickprov.checked) params.set('stickprov', 'true');
  if (form.warnings.checked) params.set('warnings', 'true');
  if (form.waitingForRules.checked) params.set('waitingForRules', 'true');
  return params.toString();
}

function isDistributor() {
  return session.roles.includes('gruppledare') || session.roles.includes('enhetschef');
}

function assignControl(item) {
  const select = el('select', { 'aria-label': 'Tilldela handläggare' },
    el('option', { value: '' }, 'Välj handläggare'),
    colleagues.filter((person) => person.roles.some((role) => ['handlaggare', 'socialsekreterare'].includes(role)))
      .map((person) => el('option', { value: person.id }, person.name)));
  const button = el('button', { type: 'button', class: 'secondary', onclick: async () => {
    if (!select.value) return;
    const result = await api('POST', '/api/v1/casework/cases/' + item.applicationId + '/assign', { staffId: select.value });
    if (result.ok) {
      announce('Ärendet har tilldelats.');
      load();
    } else {
      announceError(result);
    }
  } }, 'Tilldela');
  return [select, ' ', button];
}

function row(item) {
  if (item.masked) {
    return el('tr', {},
      el('td', {}, el('span', { class: 'badge protected' }, 'Skyddade personuppgifter'), ' ej tilldelat'),
      el('td', {}, item.month), el('td', {}, date(item.submittedAt)), el('td', { class: 'num' }, item.ageDays),
      el('td', {}, item.dueDate), el('td', {}), el('td', {}), el('td', {}), el('td', {}, UNITS[item.unit]),
      el('td', {}), el('td', {}, isDistributor() ? assignControl(item) : ''));
  }
  const proposal = item.proposal;
  const claim = !item.ownerId ? el('button', { type: 'button', class: 'secondary', onclick: async () => {
    const result = await api('POST', '/api/v1/casework/cases/' + item.applicationId + '/claim', {});
    if (result.ok) {
      window.location.assign('/handlaggare/arende/?id=' + item.applicationId);
    } else {
      announceError(result);
    }
  } }, 'Ta ärendet') : '';
  return el('tr', { class: item.overdue ? 'overdue' : null },
    el('td', {}, el('a', { href: '/handlaggare/arende/?id=' + item.applicationId }, item.household),
      item.protected ? [' ', el('span', { class: 'badge protected' }, 'Skyddade personuppgifter')] : ''),
    el('td', {}, item.month),
    el('td', {}, date(item.submittedAt)),
    el('td', { class: 'num' }, item.ageDays),
    el('td', {}, item.dueDate, item.overdue ? [' ', el('span', { class: 'badge warn' }, 'försenat')] : ''),
    el('td', {}, proposal ? OUTCOMES[proposal.outcome] + ' ' + kronor(proposal.amount)
      : item.waitingForRules ? el('span', { class: 'badge' }, item.waitingForRules.text)
        : item.manualReview ? 'Manuell granskning' : 'Väntar på förslag'),
    el('td', {}, item.warnings ? item.unacknowledgedWarnings + ' av ' + item.warnings + ' okvitterade' : 'Inga'),
    el('td', {}, proposal && proposal.stickprov ? el('span', { class: 'badge warn' }, 'Stickprov') : 'Nej'),
    el('td', {}, UNITS[item.unit]),
    el('td', {}, item.ownerName || 'Ingen'),
    el('td', {}, claim));
}

async function load() {
  const result = await api('GET', '/api/v1/casework/queue?' + query());
  if (!result.ok) {
    announceError(result);
    return;
  }
  const body = document.querySelector('#queue tbody');
  body.replaceChildren(...result.data.items.map(row));
  document.getElementById('count').textContent = result.data.count + ' ärenden';
}

document.addEventListener('DOMContentLoaded', async () => {
  session = await requireStaffSession();
  if (!session) return;
  const staff = await api('GET', '/api/v1/casework/staff');
  colleagues = staff.ok ? staff.data.staff : [];
  document.getElementById('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  load();
});
