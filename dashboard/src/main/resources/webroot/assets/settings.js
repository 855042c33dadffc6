// Settings changed live (docs/SETTINGS.md): GET /api/v1/admin/settings drawn as one table per group (shortage
// thresholds, SLA hours, line capacities, alert thresholds), each value edited inline and saved with
// PUT /api/v1/admin/settings {key, value, district?, version}; a refusal is shown at the field it names, a 409 reloads.
import { districtName, t, tOr } from './i18n.js';
import { el, replace, when } from './dom.js';
import { ApiError, districts, getJson, putJson } from './api.js';
import { errorText, startPage } from './shell.js';

const GROUPS = ['shortage', 'sla', 'line', 'alert'];
let known = new Map(); // district code → district
let items = [];

function number(v) {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

/** What a setting is about, in words: "Medicine — LOW below", "Health", "CM Helpline 181", "Helpline overloaded". */
function label(item) {
  switch (item.group) {
    case 'shortage': return `${tOr(`commodity.${item.subject}`, item.subject)} — ${t(item.key.endsWith('.low.days') ? 'settings.low' : 'settings.critical')}`;
    case 'sla': return tOr(`category.${item.subject}`, tOr(`commodity.${item.subject}`, item.subject));
    case 'line': return tOr(`line.${item.subject}`, item.subject);
    default: return tOr(`rule.${item.subject}`, item.subject);
  }
}

function districtText(item) {
  if (!item.district) return t('settings.allDistricts');
  const d = known.get(item.district);
  return d ? `${districtName(d)} (${item.district})` : (item.districtName ? `${item.districtName} (${item.district})` : item.district);
}

function say(node, text, ok) {
  node.textContent = text;
  node.className = ok ? 'ok-text' : 'error';
}

function fieldError(error) {
  const body = error instanceof ApiError ? error.body : null;
  return body && body.field ? t('settings.error', { field: body.field, reason: body.reason }) : errorText(error);
}

async function save(item, input, note) {
  input.removeAttribute('aria-invalid');
  const value = input.value.trim() === '' ? null : Number(input.value);
  try {
    const saved = await putJson('/api/v1/admin/settings', {
      key: item.key, value: Number.isNaN(value) ? input.value : value, district: item.district || null, version: item.version,
    });
    say(note, t('settings.saved', { key: item.key, value: number(saved.value) }), true);
    await load(`${item.key}|${item.district || ''}`);
  } catch (e) {
    if (e.status === 409) {
      await load();
      say(document.getElementById('settings-status'), t('settings.conflict'), false);
      return;
    }
    input.setAttribute('aria-invalid', 'true');
    say(note, fieldError(e), false);
    input.focus();
  }
}

function row(item) {
  const id = `v-${item.key}-${item.district || 'all'}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const input = el('input', {
    id, type: 'number', step: item.unit === 'calls' || item.unit === 'tickets' ? '1' : 'any', value: number(item.value),
    min: item.min, max: item.max, 'aria-label': `${label(item)} · ${districtText(item)}`, required: true,
    'aria-describedby': `${id}-note`,
  });
  const note = el('span', { id: `${id}-note`, role: 'status' });
  const form = el('form', { class: 'inline-edit', novalidate: true, on: { submit: (e) => { e.preventDefault(); save(item, input, note); } } },
    input, ' ', el('button', { type: 'submit', text: t('settings.save'), 'data-i18n': 'settings.save' }));
  return el('tr', { dataset: { key: item.key, district: item.district || '' }, class: item.version > 0 ? 'changed' : null },
    el('td', { text: label(item) }),
    el('td', { text: districtText(item) }),
    el('td', {}, form, ' ', el('span', { class: 'muted', text: t(`unit.${item.unit}`) })),
    el('td', { class: 'num', text: number(item.default) }),
    el('td', { class: 'muted', text: `${number(item.min)}–${number(item.max)}` }),
    el('td', { class: 'muted', text: item.changedAt ? t('settings.changed', { time: when(item.changedAt), by: item.changedBy }) : '—' }),
    el('td', {}, note));
}

function draw() {
  const groups = GROUPS.map((g) => {
    const rows = items.filter((i) => i.group === g);
    return el('section', { class: 'panel', id: `settings-${g}` },
      el('h2', { text: t(`settings.group.${g}`), 'data-i18n': `settings.group.${g}` }),
      g === 'sla' ? el('p', { class: 'muted', text: t('settings.sla.note'), 'data-i18n': 'settings.sla.note' }) : null,
      el('table', { class: 'settings' },
        el('thead', {}, el('tr', {}, ['setting', 'district', 'value', 'default', 'range', 'changed'].map((c) =>
          el('th', { text: t(`settings.col.${c}`), 'data-i18n': `settings.col.${c}` })), el('th', {}))),
        el('tbody', {}, rows.map(row))));
  });
  replace(document.getElementById('settings-groups'), groups);
  const keys = items.filter((i) => i.perDistrict && !i.district);
  const select = document.getElementById('o-key');
  const keep = select.value;
  replace(select, keys.map((i) => el('option', { value: i.key, text: label(i) })));
  if (keep) select.value = keep;
}

async function load(focusKey) {
  const status = document.getElementById('settings-status');
  try {
    items = (await getJson('/api/v1/admin/settings')).items;
    status.textContent = '';
    draw();
    if (focusKey) {
      const [key, district] = focusKey.split('|');
      const tr = document.querySelector(`tr[data-key="${CSS.escape(key)}"][data-district="${CSS.escape(district)}"]`);
      if (tr) tr.classList.add('just-saved');
    }
  } catch (e) {
    say(status, errorText(e), false);
  }
}

function resolveDistrict(text) {
  const v = text.trim();
  if (known.has(v)) return v;
  const lower = v.toLowerCase();
  for (const [code, d] of known) {
    if ((d.name || '').toLowerCase() === lower || d.nameHi === v) return code;
  }
  return v; // unknown: the API names the field
}

async function addOverride(e) {
  e.preventDefault();
  const note = document.getElementById('override-status');
  const valueInput = document.getElementById('o-value');
  const districtInput = document.getElementById('o-district');
  for (const input of [valueInput, districtInput]) input.removeAttribute('aria-invalid');
  const district = resolveDistrict(districtInput.value);
  const key = document.getElementById('o-key').value;
  const existing = items.find((i) => i.key === key && i.district === district);
  try {
    await putJson('/api/v1/admin/settings', {
      key, district: district || null, value: valueInput.value.trim() === '' ? null : Number(valueInput.value),
      version: existing ? existing.version : 0,
    });
    say(note, t('settings.saved', { key: `${key} · ${district}`, value: valueInput.value }), true);
    await load(`${key}|${district}`);
  } catch (err) {
    const field = err instanceof ApiError && err.body ? err.body.field : null;
    const input = field === 'district' ? districtInput : valueInput;
    input.setAttribute('aria-invalid', 'true');
    say(note, fieldError(err), false);
    if (err.status === 409) await load();
  }
}

async function main() {
  await startPage({ active: '/admin/settings' });
  known = await districts().catch(() => new Map());
  replace(document.getElementById('o-districts'), [...known.values()].map((d) => el('option', { value: d.code, text: districtName(d) })));
  document.getElementById('override-form').addEventListener('submit', addOverride);
  await load();
  window.addEventListener('langchange', draw);
}

main();
