// Wall screen: the state's district map coloured by worst shortage status, headline counters, helpline load,
// ratings and an alert ticker, all live from /ws, subscribed to the state on screen only (its districts and the
// state-wide figures: a fraction of all-India's snapshot). ?kiosk=1 hides navigation and rotates through the states
// (&interval=seconds, default 30); ?state=23 picks the state.
import { districtName, t, tOr } from './i18n.js';
import { el, num, replace, stars } from './dom.js';
import { districts, getJson } from './api.js';
import { LiveFeed, frameThrottled } from './live.js';
import { drawMap } from './map.js';
import { drawCrumbs } from './crumbs.js';
import { bestFirst, needsAttention, reported, worstFirst } from './ratings.js';
import { errorText, showConnection, startPage } from './shell.js';
import { overdueDirectives } from './directives.js';
import { showMark } from './settings-mark.js';

const RANK = { CRITICAL: 4, LOW: 3, STALE: 2, OK: 1 };
const STATUSES = ['CRITICAL', 'LOW', 'STALE', 'OK', 'none'];
const SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1 };
const params = new URLSearchParams(location.search);
const kiosk = params.get('kiosk') === '1';
const rotateSeconds = Math.max(5, Number(params.get('interval')) || 30);

const view = {
  viewer: null, states: [], stateIndex: 0, geo: new Map(), known: new Map(), visible: new Map(),
  map: null, stateDistricts: new Set(), lastStatus: new Map(), tickerSignature: '',
};

function worstByDistrict(feed) {
  const worst = new Map();
  for (const s of feed.values('shortages').values()) {
    if (!reported(s)) continue; // never reported (signals only): "No report", not a stale report
    const rank = RANK[s.status] || 0;
    const current = worst.get(s.district);
    if (!current || rank > RANK[current]) worst.set(s.district, s.status);
  }
  return worst;
}

function nameOf(code) {
  return districtName(view.known.get(code)) || code || '';
}

async function loadState(index) {
  view.stateIndex = index;
  const state = view.states[index];
  if (!view.geo.has(state.code)) view.geo.set(state.code, await getJson(`/api/v1/geo/${encodeURIComponent(state.code)}`));
  const geojson = view.geo.get(state.code);
  if (feed) feed.narrowToState(state.code); // only this state's districts (and the state-wide figures) from now on
  view.stateDistricts = new Set();
  for (const f of geojson.features) {
    view.known.set(f.properties.code, f.properties);
    view.stateDistricts.add(f.properties.code);
  }
  view.map = drawMap(document.getElementById('map'), geojson, {
    onSelect: kiosk ? null : (code) => {
      if (view.visible.has(code)) location.assign(`/district/${encodeURIComponent(code)}`);
    },
    label: (p) => districtName(p),
  });
  view.lastStatus = new Map();
  document.getElementById('map').dataset.state = state.code;
  drawCrumbs(document.getElementById('crumbs'), { state });
  render(null);
}

function renderTitle() {
  const state = view.states[view.stateIndex];
  if (!state) return;
  const title = document.getElementById('map-title');
  const name = document.documentElement.lang === 'hi' && state.nameHi ? state.nameHi : state.name;
  title.textContent = `${name} — ${t('wall.districts', { n: state.districts })}`;
}

function renderMap(feed, counts) {
  if (!view.map) return;
  const worst = worstByDistrict(feed);
  for (const [code, path] of view.map.paths) {
    const inScope = view.visible.has(code);
    const status = !inScope ? 'outside' : !feed.has('shortages') ? 'unknown' : (worst.get(code) || 'none');
    const previous = view.lastStatus.get(code);
    path.setAttribute('class', `district status-${inScope && status !== 'unknown' ? status : 'none'}${inScope ? '' : ' outside'}`);
    if (status === 'unknown') {
      delete path.dataset.status;
    } else {
      path.dataset.status = status;
    }
    if (previous !== undefined && previous !== 'unknown' && previous !== status) {
      path.classList.add('flash');
      setTimeout(() => path.classList.remove('flash'), 2100);
    }
    view.lastStatus.set(code, status);
    const label = status === 'unknown' ? t('common.loading')
      : t(inScope ? (status === 'none' ? 'status.none' : `status.${status}`) : 'status.outside');
    path.firstChild.textContent = `${nameOf(code)}: ${label}`;
    path.setAttribute('aria-label', `${nameOf(code)}: ${label}`);
    if (view.map.labels.get(code)) view.map.labels.get(code).textContent = nameOf(code);
    if (inScope && status !== 'unknown') counts[status] = (counts[status] || 0) + 1;
  }
}

function renderLegend(counts) {
  replace(document.getElementById('legend'), STATUSES.map((s) => el('span', {
    class: 'legend-item', dataset: { status: s }, title: s === 'STALE' ? t('status.STALE.how') : null,
  },
    el('span', { class: `swatch status-${s}` }),
    `${t(s === 'none' ? 'status.none' : `status.${s}`)} ${counts[s] || 0}`)));
}

function inState(district) {
  return view.stateDistricts.has(district) && view.visible.has(district);
}

function renderSettingsMark(feed) {
  showMark(document.getElementById('settings-mark'), [...feed.values('shortages').values()].filter((s) => inState(s.district)));
}

function renderCounters(feed) {
  let inProgress = 0; let capacity = 0;
  for (const line of feed.values('call-load').values()) {
    inProgress += line.inProgress || 0;
    capacity += line.capacity || 0;
  }
  let open = 0; let breaches = 0;
  for (const b of feed.values('backlogs').values()) {
    if (!inState(b.district)) continue;
    open += b.open || 0;
    breaches += b.slaBreaches || 0;
  }
  let critical = 0;
  for (const s of feed.values('shortages').values()) if (inState(s.district) && s.status === 'CRITICAL') critical += 1;
  let active = 0;
  for (const a of feed.values('alerts').values()) if (a.state === 'active' && (!a.district || inState(a.district))) active += 1;
  const overdue = overdueDirectives(feed.values('directives').values(), Date.now())
    .filter((d) => inState(d.district)).length;
  const totals = feed.values('worker-totals').get('all');
  const set = (id, text, alarm, channel) => {
    const node = document.getElementById(`v-${id}`);
    if (!feed.has(channel)) {
      node.textContent = '—';
      return;
    }
    if (node.textContent !== text) node.textContent = text;
    node.parentElement.classList.toggle('alarm', Boolean(alarm));
  };
  set('calls', capacity ? `${num(inProgress)} / ${num(capacity)}` : num(inProgress), capacity && inProgress >= capacity,
    'call-load');
  set('tickets', num(open), false, 'backlogs');
  set('breaches', num(breaches), breaches > 0, 'backlogs');
  set('critical', num(critical), critical > 0, 'shortages');
  set('alerts', num(active), active > 0, 'alerts');
  set('directives', num(overdue), overdue > 0, 'directives');
  set('workers', totals ? num(totals.total) : '—', false, 'worker-totals');
  const unlocated = feed.values('unlocated-messages').get('all');
  document.getElementById('v-unlocated').textContent = unlocated ? num(unlocated.lastHour) : '—';
}

function renderLines(feed) {
  const all = [...feed.values('call-load').values()];
  // Each district control room is a line of its own (district-control:<lgd>): one summed row for them all, with the
  // number of rooms, so that hundreds of rooms do not push the helplines off the wall; the district page shows its own.
  const rooms = all.filter((l) => String(l.line).startsWith('district-control:'));
  const lines = all.filter((l) => !String(l.line).startsWith('district-control:'))
    .sort((a, b) => String(a.line).localeCompare(String(b.line)));
  if (rooms.length) {
    lines.push({ line: 'district-control:*', label: t('line.district-control.rooms', { n: num(rooms.length) }),
      inProgress: rooms.reduce((n, l) => n + l.inProgress, 0), capacity: rooms.reduce((n, l) => n + l.capacity, 0),
      waiting: rooms.reduce((n, l) => n + l.waiting, 0) });
  }
  const rows = [];
  for (const line of lines) {
    const share = line.capacity ? Math.min(1, line.inProgress / line.capacity) : 0;
    const fill = el('span');
    fill.style.setProperty('width', `${Math.round(share * 100)}%`);
    rows.push(el('span', { text: line.label || tOr(`line.${line.line}`, line.line) }),
      el('div', { class: `bar${share >= 1 ? ' full' : share >= 0.8 ? ' warn' : ''}` }, fill),
      el('span', { class: 'figure', dataset: { line: line.line } },
        `${num(line.inProgress)} / ${num(line.capacity)}`,
        line.waiting ? el('span', { class: 'muted', text: ` · ${t('wall.waiting', { n: num(line.waiting) })}` }) : null));
  }
  replace(document.getElementById('lines'), rows.length ? rows : el('span', { class: 'muted', text: t('common.none') }));
}

function renderRatings(feed) {
  const ratings = [...feed.values('ratings').values()].filter((r) => inState(r.district));
  const item = (r) => el('li', { dataset: { district: r.district }, title: r.limitedBy ? t(`rating.limited.${r.limitedBy}`) : null },
    el('span', { class: 'stars', text: stars(r.stars) }), ' ', nameOf(r.district));
  // "Needs attention": districts with something wrong now (a shortage, an SLA breach, a stale report) or 3 stars or
  // fewer, worst first; "Best": the others, best first. No district is in both lists.
  const worst = ratings.filter(needsAttention).sort(worstFirst).slice(0, 6);
  const best = ratings.filter((r) => !needsAttention(r)).sort(bestFirst).slice(0, 6);
  const none = () => el('li', { class: 'muted', text: t('common.none') });
  replace(document.getElementById('ratings-worst'), worst.length ? worst.map(item) : none());
  replace(document.getElementById('ratings-best'), best.length ? best.map(item) : none());
}

function renderTicker(feed) {
  const open = [...feed.values('alerts').values()]
    .filter((a) => a.state !== 'cleared' && (!a.district || inState(a.district)))
    .sort((a, b) => (SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0)
      || String(b.raisedAt).localeCompare(String(a.raisedAt)));
  const signature = `${document.documentElement.lang}|${open.map((a) => `${a.id}:${a.state}`).join(',')}`;
  if (signature === view.tickerSignature) return;
  view.tickerSignature = signature;
  const track = document.getElementById('ticker');
  if (!open.length) {
    track.classList.add('still');
    replace(track, el('span', { class: 'item', text: t('wall.ticker.none') }));
    return;
  }
  const items = (copy) => open.map((a) => el('span', { class: 'item', dataset: copy ? {} : { alert: a.id }, 'aria-hidden': copy ? 'true' : null },
    el('span', { class: `pill sev-${a.severity}`, text: tOr(`severity.${a.severity}`, a.severity) }),
    tOr(`rule.${a.rule}`, a.rule),
    a.district ? ` — ${nameOf(a.district)}` : '',
    a.commodity ? ` — ${tOr(`commodity.${a.commodity}`, a.commodity)}` : '',
    a.state === 'acknowledged' ? ` (${t('state.acknowledged')})` : ''));
  replace(track, items(false));
  // still while everything fits; otherwise scrolling at a readable pace from the first alert on (visible at once),
  // over the alerts followed by a copy of them, so that the loop is seamless
  track.classList.add('still');
  const width = track.scrollWidth;
  const overflow = width > track.parentElement.clientWidth;
  if (overflow) track.append(...items(true));
  track.classList.toggle('still', !overflow);
  track.style.setProperty('--ticker-duration', `${Math.max(20, Math.round(width / 90))}s`);
}

let feed = null;
const render = frameThrottled(() => {
  if (!feed) return;
  const counts = {};
  renderTitle();
  renderMap(feed, counts);
  renderLegend(counts);
  renderCounters(feed);
  renderSettingsMark(feed);
  renderLines(feed);
  renderRatings(feed);
  renderTicker(feed);
});

async function main() {
  view.viewer = await startPage({ active: '/' });
  if (kiosk) document.body.classList.add('kiosk');
  try {
    const [geoStates, visible] = await Promise.all([getJson('/api/v1/geo'), districts()]);
    view.visible = visible;
    for (const [code, d] of visible) view.known.set(code, d);
    view.states = geoStates.items;
    if (!view.states.length) throw new Error('no state map');
    const wanted = params.get('state');
    let index = view.states.findIndex((s) => s.code === wanted);
    if (index < 0) index = Math.max(0, view.states.findIndex((s) => s.code === '23'));
    feed = new LiveFeed({
      channels: ['shortages', 'backlogs', 'call-load', 'worker-totals', 'ratings', 'alerts', 'unlocated-messages', 'directives'],
      state: view.states[index].code,
      onChange: () => render(),
      onStatus: (status, info) => showConnection(status, info),
    });
    await loadState(index);
    feed.start();
    setInterval(() => render(), 30000); // a directive turns overdue by the clock, not by a message
    if (kiosk && view.states.length > 1) {
      setInterval(() => loadState((view.stateIndex + 1) % view.states.length), rotateSeconds * 1000);
    }
  } catch (e) {
    replace(document.getElementById('map-title'), el('span', { class: 'error', text: errorText(e) }));
  }
  window.addEventListener('langchange', () => {
    view.tickerSignature = '';
    if (view.states[view.stateIndex]) drawCrumbs(document.getElementById('crumbs'), { state: view.states[view.stateIndex] });
    render();
  });
}

main();
