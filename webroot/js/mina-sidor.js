// Mina sidor: who is logged in, what needs doing (sign a co-application, answer a komplettering, read messages),
// every case of the resident and their household, and where to apply; familjerätt's bookings and requests. Also where BankID returns after signing on
// this device (#order=<id>): the order is followed to its end here.
import { send } from './api.js';
import { followOrder } from './bankid-order.js';
import { monthName } from './format.js';
import { setupLanguage, t } from './i18n.js';
import { residentSession } from './session.js';
import { refusalText } from './bistand/signing.js';
import { renderPayments } from './payments/mine.js';
import { renderFamiljeratt } from './familjeratt/mine.js';
import { renderContact } from './bistand/contact.js';

const $ = (id) => document.getElementById(id);

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

function caseItem(item) {
  const li = document.createElement('li');
  li.className = 'case';
  const heading = document.createElement('h3');
  heading.append(link(item.status === 'draft' && item.actions.edit ? `/ansokan/?id=${item.id}`
    : `/mina-sidor/arende/?id=${item.id}`, t('case.title', { month: monthName(item.month) })));
  const status = document.createElement('p');
  status.className = `case-status status-${item.status}`;
  status.textContent = t('case.statusLine', { status: t(`status.${item.status}`) });
  li.append(heading, status);
  if (item.role === 'coApplicant') {
    li.append(Object.assign(document.createElement('p'), { textContent: t('case.youAreCo') }));
  }
  const notes = [];
  if (item.actions.cosign) {
    notes.push(t('case.needsYourSignature'));
  }
  if (item.openKompletteringar > 0) {
    notes.push(t('case.openKomplettering', { n: item.openKompletteringar }));
  }
  if (item.unreadMessages > 0) {
    notes.push(t('case.unread', { n: item.unreadMessages }));
  }
  if (item.waitingForRules) {
    notes.push(t('case.waitingForRules', { year: item.waitingForRules.year }));
  }
  if (notes.length) {
    const list = document.createElement('ul');
    list.className = 'case-notes';
    notes.forEach((note) => list.append(Object.assign(document.createElement('li'), { textContent: note })));
    li.append(list);
  }
  return li;
}

function todoItems(cases) {
  const items = [];
  for (const item of cases) {
    const month = monthName(item.month);
    if (item.actions.cosign) {
      items.push(link(`/mina-sidor/arende/?id=${item.id}`, t('todo.cosign', { month })));
    }
    if (item.openKompletteringar > 0) {
      items.push(link(`/mina-sidor/arende/?id=${item.id}#komplettering`, t('todo.komplettering', { month })));
    }
    if (item.unreadMessages > 0) {
      items.push(link(`/mina-sidor/arende/?id=${item.id}#messages`, t('todo.messages', { month })));
    }
    if (item.status === 'draft' && item.actions.edit) {
      items.push(link(`/ansokan/?id=${item.id}`, t('todo.draft', { month })));
    }
  }
  return items;
}

async function renderCases() {
  const result = await send('GET', '/api/v1/cases');
  if (!result.ok) {
    return;
  }
  const cases = result.data.cases;
  renderContact($('contact'), result.data.contact);
  $('cases').replaceChildren(...cases.map(caseItem));
  $('cases-empty').hidden = cases.length > 0;
  const todo = todoItems(cases);
  $('todo').hidden = todo.length === 0;
  $('todo-list').replaceChildren(...todo.map((a) => {
    const li = document.createElement('li');
    li.append(a);
    return li;
  }));
}

/** Back from the BankID app on this device: finish following the signing order. */
function followReturnedOrder() {
  const match = /order=([0-9a-f-]{36})/.exec(window.location.hash);
  if (!match) {
    return;
  }
  const box = $('order-return');
  box.hidden = false;
  box.textContent = t('sign.resuming');
  followOrder({ orderId: match[1] }, {
    onStatus: (text) => { box.textContent = text; },
    onComplete: (state) => {
      history.replaceState(null, '', window.location.pathname);
      if (state.outcome === 'refused') {
        box.textContent = refusalText(state.reason);
        box.className = 'status error';
      } else if (state.redirect) {
        window.location.assign(state.redirect);
      }
    },
    onFailure: (text) => {
      box.textContent = text || t('sign.failed');
      box.className = 'status error';
    },
  });
}

async function render(session) {
  $('greeting').textContent = t('mine.greeting', { name: session.name });
  await Promise.all([renderCases(), renderFamiljeratt(), renderPayments()]);
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  const session = await residentSession();
  if (!session) {
    return;
  }
  await render(session);
  followReturnedOrder();
  document.addEventListener('languagechange', () => render(session));
});
