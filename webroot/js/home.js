// The front page: only the language switcher needs script.
import { setupLanguage } from './i18n.js';

document.addEventListener('DOMContentLoaded', () => setupLanguage());
