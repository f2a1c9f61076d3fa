// Familjerätt on Mina sidor: bookings to confirm (the other parent's request lands here), invitations after a
// Skatteverket notification, and the resident's bookings with their next meeting.
import { send } from '../api.js';
import { t } from '../i18n.js';
import { dateTime, meetingTime } from '../format.js';
import { $, label } from './common.js';

function link(href, text) {
  return Object.assign(document.createElement('a'), { href, textContent: text });
}

function item(child) {
  const li = document.createElement('li');
  li.append(child);
  return li;
}

function bookingItem(booking) {
  const li = document.createElement('li');
  li.className = 'case';
  const heading = document.createElement('h3');
  heading.append(link(`/familjeratt/bokning/?id=${booking.id}`, label(booking.serviceLabel)));
  li.append(heading, Object.assign(document.createElement('p'), {
    className: 'case-status',
    textContent: t('familjeratt.statusLine', { status: t(`familjeratt.status.${booking.status}`) }),
  }));
  const next = booking.meetings.find((meeting) => meeting.status === 'confirmed' || meeting.status === 'held');
  if (next) {
    li.append(Object.assign(document.createElement('p'), { textContent: meetingTime(next.start) }));
  }
  return li;
}

/** Renders the familjerätt section of Mina sidor; hidden where the municipality offers no bookings. */
export async function renderFamiljeratt() {
  const result = await send('GET', '/api/v1/familjeratt/bookings');
  if (!result.ok || !result.data.offered) {
    $('familjeratt').hidden = true;
    return;
  }
  $('familjeratt').hidden = false;
  const { bookings, invitations } = result.data;
  const todo = [];
  for (const booking of bookings.filter((item_) => item_.actions.confirm)) {
    const name = booking.otherParent && booking.otherParent.name ? booking.otherParent.name : t('familjeratt.theOtherParent');
    todo.push(link(`/familjeratt/bokning/?id=${booking.id}`, t('familjeratt.todoConfirm', {
      name, service: label(booking.serviceLabel), deadline: dateTime(booking.confirmDeadline),
    })));
  }
  for (const invitation of invitations) {
    todo.push(link(`/familjeratt/boka/?service=${encodeURIComponent(invitation.service)}&notice=${invitation.notice}`,
      t('familjeratt.todoInvitation')));
  }
  $('fr-todo').replaceChildren(...todo.map(item));
  $('fr-todo').hidden = todo.length === 0;
  $('fr-bookings').replaceChildren(...bookings.map(bookingItem));
  $('fr-empty').hidden = bookings.length > 0;
}
