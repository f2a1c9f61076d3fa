// Page texts in the visitor's language. The HTML carries the Swedish text, so a page reads correctly before (and
// without) this module; elements with data-i18n="key" get the chosen language's text, data-i18n-attr="attr:key;..."
// translates attributes. The choice is kept in the "lang" cookie, which the server also reads for its messages.
const SUPPORTED = ['sv', 'en', 'ar'];
const RIGHT_TO_LEFT = ['ar'];
let dictionary = {};
let current = 'sv';

function readCookie(name) {
  const match = document.cookie.split('; ').find((part) => part.startsWith(name + '='));
  return match ? decodeURIComponent(match.split('=')[1]) : null;
}

/** The language to use: the cookie, else the browser's first supported language, else Swedish. */
export function chosenLanguage(available = SUPPORTED) {
  const fromCookie = readCookie('lang');
  if (fromCookie && available.includes(fromCookie)) {
    return fromCookie;
  }
  for (const tag of navigator.languages || []) {
    const primary = tag.toLowerCase().split('-')[0];
    if (available.includes(primary)) {
      return primary;
    }
  }
  return 'sv';
}

export function language() {
  return current;
}

/** The text for key in the current language, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = dictionary[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function apply(root) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    const key = element.dataset.i18n;
    if (key in dictionary) {
      element.textContent = dictionary[key];
    }
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((element) => {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && key in dictionary) {
        element.setAttribute(attribute, dictionary[key]);
      }
    }
  });
}

/**
 * Loads the language and translates the page. available limits the choice (most pages are Swedish and English; the
 * application form also Arabic). Resolves with the language used.
 */
export async function setupLanguage(available = ['sv', 'en']) {
  current = chosenLanguage(available);
  const response = await fetch(`/i18n/${current}.json`, { headers: { Accept: 'application/json' } });
  dictionary = response.ok ? await response.json() : {};
  document.documentElement.lang = current;
  document.documentElement.dir = RIGHT_TO_LEFT.includes(current) ? 'rtl' : 'ltr';
  apply(document);
  renderSwitcher(available);
  return current;
}

/** Translates elements added after setup (rendered by a page module). */
export function translate(root) {
  apply(root);
}

const NAMES = { sv: 'Svenska', en: 'English', ar: 'العربية' };

function renderSwitcher(available) {
  const host = document.getElementById('language-switcher');
  if (!host) {
    return;
  }
  host.replaceChildren();
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = t('language.choose');
  host.append(label);
  for (const code of available) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.lang = code;
    button.textContent = NAMES[code];
    if (code === current) {
      button.setAttribute('aria-current', 'true');
    }
    // Switching reloads the texts in place: nothing the visitor typed is lost.
    button.addEventListener('click', async () => {
      document.cookie = `lang=${code}; path=/; max-age=31536000; samesite=lax`;
      await setupLanguage(available);
      document.dispatchEvent(new CustomEvent('languagechange', { detail: code }));
    });
    host.append(button);
  }
}
