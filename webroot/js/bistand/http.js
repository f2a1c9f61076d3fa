// JSON and upload calls for the försörjningsstöd pages, with the session's CSRF token and, where the server asks for
// one, an Idempotency-Key (a retried or double-clicked request then does the work once). Same answer shape as
// api.js: { ok, status, data } and never throws for an HTTP error.
let csrfToken = null;

export function useCsrfToken(token) {
  csrfToken = token;
}

/** A fresh key for one user action (reuse it when retrying that same action). */
export function newIdempotencyKey() {
  if (window.crypto && window.crypto.randomUUID) {
    return window.crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function answer(response) {
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('application/json')) {
    data = await response.json();
  }
  return { ok: response.ok, status: response.status, data };
}

export async function send(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (csrfToken && method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken;
  }
  try {
    const response = await fetch(path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
    return await answer(response);
  } catch (networkError) {
    return { ok: false, status: 0, data: { error: 'network', message: null } };
  }
}

/** Uploads one file (multipart, field "file") with the given form fields. */
export async function upload(path, file, fields = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) {
      form.append(name, value);
    }
  }
  form.append('file', file, file.name);
  const headers = { Accept: 'application/json' };
  if (csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  try {
    return await answer(await fetch(path, { method: 'POST', headers, body: form, credentials: 'same-origin' }));
  } catch (networkError) {
    return { ok: false, status: 0, data: { error: 'network', message: null } };
  }
}
