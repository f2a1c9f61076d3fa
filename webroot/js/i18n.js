// Every page's texts in the visitor's language, one way for all pages. The texts are /i18n/<language>.json;
// /i18n/languages.json names the languages and the pages each one covers completely ("all" or a list of page paths),
// so adding a language is adding its file and a line there. A page offers the languages that cover it.
//
// The HTML carries the Swedish text, so a page reads correctly before (and without) this module: elements with
// data-i18n="key" get the chosen language's text, data-i18n-attr="attr:key;..." translates attributes, and modules ask
// t('key', {params}). A key the chosen language lacks falls back to Swedish. The choice is kept in the "lang" cookie,
// which the server also reads for its messages.
const FALLBACK = 'sv';
const loaded = new Map();
let manifest = null;
let fallbackTexts = {};
let ownTexts = {};
let current = FALLBACK;

async function fetchJson(path) {
  try {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : null;
  } catch (networkError) {
    return null;
  }
}

function texts(code) {
  if (!loaded.has(code)) {
    loaded.set(code, fetchJson(`/i18n/${code}.json`).then((found) => found || {}));
  }
  return loaded.get(code);
}

function readCookie(name) {
  const match = document.cookie.split('; ').find((part) => part.startsWith(name + '='));
  return match ? decodeURIComponent(match.split('=')[1]) : null;
}

/** This page as languages.json names pages: its path, "/ansokan/" for /ansokan/index.html. */
function page() {
  return window.location.pathname.replace(/index\.html$/, '');
}

/** The languages that cover this page, in the order languages.json lists them. */
export function languages() {
  return Object.entries(manifest || {})
    .filter(([, about]) => about.pages === 'all' || (Array.isArray(about.pages) && about.pages.includes(page())))
    .map(([code]) => code);
}

/** The language to use: the cookie, else the browser's first language this page offers, else Swedish. */
function chosenLanguage(available) {
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
  return FALLBACK;
}

export function language() {
  return current;
}

/** The locale numbers and dates are written in (sv-SE, en-GB, ...). */
export function locale() {
  return manifest?.[current]?.locale || 'sv-SE';
}

/** The text for key in the current language (else Swedish, else the key), with {name} filled from params. */
export function t(key, params = {}) {
  const text = ownTexts[key] ?? fallbackTexts[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether the current language has a text of its own for key (rather than Swedish standing in). */
export function hasOwnText(key) {
  return key in ownTexts;
}

/** Whether any language has a text for key: codes from the server without one are shown as they are. */
export function hasText(key) {
  return key in ownTexts || key in fallbackTexts;
}

/** Translates the elements inside root, for what a page module rendered after setup. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    if (hasText(element.dataset.i18n)) {
      element.textContent = t(element.dataset.i18n);
    }
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((element) => {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && hasText(key)) {
        element.setAttribute(attribute, t(key));
      }
    }
  });
}

/** Loads the page's language and translates the page. Resolves with the language used. */
export async function setupLanguage() {
  if (!manifest) {
    [manifest, fallbackTexts] = await Promise.all([fetchJson('/i18n/languages.json'), texts(FALLBACK)]);
  }
  const available = languages();
  current = chosenLanguage(available);
  ownTexts = await texts(current);
  document.documentElement.lang = current;
  document.documentElement.dir = manifest?.[current]?.dir || 'ltr';
  translate(document);
  renderSwitcher(available);
  return current;
}

function renderSwitcher(available) {
  const host = document.getElementById('language-switcher');
  if (!host) {
    return;
  }
  host.hidden = available.length < 2;
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = t('language.choose');
  host.replaceChildren(label);
  for (const code of available) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.lang = code;
    button.dir = manifest[code].dir || 'ltr';
    button.textContent = manifest[code].name;
    if (code === current) {
      button.setAttribute('aria-current', 'true');
    }
    // Switching changes the texts in place: nothing the visitor typed is lost, and focus stays on the switch.
    button.addEventListener('click', async () => {
      document.cookie = `lang=${code}; path=/; max-age=31536000; samesite=lax`;
      await setupLanguage();
      host.querySelector(`button[lang="${code}"]`)?.focus();
      document.dispatchEvent(new CustomEvent('languagechange', { detail: code }));
    });
    host.append(button);
  }
}
