// Administration: create users (POST /api/v1/admin/users) and ingest API keys (POST /api/v1/admin/keys, the key
// shown once), list users, read the audit log (GET /api/v1/audit). Every value shown is text, never markup.
import { t } from './i18n.js';
import { el, num, replace, when } from './dom.js';
import { getJson, postJson, query } from './api.js';
import { errorText, startPage } from './shell.js';

const ROLES = ['operator', 'commander', 'responder', 'admin'];

function list(value) {
  return value.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean);
}

function say(id, text, ok) {
  const node = document.getElementById(id);
  node.textContent = text;
  node.className = ok ? 'ok-text' : 'error';
}

async function loadUsers() {
  const status = document.getElementById('users-status');
  try {
    const answer = await getJson('/api/v1/admin/users');
    status.textContent = '';
    replace(document.querySelector('#users tbody'), (answer.items || []).map((u) => el('tr', { dataset: { user: u.username } },
      el('td', { text: u.username }), el('td', { text: t(`role.${u.role}`) }),
      el('td', { text: (u.districts || []).join(', ') }), el('td', { text: (u.categories || []).join(', ') }))));
  } catch (e) {
    status.textContent = errorText(e);
  }
}

async function createUser(event) {
  event.preventDefault();
  const body = {
    username: document.getElementById('u-username').value.trim(),
    password: document.getElementById('u-password').value,
    role: document.getElementById('u-role').value,
    districts: list(document.getElementById('u-districts').value),
    categories: list(document.getElementById('u-categories').value),
  };
  const contact = {};
  if (document.getElementById('u-email').value.trim()) contact.email = document.getElementById('u-email').value.trim();
  if (document.getElementById('u-phone').value.trim()) contact.phone = document.getElementById('u-phone').value.trim();
  if (Object.keys(contact).length) body.contact = contact;
  try {
    await postJson('/api/v1/admin/users', body);
    say('user-status', t('admin.created'), true);
    event.target.reset();
    loadUsers();
  } catch (e) {
    say('user-status', t('admin.failed', { reason: errorText(e) }), false);
  }
}

async function createKey(event) {
  event.preventDefault();
  const body = {
    source: document.getElementById('k-source').value.trim(),
    feeds: Array.from(document.querySelectorAll('#key-form input[name=feed]:checked')).map((x) => x.value),
    districts: list(document.getElementById('k-districts').value),
  };
  try {
    const answer = await postJson('/api/v1/admin/keys', body);
    say('key-status', t('admin.created'), true);
    document.getElementById('key-value').textContent = answer.key || answer.token || '';
    document.getElementById('key-shown').hidden = false;
  } catch (e) {
    say('key-status', t('admin.failed', { reason: errorText(e) }), false);
  }
}

/** target, district and details of an audit event as one line of text. */
function auditDetail(a) {
  const parts = [a.target, a.district ? `district ${a.district}` : null];
  const details = a.details ?? a.detail;
  if (typeof details === 'string') parts.push(details);
  else if (details) for (const [k, v] of Object.entries(details)) parts.push(`${k}: ${v}`);
  return parts.filter(Boolean).join(' · ');
}

async function loadAudit(event) {
  if (event) event.preventDefault();
  const status = document.getElementById('audit-status');
  status.textContent = t('common.loading');
  const from = document.getElementById('a-from').value;
  const to = document.getElementById('a-to').value;
  try {
    const answer = await getJson(`/api/v1/audit${query({
      from: from ? `${from}T00:00:00+05:30` : '', to: to ? `${to}T23:59:59+05:30` : '',
      user: document.getElementById('a-user').value.trim(),
    })}`);
    const items = answer.items || [];
    status.textContent = t('search.results', { n: num(items.length) });
    replace(document.querySelector('#audit tbody'), items.map((a) => el('tr', {},
      el('td', { text: when(a.at) }), el('td', { text: a.actor || a.user || a.username || '' }),
      el('td', { text: [a.action, a.outcome && a.outcome !== 'ok' ? `(${a.outcome})` : ''].filter(Boolean).join(' ') }),
      el('td', { text: auditDetail(a) }))));
  } catch (e) {
    status.textContent = errorText(e);
  }
}

async function main() {
  await startPage({ active: '/admin' });
  const roleSelect = document.getElementById('u-role');
  const fillRoles = () => {
    const keep = roleSelect.value;
    replace(roleSelect, ROLES.map((r) => el('option', { value: r, text: t(`role.${r}`) })));
    roleSelect.value = keep || 'operator';
  };
  fillRoles();
  window.addEventListener('langchange', fillRoles);
  document.getElementById('user-form').addEventListener('submit', createUser);
  document.getElementById('key-form').addEventListener('submit', createKey);
  document.getElementById('audit-form').addEventListener('submit', loadAudit);
  document.getElementById('key-copy').addEventListener('click', () => {
    navigator.clipboard?.writeText(document.getElementById('key-value').textContent);
  });
  loadUsers();
  loadAudit();
}

main();
