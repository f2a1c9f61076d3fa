// Who is logged in, for the pages that need to know: the resident's or the staff member's session. The session's
// CSRF token goes to the API client, and the shared header's logout button is offered. For residents the page also
// watches the idle timeout: two minutes before it a warning with "Fortsätt", and once the session has ended a plain
// message with a link that logs in again and comes back to the same page (a form step is saved as a draft).
import { rememberCsrfToken, send } from './api.js';
import { t } from './i18n.js';

const WARN_BEFORE_MS = 2 * 60 * 1000;
let idleMs = 0;
let warnTimer = null;
let endTimer = null;
let ended = false;

function offerLogout(path) {
  const button = document.getElementById('logout');
  if (!button) {
    return;
  }
  button.hidden = false;
  button.onclick = async () => {
    await send('POST', path, {});
    window.location.assign('/');
  };
}

/** Where the login page should bring the resident back to: this page, with its query (e.g. the application's id). */
export function loginLink() {
  const here = window.location.pathname + window.location.search;
  return '/logga-in/?next=' + encodeURIComponent(here);
}

function box() {
  return document.getElementById('session-notice');
}

function hideWarning() {
  const notice = box();
  if (notice && !ended) {
    notice.hidden = true;
  }
}

function showWarning() {
  const notice = box();
  if (!notice || ended) {
    return;
  }
  notice.querySelector('#session-text').textContent = t('session.warning');
  notice.querySelector('#session-continue').hidden = false;
  notice.querySelector('#session-login').hidden = true;
  notice.hidden = false;
  notice.querySelector('#session-continue').focus();
}

function showEnded() {
  const notice = box();
  ended = true;
  clearTimeout(warnTimer);
  clearTimeout(endTimer);
  if (!notice) {
    return;
  }
  notice.querySelector('#session-text').textContent = t('session.ended');
  notice.querySelector('#session-continue').hidden = true;
  const login = notice.querySelector('#session-login');
  login.href = loginLink();
  login.hidden = false;
  notice.hidden = false;
  document.getElementById('logout')?.setAttribute('hidden', '');
  login.focus();
}

function restartIdleClock() {
  if (!idleMs || ended) {
    return;
  }
  clearTimeout(warnTimer);
  clearTimeout(endTimer);
  warnTimer = setTimeout(showWarning, Math.max(idleMs - WARN_BEFORE_MS, 0));
  // At the end the server decides: activity in another tab may have kept the session alive.
  endTimer = setTimeout(async () => {
    const result = await send('GET', '/api/v1/session');
    if (result.ok && result.data.authenticated) {
      hideWarning();
      restartIdleClock();
    } else {
      showEnded();
    }
  }, idleMs);
}

function watchIdle(seconds) {
  idleMs = Number(seconds || 0) * 1000;
  const notice = box();
  if (!idleMs || !notice) {
    return;
  }
  notice.querySelector('#session-continue').onclick = async () => {
    const result = await send('GET', '/api/v1/session');
    if (result.ok && result.data.authenticated) {
      hideWarning();
    } else {
      showEnded();
    }
  };
  document.addEventListener('session:activity', () => {
    hideWarning();
    restartIdleClock();
  });
  document.addEventListener('session:ended', showEnded);
  restartIdleClock();
}

/** The resident's session ({name, csrfToken, ...}), or null after sending the browser to the login page. */
export async function residentSession() {
  const result = await send('GET', '/api/v1/session');
  if (!result.ok || !result.data.authenticated) {
    window.location.replace(loginLink());
    return null;
  }
  rememberCsrfToken(result.data.csrfToken);
  offerLogout('/api/v1/logout');
  watchIdle(result.data.idleSeconds);
  return result.data;
}

/** For public pages: if a resident is logged in, offer logout and watch the idle timeout; never redirects. */
export async function optionalResidentSession() {
  const result = await send('GET', '/api/v1/session');
  if (!result.ok || !result.data.authenticated) {
    return null;
  }
  rememberCsrfToken(result.data.csrfToken);
  offerLogout('/api/v1/logout');
  watchIdle(result.data.idleSeconds);
  return result.data;
}

/** The staff member's session ({name, roles, ...}), or null after sending the browser to the municipality's login. */
export async function staffSession() {
  const result = await send('GET', '/api/v1/staff/session');
  if (!result.ok || !result.data.authenticated) {
    const here = window.location.pathname + window.location.search;
    window.location.replace('/handlaggare/login?returnTo=' + encodeURIComponent(here));
    return null;
  }
  rememberCsrfToken(result.data.csrfToken);
  offerLogout('/api/v1/staff/logout');
  const who = document.getElementById('who');
  if (who) {
    who.textContent = result.data.name + ' (' + result.data.roles.join(', ') + ')';
  }
  return result.data;
}
