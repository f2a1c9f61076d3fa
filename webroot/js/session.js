// Who is logged in, for the pages that need to know: the resident's or the staff member's session. The session's
// CSRF token goes to the API client, and the shared header's logout button is offered.
import { rememberCsrfToken, send } from './api.js';

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

/** The resident's session ({name, csrfToken, ...}), or null after sending the browser to the login page. */
export async function residentSession() {
  const result = await send('GET', '/api/v1/session');
  if (!result.ok || !result.data.authenticated) {
    window.location.replace('/logga-in/');
    return null;
  }
  rememberCsrfToken(result.data.csrfToken);
  offerLogout('/api/v1/logout');
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
