// India map /india: every state and UT coloured by the worst shortage status of its districts that the viewer sees,
// live from /ws. Click a state → its wall (/?state=CODE); from there a district → its page.
import { t } from './i18n.js';
import { el, replace } from './dom.js';
import { districts, getJson } from './api.js';
import { LiveFeed, frameThrottled } from './live.js';
import { drawMap } from './map.js';
import { reported } from './ratings.js';
import { drawCrumbs } from './crumbs.js';
import { errorText, showConnection, startPage } from './shell.js';

const RANK = { CRITICAL: 4, LOW: 3, STALE: 2, OK: 1 };
const STATUSES = ['CRITICAL', 'LOW', 'STALE', 'OK', 'none'];
const view = { map: null, states: new Map(), visible: new Map(), seenStates: new Set() };
let feed = null;

function worstByState() {
  const worst = new Map();
  for (const s of feed.values('shortages').values()) {
    if (!reported(s)) continue;
    const d = view.visible.get(s.district);
    if (!d) continue;
    const current = worst.get(d.stateCode);
    if (!current || (RANK[s.status] || 0) > RANK[current]) worst.set(d.stateCode, s.status);
  }
  return worst;
}

const render = frameThrottled(() => {
  if (!feed || !view.map) return;
  const worst = worstByState();
  const counts = {};
  for (const [code, path] of view.map.paths) {
    const state = view.states.get(code) || { name: code };
    const inScope = view.seenStates.has(code);
    const status = !inScope ? 'outside' : !feed.has('shortages') ? 'unknown' : (worst.get(code) || 'none');
    path.setAttribute('class', `district state status-${inScope && status !== 'unknown' ? status : 'none'}${inScope ? '' : ' outside'}`);
    if (status === 'unknown') delete path.dataset.status; else path.dataset.status = status;
    const label = status === 'unknown' ? t('common.loading')
      : t(inScope ? (status === 'none' ? 'status.none' : `status.${status}`) : 'status.outside');
    const name = document.documentElement.lang === 'hi' && state.nameHi ? state.nameHi : state.name;
    path.firstChild.textContent = `${name}: ${label}`;
    path.setAttribute('aria-label', `${name}: ${label}`);
    if (view.map.labels.get(code)) view.map.labels.get(code).textContent = name;
    if (inScope && status !== 'unknown') counts[status] = (counts[status] || 0) + 1;
  }
  replace(document.getElementById('legend'), STATUSES.map((s) => el('span', { class: 'legend-item', dataset: { status: s } },
    el('span', { class: `swatch status-${s}` }), `${t(s === 'none' ? 'status.none' : `status.${s}`)} ${counts[s] || 0}`)));
});

async function main() {
  await startPage({ active: '/india' });
  drawCrumbs(document.getElementById('crumbs'));
  try {
    const [india, visible] = await Promise.all([getJson('/api/v1/geo/india'), districts()]);
    view.visible = visible;
    for (const d of visible.values()) view.seenStates.add(d.stateCode);
    for (const f of india.features) view.states.set(f.properties.code, f.properties);
    view.map = drawMap(document.getElementById('map'), india, {
      onSelect: (code) => {
        const s = view.states.get(code);
        if (view.seenStates.has(code) && s && s.districts > 0) location.assign(`/?state=${encodeURIComponent(code)}`);
      },
      label: (p) => (document.documentElement.lang === 'hi' && p.nameHi ? p.nameHi : p.name),
    });
    feed = new LiveFeed({
      channels: ['shortages'],
      onChange: () => render(),
      onStatus: (status, info) => showConnection(status, info),
    });
    feed.start();
    render();
  } catch (e) {
    replace(document.getElementById('map-title'), el('span', { class: 'error', text: errorText(e) }));
  }
  window.addEventListener('langchange', () => {
    drawCrumbs(document.getElementById('crumbs'));
    render();
  });
}

main();
