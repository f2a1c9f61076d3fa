// The one client every page uses for our own API. Each call sends the page's language (so the server's messages match
// the page) and, once a session is known, its CSRF token on every state-changing request. Every call resolves to
// { ok, status, data } and never throws: a failed call's data is always the server's error body
// {error, message, requestId, fields} with a message and a fields array, whatever came back (a proxy's HTML page,
// nothing at all), and a network failure is status 0 with error "network".
import { language, t } from './i18n.js';

let csrfToken = null;

/** The session's CSRF token, from the session answer (see session.js). */
export function rememberCsrfToken(token) {
  csrfToken = token;
}

/** A fresh key for one user action (reuse it when retrying that same action): the server then does the work once. */
export function newIdempotencyKey() {
  if (window.crypto && window.crypto.randomUUID) {
    return window.crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function headers(method, extra) {
  const result = { Accept: 'application/json', 'Accept-Language': language(), ...extra };
  if (csrfToken && method !== 'GET' && method !== 'HEAD') {
    result['X-CSRF-Token'] = csrfToken;
  }
  return result;
}

function errorBody(data, status) {
  const body = data && typeof data === 'object' ? data : {};
  return {
    error: body.error || (status === 0 ? 'network' : `http_${status}`),
    message: body.message || t(status === 0 ? 'errors.network' : 'errors.failed'),
    requestId: body.requestId || null,
    fields: Array.isArray(body.fields) ? body.fields : [],
  };
}

async function call(path, init) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (networkError) {
    return { ok: false, status: 0, data: errorBody(null, 0) };
  }
  let data = null;
  if ((response.headers.get('Content-Type') || '').includes('application/json')) {
    data = await response.json().catch(() => null);
  }
  // The session's idle clock restarts with every answer; a 401 means the session has ended (session.js says so).
  document.dispatchEvent(new CustomEvent(response.status === 401 ? 'session:ended' : 'session:activity'));
  return response.ok ? { ok: true, status: response.status, data }
    : { ok: false, status: response.status, data: errorBody(data, response.status) };
}

/** A JSON call: body (if any) is sent as JSON; extraHeaders e.g. an Idempotency-Key. */
export function send(method, path, body, extraHeaders = {}) {
  const json = body === undefined ? {} : { 'Content-Type': 'application/json' };
  return call(path, { method, headers: headers(method, { ...json, ...extraHeaders }),
    body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Uploads one file (multipart, field "file") with the given form fields. */
export function upload(path, file, fields = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) {
      form.append(name, value);
    }
  }
  form.append('file', file, file.name);
  return call(path, { method: 'POST', headers: headers('POST', {}), body: form });
}

/**
 * What to show for a failed call, as a list of {field, error, message}: the server's field problems, or the answer
 * itself as one problem at field (a page's fallback for errors that name no field).
 */
export function problems(result, field = '') {
  return result.data.fields.length ? result.data.fields
    : [{ field, error: result.data.error, message: result.data.message }];
}
