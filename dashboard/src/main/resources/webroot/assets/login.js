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

// Single sign-on, when the dashboard has a provider (docs/SECURITY.md): its button, and why a sign-in came back.
function showProvider(provider) {
  const link = document.getElementById('login-sso-link');
  link.textContent = t('login.sso', { name: provider.name });
  link.href = `${provider.login}?next=${encodeURIComponent(safeNext())}`;
  document.getElementById('login-sso').hidden = false;
  const sso = new URLSearchParams(location.search).get('sso');
  if (sso === 'refused' || sso === 'failed') {
    const note = document.getElementById('login-sso-error');
    note.textContent = t(`login.sso.${sso}`, { name: provider.name });
    note.hidden = false;
  }
}

fetch('/auth/oidc/provider', { headers: { Accept: 'application/json' } })
  .then((answer) => (answer.ok ? answer.json() : null))
  .then((provider) => {
    if (!provider) return;
    showProvider(provider);
    window.addEventListener('langchange', () => showProvider(provider));
  })
  .catch(() => {});

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
