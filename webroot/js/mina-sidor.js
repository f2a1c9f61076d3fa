// Mina sidor: who is logged in, and (as the e-tjänst grows) their cases.
import { api, loadSession } from './api.js';
import { setupLanguage, t } from './i18n.js';
import { renderLetters } from './mina-sidor-beslut.js';

async function render() {
  const session = await loadSession();
  if (!session.authenticated) {
    window.location.replace('/logga-in/');
    return;
  }
  document.getElementById('greeting').textContent = t('mine.greeting', { name: session.name });
  const logout = document.getElementById('logout');
  logout.hidden = false;
  logout.onclick = async () => {
    await api('POST', '/api/v1/logout', {});
    window.location.assign('/');
  };
  await renderLetters();
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage(['sv', 'en']);
  await render();
  document.addEventListener('languagechange', render);
});
