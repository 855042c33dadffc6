// Administration: create users (POST /api/v1/admin/users) and ingest API keys (POST /api/v1/admin/keys, the key
// shown once), list users, manage a chosen user's alert subscription (GET/POST/DELETE /api/v1/subscriptions, the
// form shared with the alerts page), read the audit log (GET /api/v1/audit). Every value shown is text, never markup.
import { districtName, t, tOr } from './i18n.js';
import { el, num, replace, when } from './dom.js';
import { deleteJson, districts, getJson, postJson, query } from './api.js';
import { startDisplays } from './displays.js';
import { errorText, startPage } from './shell.js';
import { SubscriptionForm, categoryLabel, quietText, reason } from './subscriptions.js';

const ROLES = ['operator', 'commander', 'responder', 'admin'];

function list(value) {
  return value.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean);
}

function say(id, text, ok) {
  const node = document.getElementById(id);
  node.textContent = text;
  node.className = ok ? 'ok-text' : 'error';
}

// ---- alert subscriptions of a chosen user

const users = new Map(); // username → account, from the users list
let known = new Map(); // district code → district
let form = null; // the shared subscription form
let listed = []; // the chosen user's subscriptions, as last loaded

/** Whom the form is for: the chosen account, its districts (state-wide roles: every district). */
function chosenTarget() {
  const u = users.get(document.getElementById('as-user').value);
  if (!u) return null;
  return { username: u.username, allDistricts: u.role === 'operator' || u.role === 'admin', districts: u.districts || [] };
}

function drawUserChoice() {
  const select = document.getElementById('as-user');
  const keep = select.value;
  replace(select, el('option', { value: '', text: t('admin.subs.choose') }),
    [...users.values()].map((u) => el('option', { value: u.username, text: `${u.username} · ${tOr(`role.${u.role}`, u.role)}` })));
  select.value = users.has(keep) ? keep : '';
}

function subscriptionRow(s) {
  const all = t('admin.subs.all');
  const list = (values, label) => (values && values.length ? values.map(label).join(', ') : all);
  return el('tr', { dataset: { user: s.user } },
    el('td', { text: s.user }),
    el('td', { text: list(s.districts, (c) => (known.has(c) ? districtName(known.get(c)) : c)) }),
    el('td', { text: list(s.categories, categoryLabel) }),
    el('td', { text: list(s.severities, (x) => tOr(`severity.${x}`, x)) }),
    el('td', { text: (s.channels || []).map((c) => tOr(`channel.${c}`, c)).join(', ') || '—' }),
    el('td', { text: s.quietHours ? t('admin.subs.criticalAnyway', { q: quietText(s.quietHours) }) : '—' }),
    el('td', { text: `${when(s.updatedAt)}${s.updatedBy ? ` · ${s.updatedBy}` : ''}` }),
    el('td', {}, el('button', {
      type: 'button', class: 'remove', 'data-i18n': 'admin.subs.remove', text: t('admin.subs.remove'),
      on: { click: (e) => removeSubscription(s.user, e.target) },
    })));
}

function drawSubscriptions() {
  replace(document.querySelector('#subscriptions tbody'), listed.map(subscriptionRow));
}

async function loadSubscriptions(target) {
  const status = document.getElementById('as-list-status');
  listed = [];
  drawSubscriptions();
  if (!target) {
    status.textContent = '';
    return;
  }
  status.textContent = t('common.loading');
  try {
    const answer = await getJson(`/api/v1/subscriptions${query({ user: target.username })}`);
    if (document.getElementById('as-user').value !== target.username) return; // another user was chosen meanwhile
    listed = (answer.items || []).filter((s) => s.user === target.username);
    status.textContent = listed.length ? '' : t('admin.subs.none');
    status.className = 'muted';
    drawSubscriptions();
  } catch (e) {
    say('as-list-status', reason(e), false);
  }
}

async function removeSubscription(user, button) {
  button.disabled = true;
  try {
    await deleteJson(`/api/v1/subscriptions/${encodeURIComponent(user)}`);
    const target = chosenTarget();
    if (target && target.username === user) {
      form.removed();
      await loadSubscriptions(target);
    }
    say('as-list-status', t('admin.subs.removed', { user }), true);
  } catch (e) {
    button.disabled = false;
    say('as-list-status', t('admin.failed', { reason: reason(e) }), false);
  }
}

function chooseUser() {
  const target = chosenTarget();
  form.load(target);
  loadSubscriptions(target);
}

// ---- users

async function loadUsers() {
  const status = document.getElementById('users-status');
  try {
    const answer = await getJson('/api/v1/admin/users');
    status.textContent = '';
    users.clear();
    (answer.items || []).forEach((u) => users.set(u.username, u));
    drawUserChoice();
    replace(document.querySelector('#users tbody'), (answer.items || []).map((u) => el('tr', { dataset: { user: u.username } },
      el('td', { text: u.username }), el('td', { text: t(`role.${u.role}`) }),
      el('td', { text: (u.states || []).length ? t('admin.statesOnly', { states: u.states.join(', ') })
        : (u.districts || []).join(', ') }),
      el('td', { text: (u.categories || []).join(', ') }))));
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
    states: list(document.getElementById('u-states').value),
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
  try {
    known = await districts();
  } catch (e) {
    known = new Map();
  }
  form = new SubscriptionForm(document.getElementById('as-mount'), {
    prefix: 'as', formId: 'admin-subscription-form', known, noneKey: 'admin.subs.none',
    onSaved: () => loadSubscriptions(chosenTarget()),
  });
  document.getElementById('as-user').addEventListener('change', chooseUser);
  window.addEventListener('langchange', () => {
    fillRoles();
    drawUserChoice();
    form.draw();
    drawSubscriptions();
  });
  document.getElementById('user-form').addEventListener('submit', createUser);
  document.getElementById('key-form').addEventListener('submit', createKey);
  startDisplays();
  document.getElementById('audit-form').addEventListener('submit', loadAudit);
  document.getElementById('key-copy').addEventListener('click', () => {
    navigator.clipboard?.writeText(document.getElementById('key-value').textContent);
  });
  loadUsers();
  loadAudit();
}

main();
