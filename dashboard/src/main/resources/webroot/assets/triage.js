// Triage (docs/TRIAGE.md): the unplaced messages oldest first (GET /api/v1/triage/messages), each with the districts
// the recogniser suggests; a click places it (POST …/placement, version 0). A suggestion's words become a proposed
// alias, which an administrator accepts or rejects below (GET /api/v1/triage/aliases, POST …/aliases/decisions).
import { districtName, t, tOr } from './i18n.js';
import { el, num, replace, when } from './dom.js';
import { ApiError, districts, getJson, postJson } from './api.js';
import { errorText, startPage } from './shell.js';

let known = new Map();
let viewer = null;

function nameOf(code, fallback) {
  return known.has(code) ? districtName(known.get(code)) : (fallback || code);
}

async function place(item, message, district, spelling) {
  const status = item.querySelector('.triage-status');
  status.textContent = t('triage.placing');
  for (const b of item.querySelectorAll('button, select')) b.disabled = true;
  try {
    const body = { district, version: message.version };
    if (spelling) body.spelling = spelling;
    const placed = await postJson(`/api/v1/triage/messages/${encodeURIComponent(message.id)}/placement`, body);
    status.textContent = t('triage.placed', { district: nameOf(placed.district, placed.districtName) });
    item.classList.add('placed');
    item.dataset.placedIn = placed.district;
    loadAliases();
  } catch (e) {
    if (e instanceof ApiError && e.status === 409 && e.body && e.body.placement) {
      const p = e.body.placement;
      status.textContent = t('triage.conflict', { district: nameOf(p.district, p.districtName), by: p.by });
      item.classList.add('placed');
    } else {
      status.textContent = errorText(e);
      for (const b of item.querySelectorAll('button, select')) b.disabled = false;
    }
  }
}

function messageItem(m, choices) {
  const item = el('li', { class: 'result triage-item', dataset: { id: m.id } });
  const suggestions = (m.suggestions || []).map((s) => el('button', {
    type: 'button', class: 'suggestion', dataset: { district: s.district },
    title: s.spelling ? t('triage.spelling', { spelling: s.spelling }) : null,
    text: `${districtName(s)}${s.stateName ? ` · ${districtName({ name: s.stateName, nameHi: s.stateNameHi })}` : ''}`,
    on: { click: () => place(item, m, s.district, s.spelling) },
  }));
  const select = el('select', { class: 'other-district', 'aria-label': t('triage.other') },
    el('option', { value: '', text: t('triage.other') }), choices.map((d) => el('option', { value: d.code, text: districtName(d) })));
  const other = el('button', {
    type: 'button', class: 'primary place-other', text: t('triage.place'),
    on: { click: () => { if (select.value) place(item, m, select.value, null); } },
  });
  item.append(
    el('div', { class: 'meta' }, `${when(m.at)} · ${tOr(`channel.${m.channel}`, m.channel || '')} · ${m.from || ''}`,
      (m.commodities || []).length ? ` · ${m.commodities.map((c) => tOr(`commodity.${c}`, c)).join(', ')}` : ''),
    el('div', { class: 'text', text: m.text || '' }),
    el('div', { class: 'actions' },
      suggestions.length ? el('span', { class: 'muted', text: `${t('triage.suggested')}: ` }) : '', suggestions,
      ' ', select, ' ', other),
    el('p', { class: 'muted triage-status', role: 'status' }));
  return item;
}

async function loadQueue() {
  const total = document.getElementById('triage-total');
  const list = document.getElementById('triage-queue');
  total.textContent = t('common.loading');
  try {
    const answer = await getJson('/api/v1/triage/messages?size=50');
    const items = answer.items || [];
    total.textContent = items.length ? t('triage.total', { n: num(answer.total) }) : t('triage.empty');
    const choices = [...known.values()].sort((a, b) => districtName(a).localeCompare(districtName(b)));
    replace(list, items.map((m) => messageItem(m, choices)));
  } catch (e) {
    total.textContent = e instanceof ApiError && e.status === 403 ? t('triage.scope') : errorText(e);
    document.getElementById('aliases-section').hidden = true;
  }
}

async function decide(p, decision) {
  const status = document.getElementById('aliases-status');
  try {
    await postJson('/api/v1/triage/aliases/decisions', { key: p.key, decision, version: p.version });
    status.textContent = '';
  } catch (e) {
    status.textContent = e instanceof ApiError && e.status === 409 ? t('triage.alias.stale') : errorText(e);
  }
  loadAliases();
}

async function loadAliases() {
  const status = document.getElementById('aliases-status');
  const body = document.querySelector('#aliases tbody');
  try {
    const answer = await getJson('/api/v1/triage/aliases');
    const items = answer.items || [];
    status.textContent = items.length ? '' : t('triage.aliases.empty');
    replace(body, items.map((p) => el('tr', { dataset: { key: p.key } },
      el('td', { text: p.spelling }),
      el('td', { text: p.name ? districtName(p) : p.district }),
      el('td', { class: 'num', text: num(p.placements) }),
      el('td', { text: t(`triage.alias.status.${p.status}`) }),
      el('td', {}, viewer.role === 'admin' && p.status === 'proposed' ? [
        el('button', { type: 'button', class: 'primary', text: t('triage.alias.accept'), on: { click: () => decide(p, 'accepted') } }), ' ',
        el('button', { type: 'button', text: t('triage.alias.reject'), on: { click: () => decide(p, 'rejected') } }),
      ] : []))));
  } catch (e) {
    status.textContent = errorText(e);
  }
}

async function main() {
  viewer = await startPage({ active: '/triage' });
  try {
    known = await districts();
  } catch (e) {
    known = new Map();
  }
  await loadQueue();
  if (!document.getElementById('aliases-section').hidden) loadAliases();
}

main();
