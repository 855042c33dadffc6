// Situation report: the day's figures and charts for the viewer's whole scope or one district
// (GET /api/v1/report, PNG charts from /api/v1/charts/{name}.png), printable (print styles in style.css).
import { districtName, lang, t, tOr } from './i18n.js';
import { age, el, num, pct, replace, stars, when } from './dom.js';
import { districts, getJson, query } from './api.js';
import { errorText, startPage } from './shell.js';
import { needsAttention, reported, shownStatus, worstFirst } from './ratings.js';

let known = new Map();
let report = null;

function params() {
  const p = new URLSearchParams(location.search);
  return { date: p.get('date') || '', district: p.get('district') || '' };
}

function nameOf(code) {
  return code ? (known.has(code) ? districtName(known.get(code)) : code) : '';
}

/** A headline figure; with change (today − previous day) a line "▲ 12 vs previous day". */
function figure(key, value, alarm = false, change = undefined) {
  const delta = change === undefined || change === null ? null
    : el('div', { class: 'muted delta', text: `${change > 0 ? '▲' : change < 0 ? '▼' : '='} ${num(Math.abs(change))} ${t('report.vsPrevious')}` });
  return el('div', { class: `counter${alarm ? ' alarm' : ''}`, dataset: { figure: key } },
    el('div', { class: 'value', text: value }), el('div', { class: 'label', text: t(key) }), delta);
}

function charts(p) {
  const names = p.district ? ['trend', 'shortages', 'backlogs', 'ratings'] : ['trend', 'shortages', 'backlogs', 'calls', 'ratings', 'workers'];
  replace(document.getElementById('charts'), names.map((name) => el('figure', {},
    el('img', {
      src: `/api/v1/charts/${name}.png${query({ date: report.date, district: p.district, width: 800, height: 400, lang: lang() })}`,
      alt: name, width: '800', height: '400', loading: 'lazy',
    }))));
}

function render(p) {
  if (!report) return;
  // the source's day figures when it has them, else the sums of the hourly trend
  const day = report.today;
  const change = report.change || {};
  const sum = (field) => (day && day[field] !== undefined ? day[field]
    : report.trend.reduce((s, x) => s + (x[field] || 0), 0));
  const shortages = report.shortages.filter((s) => s.status === 'LOW' || s.status === 'CRITICAL');
  const breaches = report.backlogs.reduce((s, b) => s + (b.slaBreaches || 0), 0);
  document.getElementById('report-scope').textContent = p.district ? nameOf(p.district) : t('report.scope.state');
  document.getElementById('report-date').textContent = new Intl.DateTimeFormat(lang() === 'hi' ? 'hi-IN' : 'en-IN',
    { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${report.date}T00:00:00Z`));
  if (!document.getElementById('date').value) document.getElementById('date').value = report.date;
  document.getElementById('pdf').href = `/api/v1/report.pdf${query({ date: report.date, district: p.district, lang: lang() })}`;
  document.getElementById('report-generated').textContent = t('report.generated', { t: when(report.generatedAt) });
  replace(document.getElementById('figures'),
    figure('report.calls', num(sum('calls')), false, change.calls),
    figure('report.messages', num(sum('messages')), false, change.messages),
    figure('report.ticketsOpened', num(sum('ticketsOpened')), false, change.ticketsOpened),
    figure('report.ticketsResolved', num(sum('ticketsResolved')), false, change.ticketsResolved),
    figure('wall.slaBreaches', num(breaches), breaches > 0, change.slaBreaches),
    day ? figure('report.slaCompliance', pct(day.slaCompliance), day.slaCompliance < 0.9, undefined) : null,
    figure('report.shortages', num(shortages.length), shortages.some((s) => s.status === 'CRITICAL')),
    figure('report.alerts', num(day ? day.alertsRaised : report.alerts.length), false, change.alertsRaised),
    figure('workers.total', report.workers ? num(report.workers.total) : '—'),
    day ? figure('report.workersVerified', num(day.workersVerified), false, change.workersVerified) : null);
  charts(p);
  replace(document.querySelector('#report-shortages tbody'), shortages
    .sort((a, b) => (a.status === 'CRITICAL' ? 0 : 1) - (b.status === 'CRITICAL' ? 0 : 1) || (a.daysOfCover ?? 0) - (b.daysOfCover ?? 0))
    .map((s) => el('tr', {},
      el('td', { text: nameOf(s.district) }), el('td', { text: tOr(`commodity.${s.commodity}`, s.commodity) }),
      el('td', {}, el('span', { class: `pill status-${shownStatus(s) || 'none'}`, text: t(shownStatus(s) ? `status.${s.status}` : 'status.none') })),
      el('td', { class: 'num', text: num(s.daysOfCover, 1) }),
      el('td', s.predictedStockOutAt || s.burnRatePerDay != null || !reported(s) ? { text: when(s.predictedStockOutAt) }
        : { class: 'muted', title: t('district.burn.how'), text: t('district.burn.none') }))));
  // only districts that need attention now (a shortage, an SLA breach, a stale report, or 3 stars or fewer), worst first
  replace(document.querySelector('#report-ratings tbody'), report.ratings.filter(needsAttention)
    .sort(worstFirst).slice(0, 15)
    .map((r) => el('tr', {},
      el('td', {}, el('a', { href: `/district/${encodeURIComponent(r.district)}`, text: nameOf(r.district) })),
      el('td', { class: 'stars', text: stars(r.stars), title: r.limitedBy ? t(`rating.limited.${r.limitedBy}`) : null }),
      el('td', { class: 'num', text: num(r.openTickets) }), el('td', { class: 'num', text: num(r.slaBreaches) }))));
  const departments = new Map();
  for (const b of report.backlogs) {
    const d = departments.get(b.department) || { open: 0, breaches: 0, oldest: null };
    d.open += b.open || 0;
    d.breaches += b.slaBreaches || 0;
    if (b.oldestOpenSince && (!d.oldest || b.oldestOpenSince < d.oldest)) d.oldest = b.oldestOpenSince;
    departments.set(b.department, d);
  }
  replace(document.querySelector('#report-backlogs tbody'), [...departments.entries()]
    .sort((a, b) => b[1].open - a[1].open)
    .map(([dep, d]) => el('tr', {},
      el('td', { text: tOr(`category.${dep}`, dep) }), el('td', { class: 'num', text: num(d.open) }),
      el('td', { class: 'num', text: num(d.breaches) }), el('td', { text: d.oldest ? age(d.oldest) : '—' }))));
  replace(document.querySelector('#report-alerts tbody'), [...report.alerts]
    .sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)))
    .map((a) => el('tr', {},
      el('td', { text: when(a.raisedAt) }), el('td', { text: nameOf(a.district) }),
      el('td', { text: `${tOr(`rule.${a.rule}`, a.rule)}${a.commodity ? ` — ${tOr(`commodity.${a.commodity}`, a.commodity)}` : ''}` }),
      el('td', {}, el('span', { class: `pill sev-${a.severity}`, text: tOr(`severity.${a.severity}`, a.severity) })),
      el('td', { text: t(`state.${a.state}`) }))));
  // running verification campaigns, as their own queues count them now (state-wide reports)
  const campaigns = report.campaigns || [];
  document.getElementById('report-campaigns-panel').hidden = campaigns.length === 0;
  replace(document.querySelector('#report-campaigns tbody'), campaigns.map((c) => el('tr', { dataset: { id: c.id } },
    el('td', { text: c.name }), el('td', { class: 'num', text: num(c.size) }),
    el('td', { class: 'num', text: num(c.reached) }), el('td', { class: 'num', text: num(c.verified) }),
    el('td', { class: 'num', text: num(c.pending) }), el('td', { class: 'num', text: num(c.exhausted) }))));
}

async function load(p) {
  const error = document.getElementById('report-error');
  error.textContent = '';
  try {
    report = await getJson(`/api/v1/report${query(p)}`);
    render(p);
  } catch (e) {
    error.textContent = errorText(e);
  }
}

async function main() {
  await startPage({ active: '/report' });
  try {
    known = await districts();
  } catch (e) {
    known = new Map();
  }
  const p = params();
  const select = document.getElementById('district');
  replace(select, el('option', { value: '', 'data-i18n': 'report.scope.state', text: t('report.scope.state') }),
    [...known.values()].sort((a, b) => districtName(a).localeCompare(districtName(b)))
      .map((d) => el('option', { value: d.code, text: districtName(d) })));
  select.value = p.district;
  document.getElementById('date').value = p.date;
  document.getElementById('report-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const next = { date: document.getElementById('date').value, district: select.value };
    history.pushState(null, '', `/report${query(next)}`);
    load(next);
  });
  document.getElementById('print').addEventListener('click', () => window.print());
  window.addEventListener('langchange', () => render(params()));
  window.addEventListener('popstate', () => load(params()));
  load(p);
}

main();
