// Booking a service: free times for the coming weeks, the other parent and the screening question for two-parent
// services, interpreter and contact details. A time someone else got first is answered with the next free times.
import { newIdempotencyKey, problems, send } from '../api.js';
import { setupLanguage, t } from '../i18n.js';
import { residentSession } from '../session.js';
import { showProblems } from '../bistand/errors.js';
import { meetingTime } from '../format.js';
import { $, chosen, label, status, timePicker } from './common.js';

const params = new URLSearchParams(window.location.search);
const serviceId = params.get('service');
const notice = params.get('notice');
let service = null;
let catalogue = null;

async function loadTimes() {
  const query = new URLSearchParams({ service: serviceId, interpreter: String($('needs-interpreter').checked) });
  const birth = $('f-expectedBirth').value;
  if (birth) {
    query.set('expectedBirth', birth);
  }
  const result = await send('GET', `/api/v1/familjeratt/times?${query}`);
  if (!result.ok) {
    showProblems($('booking'), $('summary'), problems(result, 'start'), 'f-start');
    return;
  }
  $('f-start').replaceChildren(timePicker(result.data.times, 'start'));
}

function render() {
  $('service-heading').textContent = t('familjeratt.book', { service: label(service.label) });
  $('service-description').textContent = label(service.description);
  $('other-parent').hidden = !service.bothParents;
  $('f-place').hidden = service.place !== 'choice';
  const paternity = catalogue.paternity;
  $('expected-birth-field').hidden = !(paternity && paternity.service === service.id && paternity.bookBeforeBirthFromWeek);
  $('booking').hidden = false;
}

function body() {
  const risk = chosen('risk');
  return {
    service: service.id,
    start: chosen('start'),
    otherParent: service.bothParents ? $('f-otherParent').value.trim() : undefined,
    risk: service.bothParents && risk !== null ? risk === 'true' : undefined,
    place: chosen('place') || undefined,
    interpreter: $('needs-interpreter').checked ? $('f-interpreter').value.trim() : undefined,
    expectedBirth: $('f-expectedBirth').value || undefined,
    email: $('f-email').value.trim() || undefined,
    phone: $('f-phone').value.trim() || undefined,
    notice: notice || undefined,
  };
}

async function submit(event) {
  event.preventDefault();
  status($('status'), '');
  $('book').disabled = true;
  const result = await send('POST', '/api/v1/familjeratt/bookings', body(), { 'Idempotency-Key': newIdempotencyKey() });
  $('book').disabled = false;
  if (result.ok) {
    window.location.assign(`/familjeratt/bokning/?id=${result.data.id}`);
    return;
  }
  if (result.status === 409 && result.data.error === 'time_taken') {
    // Someone else got the time: offer the next free ones right here, nothing else the resident typed is lost.
    showProblems($('booking'), $('summary'), [], 'f-start');
    const times = result.data.nextTimes || [];
    $('f-start').replaceChildren(timePicker(times, 'start'));
    status($('status'), `${result.data.message} ${times.length ? t('familjeratt.nextTimes',
      { first: meetingTime(times[0]) }) : ''}`.trim(), 'error');
    $('status').focus();
    return;
  }
  showProblems($('booking'), $('summary'), problems(result, 'start'), 'f-start');
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  if (!await residentSession()) {
    return;
  }
  const result = await send('GET', '/api/v1/familjeratt/services');
  if (!result.ok) {
    status($('status'), result.data.message, 'error');
    return;
  }
  catalogue = result.data;
  service = catalogue.services.find((item) => item.id === serviceId);
  if (!service) {
    status($('status'), t('familjeratt.unknownService'), 'error');
    return;
  }
  render();
  await loadTimes();
  $('needs-interpreter').addEventListener('change', () => {
    $('interpreter-field').hidden = !$('needs-interpreter').checked;
    loadTimes();
  });
  $('f-expectedBirth').addEventListener('change', loadTimes);
  $('booking').addEventListener('submit', submit);
  document.addEventListener('languagechange', render);
});
