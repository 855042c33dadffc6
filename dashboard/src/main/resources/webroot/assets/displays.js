// Administration of wall displays (docs/DISPLAYS.md): register one (its address with the credential is shown once),
// list them, revoke one (its screens go blank within seconds).
import { t } from './i18n.js';
import { el, replace } from './dom.js';
import { deleteJson, getJson, postJson } from './api.js';
import { errorText } from './shell.js';

function say(text, ok) {
  const status = document.getElementById('display-status');
  status.textContent = text;
  status.className = ok ? 'ok' : 'error';
}

function where(d) {
  if (d.district) return d.district;
  if (d.state) return `${t('admin.display.state')}: ${d.state}`;
  return '';
}

async function load() {
  try {
    const answer = await getJson('/api/v1/admin/displays');
    replace(document.querySelector('#displays tbody'), (answer.items || []).map((d) => el('tr', { dataset: { display: d.id } },
      el('td', { text: d.name }),
      el('td', { text: t(`admin.display.view.${d.view}`) }),
      el('td', { text: where(d) }),
      el('td', {}, d.revokedAt ? el('span', { class: 'muted', text: t('admin.display.revokedAt', { at: d.revokedAt }) })
        : el('button', { type: 'button', class: 'revoke', 'data-i18n': 'admin.display.revoke', text: t('admin.display.revoke'),
          on: { click: () => revoke(d.id) } })))));
  } catch (e) {
    say(errorText(e), false);
  }
}

async function register(event) {
  event.preventDefault();
  const body = {
    name: document.getElementById('d-name').value.trim(),
    view: document.getElementById('d-view').value,
    rotate: document.getElementById('d-rotate').checked,
  };
  const state = document.getElementById('d-state').value.trim();
  const district = document.getElementById('d-district').value.trim();
  if (state) body.state = state;
  if (district) body.district = district;
  try {
    const answer = await postJson('/api/v1/admin/displays', body);
    say(t('admin.created'), true);
    document.getElementById('display-url').textContent = `${location.origin}${answer.url}`;
    document.getElementById('display-shown').hidden = false;
    event.target.reset();
    load();
  } catch (e) {
    say(t('admin.failed', { reason: errorText(e) }), false);
  }
}

async function revoke(id) {
  try {
    await deleteJson(`/api/v1/admin/displays/${encodeURIComponent(id)}`);
    load();
  } catch (e) {
    say(t('admin.failed', { reason: errorText(e) }), false);
  }
}

/** Wires the displays panel of the administration page. */
export function startDisplays() {
  document.getElementById('display-form').addEventListener('submit', register);
  window.addEventListener('langchange', load);
  load();
}
