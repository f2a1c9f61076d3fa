// Överklaganden: the list with the FL 44 § check and the tenant's forwarding target, one appeal with its documents,
// omprövning (a new decision through the decision path) and forwarding to förvaltningsrätten.
import { send } from '../api.js';
import { parseAmount, shortDate, shortDateTime } from '../format.js';
import { t } from '../i18n.js';
import { announce, announceError, el, named, startStaffPage } from './staff.js';

const id = new URLSearchParams(window.location.search).get('id');
const BASE = '/api/v1/overklagande-arenden';
const $ = (name) => document.getElementById(name);

function status(item) {
  if (item.status === 'received' && item.omprovning) {
    return t('staff.appeal.statusName.changedInPart');
  }
  return named('staff.appeal.statusName.', item.status);
}

function timeliness(item) {
  return t(item.late ? 'staff.appeal.late' : 'staff.appeal.onTime');
}

async function list() {
  const result = await send('GET', BASE);
  if (!result.ok) {
    announceError(result);
    return;
  }
  $('list-section').hidden = false;
  const rows = result.data.appeals.map((item) => el('tr', { class: item.overdue ? 'overdue' : null },
    el('td', {}, el('a', { href: '/handlaggare/overklaganden/?id=' + item.id }, item.household)),
    el('td', {}, item.caseReference),
    el('td', {}, shortDateTime(item.receivedAt)),
    el('td', {}, shortDate(item.deadline)),
    el('td', {}, timeliness(item)),
    el('td', {}, item.forwardBy ? shortDate(item.forwardBy) + (item.overdue ? ' ' + t('staff.appeal.overdue') : '') : ''),
    el('td', {}, status(item))));
  $('appeals').querySelector('tbody').replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: '7' }, t('staff.appeal.none')))]));
}

async function detail() {
  const result = await send('GET', BASE + '/' + id);
  if (!result.ok) {
    announceError(result);
    return;
  }
  const item = result.data;
  $('detail-section').hidden = false;
  $('heading').textContent = t('staff.appeal.detailHeading', { household: item.household, reference: item.caseReference });
  const facts = [['staff.appeal.status', status(item)], ['staff.appeal.received', shortDateTime(item.receivedAt)],
    ['staff.appeal.delivered', shortDate(item.deliveredOn)], ['staff.appeal.deadline', shortDate(item.deadline)],
    ['staff.appeal.inTime', timeliness(item)], ['staff.appeal.forwardBy', item.forwardBy ? shortDate(item.forwardBy) : '']];
  $('facts').replaceChildren(...facts.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)]));
  $('change').textContent = item.changeRequested;
  $('reasons').textContent = item.reasons;
  $('attachments').replaceChildren(...(item.attachments.length ? item.attachments.map((file) => el('li', {},
    el('a', { href: BASE + '/' + id + '/attachments/' + file.id, download: '' }, file.fileName)))
    : [el('li', {}, t('staff.appeal.noAttachments'))]));
  $('actions').hidden = item.status !== 'received';
  $('omprovning-form').hidden = Boolean(item.omprovning);
}

function wire() {
  $('omprovning-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await send('POST', BASE + '/' + id + '/omprovning', { outcome: $('o-outcome').value,
      amount: parseAmount($('o-amount').value), motivering: $('o-motivering').value,
      asRequested: $('o-as-requested').checked });
    if (!result.ok) {
      announceError(result);
      return;
    }
    await detail();
    announce(t('staff.appeal.decided'));
  });
  $('forward').addEventListener('click', async () => {
    const result = await send('POST', BASE + '/' + id + '/forward', {});
    if (!result.ok) {
      announceError(result);
      return;
    }
    await detail();
    announce(t('staff.appeal.forwarded', { pages: result.data.pages }));
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!(await startStaffPage())) {
    return;
  }
  if (id) {
    await detail();
    wire();
  } else {
    await list();
  }
});
