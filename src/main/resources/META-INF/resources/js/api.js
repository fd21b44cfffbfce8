// The one way the explorer talks to factline: POST /graphql with JSON, the curator's token if any.

const TOKEN_KEY = 'factline.token';

export class ApiError extends Error {
  constructor(message, code, errors) {
    super(message);
    this.code = code || 'ERROR';
    this.errors = errors || [];
  }
}

export function token() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch { return null; }
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** What the token says about its holder (read, not verified: the service verifies it). */
export function tokenClaims() {
  const t = token();
  if (!t) return null;
  try {
    const part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(part + '='.repeat((4 - part.length % 4) % 4)));
    return { subject: claims.upn || claims.sub || 'curator', roles: claims.groups || [] };
  } catch {
    return { subject: 'curator', roles: [] };
  }
}

/** Runs a query or mutation; resolves to data, or throws an ApiError with the first error's code. */
export async function gql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const t = token();
  if (t) headers.Authorization = 'Bearer ' + t;
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new ApiError('The service cannot be reached (' + e.message + ')', 'NETWORK');
  }
  let body = null;
  try { body = await response.json(); } catch { /* not JSON */ }
  if (body && Array.isArray(body.errors) && body.errors.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions && first.extensions.code, body.errors);
  }
  if (!response.ok || !body || !body.data) {
    throw new ApiError('The service answered HTTP ' + response.status, 'HTTP_' + response.status);
  }
  return body.data;
}
