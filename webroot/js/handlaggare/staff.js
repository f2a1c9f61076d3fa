// Shared by the staff pages: the page's start (language, then the staff session or a redirect to the municipality's
// login), small DOM helpers that only ever set text (never HTML) from data, and the page's live region.
import { setupLanguage, hasText, t } from '../i18n.js';
import { staffSession } from '../session.js';

/** Roles that work with försörjningsstöd cases (casework.CaseworkRoles), and those that pull the control reports. */
export const CASE_ROLES = ['handlaggare', 'socialsekreterare', 'gruppledare', 'enhetschef', 'utskott'];
export const REPORTERS = ['enhetschef', 'admin'];

export function hasRole(session, roles) {
  return Boolean(session) && session.roles.some((role) => roles.includes(role));
}

/**
 * Where a staff member starts: the case queue for the roles that work with cases, familjerätt's calendar for its
 * secretaries, and the start page (reports, or what the role has here) for everyone else.
 */
export function landingFor(session) {
  if (hasRole(session, CASE_ROLES)) return '/handlaggare/';
  if (hasRole(session, ['familjerattssekreterare'])) return '/handlaggare/familjeratt/';
  return '/handlaggare/start/';
}

/** The header's links: each shown only to the roles it names (data-roles), so nobody is offered a page they cannot use. */
function showNavigation(session) {
  const nav = document.getElementById('staff-nav');
  if (!nav) return;
  nav.querySelectorAll('[data-roles]').forEach((link) => {
    link.closest('li').hidden = !hasRole(session, link.dataset.roles.split(' '));
  });
  nav.hidden = false;
}

function showWho(session) {
  const who = document.getElementById('who');
  if (who) {
    who.textContent = session.name + ' (' + session.roles.map((role) => named('staff.role.', role)).join(', ') + ')';
  }
}

/** Translates the page, then resolves with the staff session (null when the browser is sent to the login). */
export async function startStaffPage() {
  await setupLanguage();
  const session = await staffSession();
  if (session) {
    showNavigation(session);
    showWho(session);
    document.addEventListener('languagechange', () => showWho(session));
  }
  return session;
}

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'onclick' || name === 'onsubmit' || name === 'onchange') {
      element.addEventListener(name.substring(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/**
 * The words for a code from the server in a family of texts (named('staff.status.', 'decided') → "Beslutad"); a code
 * the texts do not know is shown as it is.
 */
export function named(family, code) {
  if (code === null || code === undefined || code === '') {
    return '';
  }
  return hasText(family + code) ? t(family + code) : String(code);
}

/** Shows a message in the page's live region (errors from the server come with their own text). */
export function announce(text, kind = 'success') {
  const status = document.getElementById('status');
  status.className = 'status ' + kind;
  status.textContent = text;
  status.hidden = false;
  status.focus();
}

export function announceError(result) {
  const detail = result.data.fields.map((field) => field.message).join(' ');
  announce(result.data.message + (detail ? ' ' + detail : ''), 'error');
}
