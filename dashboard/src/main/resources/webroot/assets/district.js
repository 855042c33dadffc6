// District page /district/{code}: stock and days of cover per commodity, directives (issue, act, overdue), complaints
// by department, open alerts,
// rating, today's trend chart, recent messages with search, workers from and in the district. Live from /ws.
import { districtName, lang, t, tOr } from './i18n.js';
import { age, el, highlighted, num, pct, replace, stars, when } from './dom.js';
import { districts, getJson, query } from './api.js';
import { LiveFeed, frameThrottled } from './live.js';
import { errorText, showConnection, startPage } from './shell.js';
import { reported, shownStatus } from './ratings.js';
import { drawCrumbs } from './crumbs.js';
import { ISSUERS, directiveForm, drawDirectives, overdueDirectives } from './directives.js';
import { showMark } from './settings-mark.js';
import { exportLinks } from './exports.js';

const code = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const COMMODITY_ORDER = ['ration', 'water', 'fruit', 'vegetables', 'milk', 'medicine', 'lpg', 'petrol', 'diesel', 'sanitary'];
const RANK = { CRITICAL: 0, LOW: 1, STALE: 2, OK: 3 };
let district = null;
let viewerRole = null;
let viewer = null;
const stepped = new Map(); // directives as our own steps answered them, until the live feed has caught up
const REGISTERS = ['operator', 'commander', 'admin', 'officer', 'agent'];

/** "Make a complaint of this message": the call-taker form, filled from the message, which it keeps as a link. */
function complaintLink(m) {
  if (m.feed !== 'messages' || !REGISTERS.includes(viewerRole)) return null;
  const channel = m.channel === 'whatsapp' || m.channel === 'sms' ? m.channel : 'desk';
  const phone = m.from && !m.from.includes('*') ? m.from : '';
  return el('a', { class: 'make-complaint', 'data-i18n': 'complaint.fromMessage',
    href: `/complaints/new${query({ message: m.id, district: m.district || code, text: m.text, channel, phone })}` },
  t('complaint.fromMessage'));
}
let feed = null;

function statusPill(status) {
  return el('span', { class: `pill status-${status || 'none'}`, text: t(status ? `status.${status}` : 'status.none') });
}

function renderHeader() {
  const name = district ? districtName(district) : code;
  document.getElementById('district-name').textContent = name;
  document.title = `${t('app.name')} — ${name}`;
  document.getElementById('district-code').textContent = code;
  document.getElementById('district-state').textContent = district
    ? (lang() === 'hi' && district.stateNameHi ? district.stateNameHi : district.stateName) : '';
  if (district) {
    drawCrumbs(document.getElementById('crumbs'), {
      state: { code: district.stateCode, name: district.stateName, nameHi: district.stateNameHi }, district,
    });
  }
}

function renderCommodities() {
  const rows = [...feed.values('shortages').values()].filter((s) => s.district === code)
    .sort((a, b) => (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9)
      || COMMODITY_ORDER.indexOf(a.commodity) - COMMODITY_ORDER.indexOf(b.commodity));
  replace(document.querySelector('#commodities tbody'), rows.length ? rows.map((s) => el('tr', {
    dataset: { commodity: s.commodity, status: shownStatus(s) || 'none' } },
    el('td', { text: tOr(`commodity.${s.commodity}`, s.commodity) }),
    el('td', {}, statusPill(shownStatus(s))),
    el('td', { class: 'num', text: s.stock == null ? '—' : `${num(s.stock)}${s.unit ? ` ${s.unit}` : ''}` }),
    el('td', { class: 'num', text: num(s.dailyNeed) }),
    // no report: nothing to divide; reported with a daily need of zero: unbounded
    el('td', { class: 'num', text: !reported(s) ? '—' : s.daysOfCover == null ? '∞' : num(s.daysOfCover, 1) }),
    burnCell(s),
    el('td', { text: s.predictedStockOutAt || !reported(s) || s.burnRatePerDay != null ? when(s.predictedStockOutAt)
      : t('district.burn.none') }),
    el('td', { class: 'num', text: num(s.inTransit) }),
    el('td', { class: 'num', text: num(s.signalsLastHour) }),
    el('td', { class: 'muted', text: when(s.asOf) }),
    el('td', {}, ISSUERS.includes(viewerRole) && (s.status === 'CRITICAL' || s.status === 'LOW')
      ? el('button', { type: 'button', class: 'link issue-directive', text: t('directive.issue'),
        on: { click: () => openDirectiveForm({ shortage: `${s.district}|${s.commodity}`,
          text: `${tOr(`commodity.${s.commodity}`, s.commodity)}: ` }) } }) : null)))
    : el('tr', {}, el('td', { colspan: '11', class: 'muted', text: t('status.none') })));
  showMark(document.getElementById('settings-mark'), rows);
}

/** The burn rate, or "not enough data" while it is null for a reported commodity (docs/TOPICS.md, "Burn rate"). */
function burnCell(s) {
  if (s.burnRatePerDay == null && reported(s)) {
    return el('td', { class: 'num muted', title: t('district.burn.how'), text: t('district.burn.none') });
  }
  return el('td', { class: 'num', title: t('district.burn.how'), text: num(s.burnRatePerDay, 1) });
}

function renderBacklogs() {
  const rows = [...feed.values('backlogs').values()].filter((b) => b.district === code)
    .sort((a, b) => b.slaBreaches - a.slaBreaches || b.open - a.open);
  replace(document.querySelector('#backlogs tbody'), rows.length ? rows.map((b) => el('tr', { dataset: { department: b.department } },
    el('td', { text: tOr(`category.${b.department}`, b.department) }),
    el('td', { class: 'num', text: num(b.open) }),
    el('td', { text: b.oldestOpenSince ? age(b.oldestOpenSince) : '—' }),
    el('td', { class: `num${b.slaBreaches ? ' error' : ''}`, text: num(b.slaBreaches) }),
    el('td', { class: 'num', text: num(b.openedLastHour) }),
    el('td', { class: 'num', text: num(b.resolvedLastHour) })))
    : el('tr', {}, el('td', { colspan: '6', class: 'muted', text: t('common.none') })));
}

function renderAlerts() {
  const open = [...feed.values('alerts').values()].filter((a) => a.district === code && a.state !== 'cleared')
    .sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)));
  replace(document.getElementById('district-alerts'), open.length ? open.map((a) => el('li', {},
    el('span', { class: `pill sev-${a.severity}`, text: tOr(`severity.${a.severity}`, a.severity) }), ' ',
    el('strong', { text: tOr(`rule.${a.rule}`, a.rule) }),
    a.commodity ? ` — ${tOr(`commodity.${a.commodity}`, a.commodity)}` : '',
    el('div', { class: 'meta', text: `${t(`state.${a.state}`)} · ${when(a.raisedAt)}` })))
    : el('li', { class: 'muted', text: t('common.none') }));
}

/** The district's directives, live (channel directives) merged with the answers to our own steps. */
function renderDirectives() {
  const all = new Map();
  for (const d of feed.values('directives').values()) if (d.district === code) all.set(d.id, d);
  for (const [id, d] of stepped) if (!all.has(id) || all.get(id).version < d.version) all.set(id, d);
  drawDirectives(document.getElementById('directives'), all.values(), viewer, (d) => {
    stepped.set(d.id, d);
    render();
  });
  const overdue = overdueDirectives(all.values()).length;
  const badge = document.getElementById('directives-overdue');
  badge.hidden = overdue === 0;
  badge.textContent = t('directive.overdueCount', { n: num(overdue) });
}

/** The issue form under the directives' heading, linked to an alert or a shortage when given. */
function openDirectiveForm({ alert = '', shortage = '', text = '' } = {}) {
  const slot = document.getElementById('directive-form-slot');
  replace(slot, directiveForm({ district: code, alert, shortage, text, onIssued: (d) => {
    stepped.set(d.id, d);
    replace(slot);
    render();
  } }));
  document.getElementById('directives-panel').scrollIntoView();
  slot.querySelector('textarea').focus();
}

function renderRating() {
  const r = feed.values('ratings').get(code);
  document.getElementById('district-stars').textContent = r ? stars(r.stars) : '';
  const row = (key, value) => el('tr', {}, el('th', { text: t(key) }), el('td', { class: 'num', text: value }));
  replace(document.querySelector('#rating tbody'), r ? [
    row('district.rating', stars(r.stars)),
    r.limitedBy ? el('tr', { class: 'limited' }, el('td', { colspan: '2', class: 'error', text: t(`rating.limited.${r.limitedBy}`) }))
      : null,
    row('district.rating.sla', pct(r.slaCompliance)),
    row('district.rating.timeliness', pct(r.reportTimeliness)),
    row('district.rating.resolution', pct(r.shortageResolution)),
    row('district.rating.directives', pct(r.directivesOnTime ?? 1)),
    row('district.rating.citizens', r.citizenRatings
      ? `${pct(r.citizenSatisfaction)} (${t('district.rating.citizens.of', { mean: r.citizenRatingMean, count: r.citizenRatings })})`
      : t('district.rating.citizens.none')),
  ] : el('tr', {}, el('td', { class: 'muted', text: t('common.none') })));
}

function renderWorkers() {
  const values = feed.values('worker-distribution');
  const from = values.get(`homeDistrict|${code}`);
  const inHere = values.get(`currentDistrict|${code}`);
  document.getElementById('workers-from').textContent = num(from ? from.count : 0);
  document.getElementById('workers-in').textContent = num(inHere ? inHere.count : 0);
  const room = feed.values('call-load').get(`district-control:${code}`);
  document.getElementById('control-room').textContent = room
    ? `${num(room.inProgress)} / ${num(room.capacity)}${room.waiting ? ` · ${t('wall.waiting', { n: num(room.waiting) })}` : ''}` : '—';
}

const render = frameThrottled(() => {
  renderHeader();
  renderCommodities();
  renderBacklogs();
  renderAlerts();
  renderRating();
  renderWorkers();
  renderDirectives();
});

function trendChart() {
  const img = document.getElementById('trend-chart');
  img.src = `/api/v1/charts/trend.png${query({ district: code, width: 900, height: 320, lang: lang() })}`;
  img.alt = t('district.trend');
}

async function searchMessages(q) {
  const list = document.getElementById('messages');
  const count = document.getElementById('message-count');
  count.textContent = t('common.loading');
  try {
    const answer = await getJson(`/api/v1/search${query({ q, district: code })}`);
    const items = answer.items || [];
    count.textContent = t('search.results', { n: num(answer.total ?? items.length) });
    replace(list, items.map((m) => el('li', { class: 'message', dataset: { id: m.id } },
      el('div', { class: 'meta', text: `${tOr(`feed.${m.feed}`, m.feed || '')} · ${when(m.at)}` }),
      el('div', { class: 'text' }, highlighted(m.text || '', q)), complaintLink(m))));
  } catch (e) {
    count.textContent = errorText(e);
  }
}

async function main() {
  viewer = await startPage({ active: '/district' });
  viewerRole = viewer.role;
  document.getElementById('district-report').href = `/report${query({ district: code })}`;
  document.getElementById('workers-link').href = `/workers${query({ district: code })}`;
  try {
    district = (await districts()).get(code) || null;
  } catch (e) {
    document.getElementById('page-error').textContent = errorText(e);
  }
  if (!district) {
    document.getElementById('page-error').textContent = t('common.forbidden');
  }
  renderHeader();
  trendChart();
  exportLinks(document.getElementById('commodities-exports'), 'shortages', () => ({ district: code }));
  exportLinks(document.getElementById('backlogs-exports'), 'backlogs', () => ({ district: code }));
  feed = new LiveFeed({
    channels: ['shortages', 'backlogs', 'ratings', 'alerts', 'worker-distribution', 'directives', 'call-load'],
    district: code,
    onChange: () => render(),
    onStatus: (status, info) => showConnection(status, info),
  }).start();
  document.getElementById('message-search').addEventListener('submit', (e) => {
    e.preventDefault();
    searchMessages(document.getElementById('message-q').value.trim());
  });
  searchMessages('');
  const newDirective = document.getElementById('directive-new');
  newDirective.hidden = !ISSUERS.includes(viewerRole);
  newDirective.addEventListener('click', () => openDirectiveForm());
  const asked = new URLSearchParams(location.search);
  if (asked.get('directive') && ISSUERS.includes(viewerRole)) {
    openDirectiveForm({ alert: asked.get('alert') || '', shortage: asked.get('shortage') || '' });
  }
  setInterval(() => render(), 30000); // a directive turns overdue by the clock
  setInterval(trendChart, 5 * 60 * 1000);
  window.addEventListener('langchange', () => {
    trendChart();
    render();
  });
}

main();
