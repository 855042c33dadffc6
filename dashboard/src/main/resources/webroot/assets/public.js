// The public bulletin (no sign-in): GET /public/v1/bulletin, a cached snapshot of aggregates only, drawn as counters,
// a district map coloured by each district's worst commodity status, the helplines' load and a table per district;
// reloaded every refreshSeconds. Counts below the floor arrive as the text "< 5" and are shown as they are.
import { applyI18n, districtName, lang, setLang, t } from './i18n.js';
import { el, num, replace, when } from './dom.js';
import { drawMap } from './map.js';

const STATUSES = ['CRITICAL', 'LOW', 'STALE', 'OK', 'none'];
const view = { bulletin: null, state: null, geo: new Map(), map: null, timer: null };

function count(value) {
  if (value === null || value === undefined) return t('public.unknown');
  return typeof value === 'number' ? num(value) : String(value);
}

function statusLabel(status) {
  return t(status === 'none' ? 'status.none' : `status.${status}`);
}

function stateName(s) {
  return lang() === 'hi' && s.nameHi ? s.nameHi : s.name;
}

async function fetchJson(url) {
  const answer = await fetch(url, { credentials: 'omit' });
  if (answer.status === 503) {
    const body = await answer.json().catch(() => ({}));
    const error = new Error(body.error === 'switched-off' ? t('public.off') : t('public.error'));
    error.off = body.error === 'switched-off';
    throw error;
  }
  if (!answer.ok) throw new Error(t('public.error'));
  return answer.json();
}

function currentState() {
  return (view.bulletin?.states || []).find((s) => s.code === view.state);
}

async function drawState() {
  const state = currentState();
  if (!state) return;
  document.getElementById('map-title').textContent = stateName(state);
  if (!state.onMap) {
    replace(document.getElementById('map'));
    view.map = null;
    return;
  }
  if (!view.geo.has(state.code)) view.geo.set(state.code, await fetchJson(`/public/v1/geo/${encodeURIComponent(state.code)}`));
  view.map = drawMap(document.getElementById('map'), view.geo.get(state.code), { label: (p) => districtName(p) });
  colourMap();
}

function colourMap() {
  const state = currentState();
  if (!view.map || !state) return;
  const byCode = new Map(state.districts.map((d) => [d.code, d]));
  for (const [code, path] of view.map.paths) {
    const d = byCode.get(code);
    const status = d ? d.status : 'none';
    path.setAttribute('class', `district status-${status}`);
    path.dataset.status = status;
    const text = `${d ? districtName(d) : code}: ${statusLabel(status)}`;
    path.firstChild.textContent = text;
    path.setAttribute('aria-label', text);
    if (view.map.labels.get(code) && d) view.map.labels.get(code).textContent = districtName(d);
  }
}

function render() {
  const b = view.bulletin;
  if (!b) return;
  document.getElementById('updated').textContent = when(b.updatedAt);
  document.getElementById('refresh-note').textContent = t('public.refresh', { n: b.refreshSeconds });
  document.getElementById('small-note').textContent = t('public.small', { n: b.floor });
  document.getElementById('v-registered').textContent = count(b.complaints.registeredToday);
  document.getElementById('v-resolved').textContent = count(b.complaints.resolvedToday);
  document.getElementById('v-open').textContent = count(b.complaints.open);
  document.getElementById('v-workers').textContent = count(b.registry.workers);
  document.getElementById('v-verified').textContent = `${num(b.registry.verifiedPercent)}%`;
  document.getElementById('l-verified').textContent = t('public.verified', { n: b.registry.verifiedWindowDays });
  document.getElementById('lang').textContent = t('public.switchLang');
  const select = document.getElementById('state');
  replace(select, ...b.states.map((s) => el('option', { value: s.code, selected: s.code === view.state ? 'selected' : null, text: stateName(s) })));
  select.value = view.state;
  replace(document.getElementById('legend'), ...STATUSES.map((s) => el('span', { class: 'legend-item' },
    el('span', { class: `swatch status-${s}` }), statusLabel(s))));
  replace(document.getElementById('lines'), ...b.helplines.map((l) => el('tr', {},
    el('td', { text: l.line }), el('td', { text: `${num(l.loadPercent)}%` }), el('td', { text: count(l.inProgress) }),
    el('td', { text: count(l.waiting) }), el('td', { text: num(l.capacity) }))));
  const state = currentState();
  replace(document.getElementById('districts'), ...(state ? state.districts : []).map((d) => el('tr', { dataset: { code: d.code } },
    el('td', { text: districtName(d) }),
    el('td', {}, el('span', { class: `badge status-${d.status}`, text: statusLabel(d.status) })),
    el('td', { text: d.commodities.map((c) => `${t(`commodity.${c.commodity}`)}: ${statusLabel(c.status)}`).join(', ') || '—' }),
    el('td', { text: count(d.complaints.registeredToday) }), el('td', { text: count(d.complaints.resolvedToday) }),
    el('td', { text: count(d.complaints.open) }), el('td', { text: count(d.workers) }))));
  colourMap();
}

async function load() {
  const error = document.getElementById('error');
  let next = 60;
  try {
    view.bulletin = await fetchJson('/public/v1/bulletin');
    next = view.bulletin.refreshSeconds || 60;
    error.hidden = true;
    const first = !view.state || !currentState();
    if (first) view.state = (view.bulletin.states.find((s) => s.onMap) || view.bulletin.states[0] || {}).code;
    render();
    if (first || !view.map) await drawState();
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
  view.timer = setTimeout(load, Math.max(5, next) * 1000);
}

document.getElementById('state').addEventListener('change', async (e) => {
  view.state = e.target.value;
  render();
  await drawState().catch((x) => { document.getElementById('error').textContent = x.message; });
  render();
});
document.getElementById('lang').addEventListener('click', () => setLang(lang() === 'hi' ? 'en' : 'hi'));
window.addEventListener('langchange', () => { render(); });
applyI18n();
load();
