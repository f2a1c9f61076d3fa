// The front page: the language switcher, and logout when a resident is logged in.
import { setupLanguage } from './i18n.js';
import { optionalResidentSession } from './session.js';

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  await optionalResidentSession();
});
