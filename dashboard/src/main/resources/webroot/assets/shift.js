// Shift page /shift (docs/OPERATIONS.md): the shift log (write an entry linked to a district, alert, complaint or
// directive; the last 24 hours), and the handover: drafted by the system from the live state, the outgoing lead's
// summary and signature, the incoming lead's acknowledgement, earlier handovers; printable (window.print, the rest
// of the page hidden in print).
import { districtName, lang, t } from './i18n.js';
import { el, num, replace, when } from './dom.js';
import { districts, getJson, postJson } from './api.js';
import { errorText, startPage } from './shell.js';

let known = new Map();
let current = null;

function place(code) {
  return code ? (districtName(known.get(code)) || code) : '';
}

async function loadLog() {
  try {
    const answer = await getJson('/api/v1/log');
    const items = [...answer.items].reverse();
    replace(document.getElementById('log'), items.length ? items.map((e) => el('li', { class: 'log-entry', dataset: { id: e.id } },
      el('div', { class: 'meta', text: [when(e.at), e.by, place(e.district), e.alert, e.complaint, e.directive]
        .filter(Boolean).join(' · ') }),
      el('div', { class: 'text', text: e.text })))
      : el('li', { class: 'muted', text: t('shift.log.none') }));
  } catch (e) {
    document.getElementById('page-error').textContent = errorText(e);
  }
}

async function writeLog(e) {
  e.preventDefault();
  const form = e.target;
  const data = new FormData(form);
  const body = {};
  for (const k of ['text', 'district', 'alert', 'complaint', 'directive']) if (data.get(k)) body[k] = data.get(k);
  const status = document.getElementById('log-status');
  try {
    await postJson('/api/v1/log', body);
    form.reset();
    status.textContent = t('shift.log.written');
    loadLog();
  } catch (err) {
    status.textContent = errorText(err);
  }
}

function section(key, items, line) {
  return el('section', { class: 'handover-part', dataset: { part: key } },
    el('h3', { text: `${t(`shift.handover.${key}`)} (${num(items.length)})` }),
    el('ul', {}, items.length ? items.map((i) => el('li', { dataset: { ref: i.ref } }, line(i)))
      : el('li', { class: 'muted', text: t('common.none') })));
}

function words(i) {
  return lang() === 'hi' && i.textHi ? i.textHi : i.text;
}

function drawHandover(h) {
  current = h;
  const slot = document.getElementById('handover');
  document.getElementById('handover-state').textContent = h ? t(`shift.handover.state.${h.state}`) : '';
  if (!h) {
    replace(slot, el('p', { class: 'muted', text: t('shift.handover.none') }));
    return;
  }
  const d = h.draft;
  const summary = el('textarea', { id: 'handover-summary', rows: '4', maxlength: '8000' }, h.summary || '');
  replace(slot,
    el('p', { class: 'muted', text: t('shift.handover.draftedBy', { who: h.draftedBy, t: when(h.draftedAt) }) }),
    d.since ? el('p', { class: 'muted', text: t('shift.handover.since', { t: when(d.since) }) }) : null,
    section('alerts', d.alerts, (i) => `${place(i.district)} — ${words(i) || i.what} (${when(i.at)})`),
    section('directives', d.directives, (i) => `${place(i.district)} — ${i.text} (${t('directive.due', { t: when(i.at) })}, ${i.what})`),
    section('slaBreaches', d.slaBreaches, (i) => `${i.ref} · ${place(i.district)} · ${i.what} (${t('directive.due', { t: when(i.at) })})`),
    section('shortages', d.shortages, (i) => `${place(i.district)} — ${i.what}: ${num(i.value, 1)}`),
    section('changes', d.changes, (i) => `${when(i.at)} · ${place(i.district)} · ${i.what} — ${words(i) || ''}`),
    section('log', d.log, (i) => `${when(i.at)} · ${i.what} — ${i.text}`),
    el('h3', { text: t('shift.handover.summary') }),
    h.state === 'drafted' ? summary : el('p', { id: 'handover-summary-text', text: h.summary || '—' }),
    h.signedBy ? el('p', { class: 'signed', text: t('shift.handover.signedBy', { who: h.signedBy, t: when(h.signedAt) }) }) : null,
    h.acknowledgedBy ? el('p', { class: 'acknowledged',
      text: t('shift.handover.acknowledgedBy', { who: h.acknowledgedBy, t: when(h.acknowledgedAt) }) }) : null,
    h.state === 'drafted' ? el('button', { type: 'button', id: 'handover-sign', class: 'no-print', text: t('shift.handover.sign'),
      on: { click: () => step('sign', { summary: summary.value }) } }) : null,
    h.state === 'signed' ? el('button', { type: 'button', id: 'handover-acknowledge', class: 'no-print',
      text: t('shift.handover.acknowledge'), on: { click: () => step('acknowledge', {}) } }) : null);
}

async function step(action, body) {
  const status = document.getElementById('handover-status');
  try {
    drawHandover(await postJson(`/api/v1/handovers/${encodeURIComponent(current.id)}/${action}`, body));
    status.textContent = '';
    loadHandovers();
  } catch (err) {
    status.textContent = errorText(err);
    if (err.body && err.body.handover) drawHandover(err.body.handover);
  }
}

async function loadHandovers(open) {
  const answer = await getJson('/api/v1/handovers');
  replace(document.getElementById('handovers'), answer.items.map((h) => el('li', { dataset: { id: h.id } },
    el('button', { type: 'button', class: 'link', text: `${when(h.draftedAt)} · ${t(`shift.handover.state.${h.state}`)}`,
      on: { click: async () => drawHandover(await getJson(`/api/v1/handovers/${encodeURIComponent(h.id)}`)) } }),
    h.signedBy ? ` · ${h.signedBy}` : '', h.acknowledgedBy ? ` → ${h.acknowledgedBy}` : '')));
  if (open && answer.items.length) drawHandover(await getJson(`/api/v1/handovers/${encodeURIComponent(answer.items[0].id)}`));
  else if (open) drawHandover(null);
}

async function main() {
  await startPage({ active: '/shift' });
  try {
    known = await districts();
  } catch (e) {
    known = new Map();
  }
  document.getElementById('log-form').addEventListener('submit', writeLog);
  document.getElementById('handover-draft').addEventListener('click', async () => {
    const status = document.getElementById('handover-status');
    try {
      drawHandover(await postJson('/api/v1/handovers', {}));
      status.textContent = '';
      loadHandovers();
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  document.getElementById('handover-print').addEventListener('click', () => window.print());
  loadLog();
  try {
    await loadHandovers(true);
  } catch (e) {
    document.getElementById('page-error').textContent = errorText(e);
  }
  window.addEventListener('langchange', () => {
    drawHandover(current);
    loadLog();
  });
}

main();
