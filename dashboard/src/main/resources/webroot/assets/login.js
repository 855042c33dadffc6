// Sign in: POST /api/v1/session, then go to ?next= (a path on this site only).
import { applyI18n, lang, setLang, t } from './i18n.js';
import { login } from './api.js';

function safeNext() {
  const next = new URLSearchParams(location.search).get('next') || '/';
  // only a local path: no scheme, no "//host", no backslash tricks
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || next.startsWith('/login')) return '/';
  return next;
}

function showError(text) {
  document.getElementById('login-error').textContent = text;
}

applyI18n();
document.getElementById('lang-toggle').addEventListener('click', () => setLang(lang() === 'hi' ? 'en' : 'hi'));
if (new URLSearchParams(location.search).get('expired') === '1') showError(t('login.expired'));

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = document.getElementById('username').value.trim();
  const password = document.getElementById('password').value;
  const button = document.getElementById('login-submit');
  if (!username || !password) {
    showError(t('login.bad'));
    return;
  }
  button.disabled = true;
  showError('');
  try {
    await login(username, password);
    location.assign(safeNext());
  } catch (e) {
    if (e.status === 401) showError(t('login.bad'));
    else if (e.status === 429) showError(t('login.throttled', { s: e.retryAfter || '60' }));
    else showError(t('login.failed', { status: e.status || e.message }));
    button.disabled = false;
  }
});
