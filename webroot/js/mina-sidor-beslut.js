// Mina sidor: the resident's decision letters (PDF), newest first. Published by casework when a decision is taken.
import { api } from './api.js';
import { t } from './i18n.js';

/** Called by mina-sidor.js once the page's language is loaded (and again when it changes). */
export async function renderLetters() {
  const result = await api('GET', '/api/v1/letters');
  if (!result.ok) {
    return;
  }
  const list = document.getElementById('letters');
  const items = result.data.letters.map((letter) => {
    const link = document.createElement('a');
    link.href = '/api/v1/letters/' + encodeURIComponent(letter.id) + '/pdf';
    link.textContent = t('mine.letters.item', { date: new Date(letter.createdAt).toLocaleDateString('sv-SE') });
    const item = document.createElement('li');
    item.append(link);
    return item;
  });
  if (items.length === 0) {
    const none = document.createElement('li');
    none.textContent = t('mine.letters.none');
    items.push(none);
  }
  list.replaceChildren(...items);
  document.getElementById('decision-letters').hidden = false;
}
