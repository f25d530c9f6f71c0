// JSON over HTTP for the staff and receipt pages (the HTTP API): one place that adds the staff
// token, reads `{"error","message"}` answers, and turns a network failure into the same shape.

/**
 * Resolves with the parsed body (null for 204); rejects with
 * { status, code, message, retryAfter } where code is the API's error code, or
 * 'unreachable' when the server could not be reached at all.
 */
export async function api(path, { method = 'GET', body, token } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method, headers, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw { status: 0, code: 'unreachable', message: '' };
  }
  let data = null;
  if (response.status !== 204) {
    try { data = await response.json(); } catch { data = null; }
  }
  if (!response.ok) {
    throw {
      status: response.status,
      code: data?.error || `http_${response.status}`,
      message: typeof data?.message === 'string' ? data.message : '',
      retryAfter: Number(response.headers.get('Retry-After')) || null,
    };
  }
  return data;
}
