// The print queue (/api/v1/print): letters that go by post, the day's batch (one PDF with an address sheet before
// each copy), and marking a batch printed and then sent. The page names no one; the PDF holds the addresses and its
// download is audit-logged.
import { send } from '../api.js';
import { shortDate, shortDateTime } from '../format.js';
import { t } from '../i18n.js';
import { announce, announceError, el, named, startStaffPage } from './staff.js';

let overview = null;

function table(caption, headers, rows) {
  return el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))), el('tbody', {}, rows));
}

function action(batch) {
  if (batch.status === 'queued') {
    return el('button', { type: 'button', 'data-batch': batch.id, 'data-move': 'printed' }, t('staff.print.markPrinted'));
  }
  if (batch.status === 'printed') {
    return el('button', { type: 'button', 'data-batch': batch.id, 'data-move': 'sent' }, t('staff.print.markSent'));
  }
  return t('staff.print.sentAt', { when: shortDateTime(batch.sentAt) });
}

function render() {
  const source = overview.addressSource;
  document.getElementById('source').textContent = source.connected ? t('staff.print.source', { name: source.name })
    : t('staff.print.noSource');
  document.getElementById('create-batch').disabled = !source.connected || overview.waiting.length === 0;
  document.getElementById('waiting').replaceChildren(overview.waiting.length === 0 ? el('p', {}, t('staff.print.waitingNone'))
    : table(t('staff.print.waitingCaption', { count: overview.waiting.length }),
      [t('staff.print.caseReference'), t('staff.print.written'), t('staff.print.copies')],
      overview.waiting.map((letter) => el('tr', {}, el('td', {}, letter.caseReference),
        el('td', {}, shortDateTime(letter.createdAt)), el('td', {}, String(letter.copies))))));
  document.getElementById('batches').replaceChildren(overview.batches.length === 0 ? el('p', {}, t('staff.print.batchesNone'))
    : table(t('staff.print.batchesCaption'), [t('staff.print.day'), t('staff.print.createdBy'), t('staff.print.letters'),
      t('staff.print.pages'), t('staff.print.status'), t('staff.print.file'), t('staff.print.next')],
    overview.batches.map((batch) => el('tr', {}, el('td', {}, shortDate(batch.day)),
      el('td', {}, batch.createdBy || t('staff.print.daily')),
      el('td', {}, t('staff.print.lettersCopies', { letters: batch.letters, copies: batch.copies })),
      el('td', {}, String(batch.pages)), el('td', {}, named('staff.printStatus.', batch.status)),
      el('td', {}, el('a', { href: '/api/v1/print/batches/' + batch.id + '/pdf', download: '' },
        t('staff.print.download', { day: shortDate(batch.day) }))),
      el('td', {}, action(batch))))));
}

async function load() {
  const result = await send('GET', '/api/v1/print/batches');
  if (!result.ok) {
    announceError(result);
    return false;
  }
  overview = result.data;
  render();
  return true;
}

document.addEventListener('DOMContentLoaded', async () => {
  const session = await startStaffPage();
  if (!session) return;
  document.getElementById('create-batch').addEventListener('click', async () => {
    const result = await send('POST', '/api/v1/print/batches');
    if (!result.ok) {
      announceError(result);
      await load();
      return;
    }
    await load();
    const made = result.data.batch;
    announce(t(result.data.unaddressed > 0 ? 'staff.print.createdSome' : 'staff.print.created',
      { letters: made.letters, pages: made.pages, unaddressed: result.data.unaddressed }));
  });
  document.getElementById('batches').addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-batch]');
    if (!button) return;
    const move = button.dataset.move;
    const result = await send('POST', '/api/v1/print/batches/' + button.dataset.batch + '/' + move);
    if (!result.ok) {
      announceError(result);
      return;
    }
    await load();
    announce(t(move === 'printed' ? 'staff.print.printed' : 'staff.print.sent'));
  });
  document.addEventListener('languagechange', () => overview && render());
  await load();
});
