// Workers: live distributions by state and district of work, skill, home district and status (tables with bars),
// registry totals and verification progress, and the registry search (personal data masked by the server).
import { districtName, lang, t, tOr } from './i18n.js';
import { el, num, pct, replace, when } from './dom.js';
import { districts, getJson, query } from './api.js';
import { LiveFeed, frameThrottled } from './live.js';
import { errorText, showConnection, startPage } from './shell.js';
import { exportLinks } from './exports.js';

const DIMENSIONS = ['currentState', 'currentDistrict', 'skill', 'homeDistrict', 'status'];
const TOP = 12;
let known = new Map();
let feed = null;

function bucketLabel(by, bucket) {
  if (bucket.key === 'unknown') return t('workers.unknown');
  if (by === 'status') return tOr(`workers.status.${bucket.key}`, bucket.key);
  if (by === 'currentDistrict' || by === 'homeDistrict') {
    return known.has(bucket.key) ? districtName(known.get(bucket.key)) : (bucket.name || bucket.key);
  }
  return bucket.name || bucket.key;
}

function table(by, buckets) {
  const total = buckets.reduce((s, b) => s + (b.count || 0), 0);
  const max = Math.max(1, ...buckets.map((b) => b.count || 0));
  const shown = buckets.slice(0, TOP);
  const rows = shown.map((b) => {
    const fill = el('span');
    fill.style.setProperty('width', `${Math.round((100 * b.count) / max)}%`);
    return el('tr', { dataset: { key: b.key } },
      el('td', { text: bucketLabel(by, b) }),
      el('td', { class: 'num', text: num(b.count) }),
      el('td', {}, el('div', { class: 'bar' }, fill)));
  });
  if (buckets.length > TOP) {
    rows.push(el('tr', {}, el('td', { class: 'muted', colspan: '3', text: t('common.more', { n: buckets.length - TOP }) })));
  }
  return el('section', { class: 'panel', dataset: { by } },
    el('h2', {}, t(`workers.by.${by}`), el('span', { class: 'muted', text: ` · ${t('common.total')} ${num(total)}` })),
    el('table', {}, el('tbody', {}, rows)));
}

const render = frameThrottled(() => {
  const totals = feed.values('worker-totals').get('all');
  document.getElementById('w-total').textContent = totals ? num(totals.total) : '—';
  document.getElementById('w-verified').textContent = totals ? `${num(totals.verifiedRecently)} (${pct(totals.verifiedShare)})` : '—';
  document.getElementById('w-verified-label').textContent = t('workers.verified', { d: totals ? totals.verifiedWindowDays : 30 });
  document.querySelector('#w-progress > span').style.setProperty('width', `${Math.round(100 * (totals ? totals.verifiedShare : 0))}%`);
  const byDimension = new Map(DIMENSIONS.map((d) => [d, []]));
  for (const b of feed.values('worker-distribution').values()) {
    if (byDimension.has(b.by) && b.count > 0) byDimension.get(b.by).push(b);
  }
  replace(document.getElementById('distributions'), DIMENSIONS.map((d) => table(d,
    byDimension.get(d).sort((a, b) => b.count - a.count))));
});

/** A state's name (in the page's language) from the reference list of districts, else its LGD code. */
function stateName(code) {
  const d = [...known.values()].find((x) => x.stateCode === code);
  if (!d) return code;
  return lang() === 'hi' && d.stateNameHi ? d.stateNameHi : d.stateName;
}

/** Where a worker works: district and state by name. */
function workPlace(w) {
  const district = w.currentDistrict && known.has(w.currentDistrict) ? known.get(w.currentDistrict) : null;
  const parts = [district ? districtName(district) : w.currentDistrict,
    stateName(district ? district.stateCode : w.currentState)];
  return parts.filter(Boolean).join(', ') || '—';
}

function mask(value) {
  return value == null || value === '' ? '—' : value;
}

/** The search form's filters (the search and its export take the same). */
function searchParams() {
  return {
    q: document.getElementById('w-q').value.trim(),
    district: document.getElementById('w-district').value,
    skill: document.getElementById('w-skill').value.trim(),
  };
}

async function search() {
  const count = document.getElementById('w-count');
  count.textContent = t('common.loading');
  const params = searchParams();
  try {
    const answer = await getJson(`/api/v1/workers/search${query(params)}`);
    const items = answer.items || [];
    count.textContent = t('search.results', { n: num(answer.total ?? items.length) });
    replace(document.querySelector('#worker-results tbody'), items.map((w) => el('tr', { dataset: { id: w.id } },
      el('td', { text: mask(w.id) }), el('td', { text: mask(w.name) }), el('td', { text: mask(w.phone) }),
      el('td', { text: known.has(w.homeDistrict) ? districtName(known.get(w.homeDistrict)) : mask(w.homeDistrict) }),
      el('td', { text: workPlace(w) }),
      el('td', { text: (w.skills || []).join(', ') }),
      el('td', { text: w.status ? tOr(`workers.status.${w.status}`, w.status) : '—' }),
      el('td', { text: when(w.verifiedAt) }))));
  } catch (e) {
    count.textContent = errorText(e);
  }
}

/** The verification campaigns' progress (GET /api/v1/campaigns: only those the viewer may see), every 2 s. */
async function campaigns() {
  const panel = document.getElementById('w-campaigns-panel');
  try {
    const items = ((await getJson('/api/v1/campaigns')).items || []);
    panel.hidden = items.length === 0;
    replace(document.querySelector('#w-campaigns tbody'), items.map((c) => {
      const fill = el('span');
      fill.style.setProperty('width', `${Math.round(100 * (c.size ? (c.size - c.pending) / c.size : 0))}%`);
      return el('tr', { dataset: { id: c.id } },
        el('td', { text: c.name }), el('td', { class: 'num', text: num(c.size) }),
        el('td', { class: 'num', text: num(c.reached) }), el('td', { class: 'num', text: num(c.verified) }),
        el('td', { class: 'num', text: num(c.pending) }), el('td', { class: 'num', text: num(c.exhausted) }),
        el('td', {}, el('div', { class: 'bar progress' }, fill)));
    }));
  } catch (e) {
    panel.hidden = true; // campaigns are not this viewer's to see, or still loading
  }
}

async function main() {
  const viewer = await startPage({ active: '/workers' });
  campaigns();
  setInterval(() => {
    if (!document.hidden) campaigns();
  }, 2000);
  document.getElementById('w-masked').hidden = Boolean(viewer.personalData);
  try {
    known = await districts();
  } catch (e) {
    known = new Map();
  }
  const select = document.getElementById('w-district');
  replace(select, el('option', { value: '', text: t('common.all') }),
    [...known.values()].sort((a, b) => districtName(a).localeCompare(districtName(b)))
      .map((d) => el('option', { value: d.code, text: districtName(d) })));
  select.value = new URLSearchParams(location.search).get('district') || '';
  exportLinks(document.getElementById('w-exports'), 'workers', searchParams);
  document.getElementById('worker-search').addEventListener('submit', (e) => {
    e.preventDefault();
    search();
  });
  feed = new LiveFeed({
    channels: ['worker-distribution', 'worker-totals'],
    onChange: () => render(),
    onStatus: (status, info) => showConnection(status, info),
  }).start();
  window.addEventListener('langchange', () => render());
}

main();
