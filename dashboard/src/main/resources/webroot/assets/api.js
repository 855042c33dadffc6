// The JSON API (DASHBOARD-PROTOCOL.md): same-origin fetches with the session cookie; state-changing requests
// carry X-CSRF-Token from /api/v1/me; a 401 sends the browser to the login page.

import { displayId, showRevoked } from './display.js';

let csrf = null;

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.reason || body.error || body.message)) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export function toLogin() {
  if (displayId) {
    showRevoked();
    return;
  }
  const next = location.pathname + location.search;
  location.assign(`/login?next=${encodeURIComponent(next)}`);
}

async function parse(response) {
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204) return null;
  if (type.includes('json')) return response.json();
  return response.text();
}

async function request(method, url, body, { redirectOn401 = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch(url, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await parse(response).catch(() => null);
  if (response.status === 401 && redirectOn401) {
    toLogin();
    throw new ApiError(401, data);
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    error.retryAfter = response.headers.get('Retry-After');
    throw error;
  }
  return data;
}

export const getJson = (url, opts) => request('GET', url, undefined, opts);
export const postJson = (url, body, opts) => request('POST', url, body, opts);
export const putJson = (url, body, opts) => request('PUT', url, body, opts);
export const deleteJson = (url, opts) => request('DELETE', url, undefined, opts);

/** Who is signed in: {username, role, districts, categories, personalData, csrf}; redirects to /login on 401. */
export async function me() {
  const who = await getJson('/api/v1/me');
  csrf = who.csrf || null;
  return who;
}

/** Signs in; answers the session ({token, csrf, expiresAt}). Throws ApiError (401 bad, 429 throttled). */
export async function login(username, password) {
  const session = await postJson('/api/v1/session', { username, password }, { redirectOn401: false });
  csrf = session && session.csrf;
  return session;
}

export async function logout() {
  try {
    await deleteJson('/api/v1/session', { redirectOn401: false });
  } finally {
    location.assign('/login');
  }
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The reference districts the viewer may see, as a Map code → district. Cached per page. */
let districtsPromise = null;
export function districts() {
  if (!districtsPromise) {
    districtsPromise = getJson('/api/v1/districts').then((answer) => new Map(answer.items.map((d) => [d.code, d])));
  }
  return districtsPromise;
}
