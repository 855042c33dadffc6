// Alerts for responders: the live list of the viewer's alerts (already scoped by the server), a sound and a
// visual cue on a new one, acknowledgement with a comment (POST /api/v1/alerts/{id}/ack, X-CSRF-Token),
// filters by district, category, severity and state, and the history from GET /api/v1/alerts?state=.
import { districtName, lang, t, tOr } from './i18n.js';
import { el, num, replace, when } from './dom.js';
import { districts, getJson, postJson, query } from './api.js';
import { LiveFeed, frameThrottled } from './live.js';
import { errorText, showConnection, startPage } from './shell.js';
import { exportLinks } from './exports.js';
import { ISSUERS } from './directives.js';
import { deliveryLog, openLogs, refresh } from './deliveries.js';
import { SubscriptionForm } from './subscriptions.js';

let viewerRole = null;

const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const STATES = ['open', 'active', 'acknowledged', 'cleared', 'all'];
const CATEGORIES = ['ration', 'water', 'fruit', 'vegetables', 'milk', 'medicine', 'lpg', 'petrol', 'diesel', 'sanitary',
  'health', 'wages', 'stranded', 'transport', 'other'];
const SOUND_KEY = 'warroom.alerts.sound';
const SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1 };

let known = new Map();
let feed = null;
let audio = null;
const drafts = new Map(); // alert id → comment being typed (kept across re-renders)
const openForms = new Set();

/** The category an alert is about: its commodity, else the part of its subject after the district. */
export function categoryOf(alert) {
  if (alert.commodity) return alert.commodity;
  const parts = String(alert.subject || '').split('|');
  return parts.length > 1 ? parts[1] : '';
}

function option(value, label) {
  return el('option', { value, text: label });
}

function fillFilters() {
  const keep = (id) => document.getElementById(id).value;
  const d = keep('f-district'); const c = keep('f-category'); const s = keep('f-severity'); const st = keep('f-state');
  replace(document.getElementById('f-district'), option('', t('common.all')),
    [...known.values()].sort((a, b) => districtName(a).localeCompare(districtName(b)))
      .map((x) => option(x.code, districtName(x))));
  replace(document.getElementById('f-category'), option('', t('common.all')),
    CATEGORIES.map((x) => option(x, tOr(`commodity.${x}`, tOr(`category.${x}`, x)))));
  replace(document.getElementById('f-severity'), option('', t('common.all')),
    SEVERITIES.map((x) => option(x, t(`severity.${x}`))));
  replace(document.getElementById('f-state'), STATES.map((x) => option(x,
    x === 'open' ? `${t('state.active')} + ${t('state.acknowledged')}` : x === 'all' ? t('common.all') : t(`state.${x}`))));
  document.getElementById('f-district').value = d;
  document.getElementById('f-category').value = c;
  document.getElementById('f-severity').value = s;
  document.getElementById('f-state').value = st || 'open';
}

function filters() {
  return {
    district: document.getElementById('f-district').value,
    category: document.getElementById('f-category').value,
    severity: document.getElementById('f-severity').value,
    state: document.getElementById('f-state').value || 'open',
  };
}

function matches(a, f) {
  if (f.district && a.district !== f.district) return false;
  if (f.category && categoryOf(a) !== f.category) return false;
  if (f.severity && a.severity !== f.severity) return false;
  if (f.state === 'open') return a.state !== 'cleared';
  if (f.state !== 'all' && a.state !== f.state) return false;
  return true;
}

function nameOf(code) {
  return code ? districtName(known.get(code)) || code : '';
}

function title(a) {
  return [tOr(`rule.${a.rule}`, a.rule), a.district ? nameOf(a.district) : null,
    a.commodity ? tOr(`commodity.${a.commodity}`, a.commodity) : null].filter(Boolean).join(' — ');
}

async function acknowledge(a, form) {
  const comment = drafts.get(a.id) || '';
  const status = form.querySelector('.ack-status');
  if (!comment.trim()) {
    status.textContent = t('alerts.ack.needComment');
    return;
  }
  form.querySelector('button[type=submit]').disabled = true;
  try {
    await postJson(`/api/v1/alerts/${encodeURIComponent(a.id)}/ack`, { comment: comment.trim() });
    drafts.delete(a.id);
    openForms.delete(a.id);
    status.textContent = t('alerts.ack.done');
    const local = feed.values('alerts').get(a.id);
    if (local && local.state === 'active') {
      feed.values('alerts').set(a.id, { ...local, state: 'acknowledged', ackComment: comment.trim() });
      render();
    }
  } catch (e) {
    status.textContent = t('alerts.ack.failed', { reason: errorText(e) });
    form.querySelector('button[type=submit]').disabled = false;
  }
}

function ackForm(a) {
  const textarea = el('textarea', {
    class: 'ack-comment', 'aria-label': t('alerts.ack.comment'), placeholder: t('alerts.ack.comment'), maxlength: '1000',
    on: { input: (e) => drafts.set(a.id, e.target.value) },
  });
  textarea.value = drafts.get(a.id) || '';
  const form = el('form', { class: 'ack-form' }, textarea,
    el('button', { type: 'submit', class: 'primary', text: t('alerts.ack.send') }),
    el('span', { class: 'ack-status muted', role: 'status' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    acknowledge(a, form);
  });
  return form;
}

/** The alert's own words in the screen's language (streams writes both), the English ones when no Hindi exist. */
function alertWords(a) {
  return lang() === 'hi' && a.messageHi ? a.messageHi : a.message;
}

/** "Issue a directive about this": the district page's directive form, linked to the alert (operators, admins). */
function directiveLink(a) {
  if (!a.district || a.state === 'cleared' || !ISSUERS.includes(viewerRole)) return null;
  return el('a', { class: 'issue-directive', href: `/district/${encodeURIComponent(a.district)}${query({ directive: 1, alert: a.id })}`,
    text: t('directive.issue.from') });
}

function card(a) {
  const details = [`${t('alerts.raised')}: ${when(a.raisedAt)}`, `${t('alerts.value')}: ${num(a.value, 2)}`,
    `${t('alerts.threshold')}: ${num(a.threshold, 2)}`, `${t('alerts.level')}: ${num(a.level)}`];
  const node = el('article', { class: `alert-card sev-border-${a.severity}`, dataset: { alertId: a.id, state: a.state } },
    el('div', { class: 'head' },
      el('span', { class: `pill sev-${a.severity}`, text: tOr(`severity.${a.severity}`, a.severity) }),
      el('span', { class: 'title', text: title(a) }),
      el('span', { class: 'muted', text: t(`state.${a.state}`) })),
    alertWords(a) ? el('div', { class: 'text', text: alertWords(a) }) : null,
    el('div', { class: 'meta muted', text: details.join(' · ') }),
    a.ackBy ? el('div', { class: 'meta' }, t('alerts.ack.by', { u: a.ackBy, t: when(a.ackAt) }),
      a.ackComment ? ': ' : null, a.ackComment ? el('q', { text: a.ackComment }) : null) : null,
    a.clearedAt ? el('div', { class: 'meta', text: t('alerts.cleared', { t: when(a.clearedAt) }) }) : null,
    deliveryLog(a.id, () => render()),
    directiveLink(a));
  if (a.state === 'active') {
    if (openForms.has(a.id)) node.append(ackForm(a));
    else {
      node.append(el('button', {
        type: 'button', class: 'ack', text: t('alerts.ack'),
        on: { click: () => { openForms.add(a.id); render(); } },
      }));
    }
  }
  return node;
}

const render = frameThrottled(() => {
  const focused = document.activeElement && document.activeElement.classList.contains('ack-comment')
    ? document.activeElement.closest('[data-alert-id]')?.dataset.alertId : null;
  const f = filters();
  const list = [...feed.values('alerts').values()].filter((a) => matches(a, f))
    .sort((a, b) => (a.state === 'active' ? 0 : 1) - (b.state === 'active' ? 0 : 1)
      || (SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0)
      || String(b.raisedAt).localeCompare(String(a.raisedAt)));
  const container = document.getElementById('alert-list');
  replace(container, list.length ? list.map(card) : el('p', { class: 'muted', text: t('alerts.none') }));
  if (focused) {
    const again = container.querySelector(`[data-alert-id="${CSS.escape(focused)}"] .ack-comment`);
    if (again) again.focus();
  }
});

function beep() {
  if (!document.getElementById('f-sound').checked) return;
  try {
    audio = audio || new AudioContext();
    const now = audio.currentTime;
    [0, 0.3].forEach((offset) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, now + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.22);
      osc.connect(gain).connect(audio.destination);
      osc.start(now + offset);
      osc.stop(now + offset + 0.25);
    });
  } catch (e) { /* no audio on this machine */ }
}

let cueTimer = null;
function cue(a) {
  beep();
  const banner = document.getElementById('new-alert');
  banner.textContent = `${t('alerts.new')}: ${title(a)}`;
  banner.hidden = false;
  banner.classList.remove('flash-new');
  void banner.offsetWidth; // restart the animation
  banner.classList.add('flash-new');
  document.title = `(!) ${t('alerts.title')}`;
  clearTimeout(cueTimer);
  cueTimer = setTimeout(() => {
    banner.hidden = true;
    document.title = `${t('app.name')} — ${t('alerts.title')}`;
  }, 15000);
}

/** The history export's filters: district and severity as shown; a single state (open and all: every state). */
function historyExportParams() {
  const f = filters();
  return { district: f.district, severity: f.severity, state: ['active', 'acknowledged', 'cleared'].includes(f.state) ? f.state : '' };
}

async function loadHistory() {
  const status = document.getElementById('history-status');
  status.textContent = t('common.loading');
  const f = filters();
  const states = f.state === 'open' ? ['active', 'acknowledged'] : f.state === 'all' ? ['active', 'acknowledged', 'cleared'] : [f.state];
  try {
    const answers = await Promise.all(states.map((s) => getJson(`/api/v1/alerts${query({ state: s, district: f.district })}`)));
    const items = answers.flatMap((a) => a.items || []).filter((a) => matches(a, { ...f, state: 'all' }))
      .sort((a, b) => String(b.raisedAt).localeCompare(String(a.raisedAt)));
    status.textContent = t('search.results', { n: num(items.length) });
    replace(document.querySelector('#history tbody'), items.map((a) => el('tr', { dataset: { alertId: a.id } },
      el('td', { text: when(a.raisedAt) }), el('td', { text: nameOf(a.district) }), el('td', { text: title(a) }),
      el('td', {}, el('span', { class: `pill sev-${a.severity}`, text: tOr(`severity.${a.severity}`, a.severity) })),
      el('td', { text: `${t(`state.${a.state}`)}${a.clearedAt ? ` · ${when(a.clearedAt)}` : ''}` }),
      el('td', { text: a.ackBy ? `${a.ackBy} · ${when(a.ackAt)}${a.ackComment ? ` · “${a.ackComment}”` : ''}` : '' }))));
  } catch (e) {
    status.textContent = errorText(e);
  }
}

async function main() {
  const viewer = await startPage({ active: '/alerts' });
  viewerRole = viewer.role;
  try {
    known = await districts();
  } catch (e) {
    known = new Map();
  }
  fillFilters();
  const subscription = new SubscriptionForm(document.getElementById('subscription-mount'),
    { prefix: 's', formId: 'subscription-form', known });
  subscription.load(viewer);
  const sound = document.getElementById('f-sound');
  sound.checked = localStorage.getItem(SOUND_KEY) === '1';
  sound.addEventListener('change', () => {
    localStorage.setItem(SOUND_KEY, sound.checked ? '1' : '0');
    if (sound.checked) {
      audio = audio || new AudioContext(); // created on a user gesture, so the browser lets it play later
      audio.resume();
    }
  });
  document.getElementById('alert-filters').addEventListener('change', (e) => {
    if (e.target.id !== 'f-sound') render();
  });
  document.getElementById('load-history').addEventListener('click', loadHistory);
  exportLinks(document.getElementById('history-exports'), 'alerts', historyExportParams);
  feed = new LiveFeed({
    channels: ['alerts'],
    onChange: (channel, change) => {
      if (change.type === 'update' && change.value && change.value.state === 'active'
        && (!change.previous || change.previous.level < change.value.level)) {
        cue(change.value);
      }
      // an open delivery log follows its alert (a new escalation step, an acknowledgement)
      if (change.type === 'update' && change.key && openLogs().includes(change.key)) refresh(change.key, () => render());
      render();
    },
    onStatus: (status, info) => showConnection(status, info),
  }).start();
  window.addEventListener('langchange', () => {
    fillFilters();
    subscription.draw();
    render();
  });
}

main();
