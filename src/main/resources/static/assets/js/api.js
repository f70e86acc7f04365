// The one way the pages talk to the server: the public API under /api/v1, with the caller's bearer token.
// Problems (RFC 9457) become ApiProblem errors that the pages show as readable messages.

const BASE = '/api/v1';

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The server answered ${status}`);
    this.status = status;
    this.title = problem.title || statusText(status);
    this.detail = problem.detail || '';
    this.type = problem.type || '';
    // Validation problems name each invalid field: [{field, message}]
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
  }
}

function statusText(status) {
  if (status === 0) return 'The shop cannot be reached';
  if (status === 401) return 'Please sign in';
  if (status === 403) return 'Not allowed';
  if (status === 404) return 'Not found';
  if (status >= 500) return 'The shop is having trouble';
  return 'The request was refused';
}

/**
 * A client of the API that signs its requests with the token that tokenOf() gives (or none).
 * onUnauthorized is told when the API refuses the token, so that the page can ask to sign in again.
 */
export function apiClient({ tokenOf = () => null, onUnauthorized = () => {} } = {}) {
  async function call(method, path, { body, headers = {}, query } = {}) {
    const url = new URL(BASE + path, window.location.origin);
    if (query) {
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
      }
    }
    const token = tokenOf();
    const request = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
    if (token) request.headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) {
      request.headers['Content-Type'] = 'application/json';
      request.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, request);
    } catch (failure) {
      throw new ApiProblem(0, { detail: 'Check your connection and try again.' });
    }
    const text = await response.text();
    let payload = null;
    if (text) {
      try {
        payload = JSON.parse(text);
      } catch (notJson) {
        payload = { detail: text.slice(0, 200) };
      }
    }
    if (!response.ok) {
      if (response.status === 401 && token) onUnauthorized();
      throw new ApiProblem(response.status, payload || {});
    }
    return { status: response.status, body: payload, headers: response.headers };
  }
  return {
    get: (path, query) => call('GET', path, { query }).then((answer) => answer.body),
    post: (path, body, headers) => call('POST', path, { body, headers }),
    call,
  };
}
