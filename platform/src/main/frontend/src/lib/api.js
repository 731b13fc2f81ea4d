// Small fetch wrapper for the JSON API: session cookie + CSRF header, RFC 9457 problems as Errors.

export function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content ?? '';
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problemMessage(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function problemMessage(status, problem) {
  if (problem?.detail && problem?.title) return `${problem.title}: ${problem.detail}`;
  if (problem?.detail || problem?.title) return problem.detail || problem.title;
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found. It may have been deleted.';
  if (status === 413) return 'The file is too large.';
  if (status >= 500) return `The server had a problem (HTTP ${status}). Please try again.`;
  return `Request failed (HTTP ${status}).`;
}

export async function api(method, url, body) {
  const headers = { 'X-CSRF-Token': csrfToken(), Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { detail: 'Could not reach the server. Check your connection.' });
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* a non-JSON body, e.g. a proxy's error page */ }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}
