// The services the municipality's familjerätt offers, each with a link to book it.
import { send } from '../api.js';
import { setupLanguage, t } from '../i18n.js';
import { residentSession } from '../session.js';
import { $, label, status } from './common.js';

async function render() {
  const result = await send('GET', '/api/v1/familjeratt/services');
  if (!result.ok) {
    status($('status'), result.data.message, 'error');
    return;
  }
  $('services').replaceChildren(...result.data.services.map((service) => {
    const li = document.createElement('li');
    li.className = 'case';
    const heading = document.createElement('h2');
    const link = Object.assign(document.createElement('a'), {
      href: `/familjeratt/boka/?service=${encodeURIComponent(service.id)}`,
      textContent: t('familjeratt.book', { service: label(service.label) }),
    });
    heading.append(link);
    const about = Object.assign(document.createElement('p'), { textContent: label(service.description) });
    const facts = Object.assign(document.createElement('p'), {
      textContent: t(service.bothParents ? 'familjeratt.bothParents' : 'familjeratt.oneParent',
        { minutes: service.minutes }),
    });
    li.append(heading, about, facts);
    return li;
  }));
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  if (!await residentSession()) {
    return;
  }
  await render();
  document.addEventListener('languagechange', render);
});
