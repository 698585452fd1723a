// The APIs the pages use are the same the mobile clients use, under /api. The gateway puts the session's token on each
// call; a call that changes something carries the CSRF token from the XSRF-TOKEN cookie.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A problem answer (RFC 9457) as an error the pages can show: its status, title, detail and field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.type = problem.type || '';
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = problem.retryAfter;
  }

  /** The problem's kind, the last part of its type URI, e.g. 'validation', 'thread-closed'. */
  get kind() {
    return this.type.split('/').pop();
  }
}

export function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/**
 * Calls an API: api('/api/news/articles', {query: {limit: 20}}), api(path, {method: 'POST', body: {...}}).
 * Resolves to the parsed JSON (null for 204); rejects with an ApiError for a problem answer, or a TypeError when the
 * network fails.
 */
export async function api(path, { method = 'GET', body, query, headers = {}, signal } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  const sent = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) {
    sent['Content-Type'] = 'application/json';
  }
  if (!SAFE.has(method)) {
    sent['X-XSRF-TOKEN'] = csrfToken();
  }
  const response = await fetch(url, {
    method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', signal,
  });
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = { detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) {
    const problem = json || { title: response.statusText };
    if (response.headers.has('Retry-After')) {
      problem.retryAfter = Number(response.headers.get('Retry-After'));
    }
    throw new ApiError(response.status, problem);
  }
  return json;
}

/** A fresh key for a write that may be retried (Idempotency-Key). */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}
