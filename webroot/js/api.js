// JSON calls to our own API. Every state-changing call carries the session's CSRF token; errors come back as the
// server's uniform body {error, message, requestId, fields?} so pages can show the message and mark the fields.
let csrfToken = null;

export function rememberCsrfToken(token) {
  csrfToken = token;
}

/** Returns { ok, status, data } — never throws for an HTTP error; a network failure becomes status 0. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (csrfToken && method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (networkError) {
    return { ok: false, status: 0, data: { error: 'network', message: null } };
  }
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('application/json')) {
    data = await response.json();
  }
  return { ok: response.ok, status: response.status, data };
}

/** The current session ({authenticated, name, ...}); remembers the CSRF token for later calls. */
export async function loadSession() {
  const result = await api('GET', '/api/v1/session');
  if (result.ok && result.data.authenticated) {
    rememberCsrfToken(result.data.csrfToken);
  }
  return result.ok ? result.data : { authenticated: false };
}
