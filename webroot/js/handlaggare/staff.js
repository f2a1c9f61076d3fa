// Shared by the staff pages: the staff session (or a redirect to the municipality's login), the CSRF token for
// state-changing calls, logout, and small DOM helpers that only ever set text (never HTML) from data.
import { api, rememberCsrfToken } from '../api.js';

export async function requireStaffSession() {
  const result = await api('GET', '/api/v1/staff/session');
  if (!result.ok || !result.data.authenticated) {
    const here = window.location.pathname + window.location.search;
    window.location.replace('/handlaggare/login?returnTo=' + encodeURIComponent(here));
    return null;
  }
  rememberCsrfToken(result.data.csrfToken);
  const who = document.getElementById('who');
  if (who) {
    who.textContent = result.data.name + ' (' + result.data.roles.join(', ') + ')';
  }
  const logout = document.getElementById('logout');
  if (logout) {
    logout.hidden = false;
    logout.addEventListener('click', async () => {
      await api('POST', '/api/v1/staff/logout', {});
      window.location.assign('/');
    });
  }
  return result.data;
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

const KRONOR = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

export function kronor(value) {
  return value === null || value === undefined ? '' : KRONOR.format(Number(value)) + ' kr';
}

export function date(iso) {
  return iso ? new Date(iso).toLocaleDateString('sv-SE') : '';
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString('sv-SE') : '';
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
  const fields = (result.data && result.data.fields) || [];
  const detail = fields.map((field) => field.message).join(' ');
  announce(((result.data && result.data.message) || 'Något gick fel.') + (detail ? ' ' + detail : ''), 'error');
}

export const OUTCOMES = { bifall: 'Bifall', delvis_bifall: 'Delvis bifall', avslag: 'Avslag', avslutad: 'Avslutad' };
export const UNITS = { mottagning: 'Mottagning', ekonomiskt_bistand: 'Ekonomiskt bistånd' };
export const STATUSES = {
  submitted: 'Inkommen', under_review: 'Under handläggning', komplettering_requested: 'Komplettering begärd',
  decided: 'Beslutad', paid: 'Utbetald', payment_failed: 'Utbetalning misslyckades', withdrawn: 'Återtagen',
};
