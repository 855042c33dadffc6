// The desk inbox (GET /api/v1/complaints): the viewer's desks' complaints, oldest first, with the SLA clock (time
// left, or overdue in red), refreshed every 5 s; a row opens the complaint with its history and the actions this
// viewer may take now (POST .../actions with the version shown: a stale one is answered 409 and reloaded).
import { districtName, t, tOr } from './i18n.js';
import { age, el, replace, when } from './dom.js';
import { districts, getJson, postJson, query } from './api.js';
import { errorText, startPage } from './shell.js';
import { exportLinks } from './exports.js';
import { deptName } from './departments.js';

const STATES = ['open,assigned,reopened', 'open', 'assigned', 'reopened', 'resolved', 'rejected', ''];
let known = new Map();
let current = null;

function stateLabel(s) {
  return s ? s.split(',').map((x) => t(`complaint.state.${x}`)).join(' / ') : t('common.all');
}

function clock(c) {
  if (c.state === 'resolved' || c.state === 'rejected') return el('span', { class: 'muted', text: '—' });
  const left = new Date(c.slaDueAt).getTime() - Date.now();
  return c.overdue || left < 0
    ? el('span', { class: 'pill sev-high', text: t('complaint.overdue', { age: age(c.slaDueAt) }) })
    : el('span', { class: 'pill status-ok', text: t('complaint.left', { age: age(new Date(Date.now() - left).toISOString()) }) });
}

// The escalation level (docs/COMPLAINTS.md): 1 the desk, 2 the district head of the department, 3 the state department.
function levelText(c) {
  if (!c.level) return t('complaint.level.closed');
  return tOr(`complaint.level.${c.level}`, t('complaint.level.n', { level: c.level }));
}

function level(c) {
  return el('span', { class: `pill level ${c.level >= 2 ? 'sev-high' : 'status-ok'}`, text: levelText(c),
    title: c.nextLevelAt ? t('complaint.level.next', { at: when(c.nextLevelAt) }) : '' });
}

function filters() {
  const v = (id) => document.getElementById(id).value.trim();
  return { state: v('f-state'), district: v('f-district'), department: v('f-department') };
}

async function load() {
  const status = document.getElementById('desk-status');
  try {
    const answer = await getJson(`/api/v1/complaints${query(filters())}`);
    const items = answer.items || [];
    status.textContent = t('complaint.count', { n: items.length });
    replace(document.querySelector('#inbox tbody'), items.map((c) => el('tr', { dataset: { number: c.number } },
      el('td', {}, el('button', { type: 'button', class: 'link', text: c.number, on: { click: () => open(c.number) } })),
      el('td', {}, clock(c)),
      el('td', { class: 'level' }, level(c)),
      el('td', { text: known.has(c.district) ? districtName(known.get(c.district)) : c.district }),
      el('td', { text: deptName(c.department) }),
      el('td', { text: tOr(`commodity.${c.category}`, tOr(`category.${c.category}`, c.category)) }),
      el('td', { class: 'state', text: t(`complaint.state.${c.state}`) }),
      el('td', { text: c.assignee || '—' }))));
  } catch (e) {
    status.textContent = errorText(e);
  }
}

function show(c) {
  current = c;
  document.getElementById('detail').hidden = false;
  document.getElementById('d-title').textContent = `${c.number} · ${t(`complaint.state.${c.state}`)}`;
  document.getElementById('d-summary').textContent = [
    known.has(c.district) ? districtName(known.get(c.district)) : c.district, deptName(c.department),
    tOr(`commodity.${c.category}`, tOr(`category.${c.category}`, c.category)), c.phone, c.name,
    `${t('complaint.openedAt')} ${when(c.openedAt)}`, `${t('complaint.level')} ${levelText(c)}`,
    c.nextLevelAt ? t('complaint.level.next', { at: when(c.nextLevelAt) }) : null,
    c.rating ? `${t('complaint.rating')} ${'★'.repeat(c.rating)}${'☆'.repeat(5 - c.rating)} (${c.rating}/5)` : null]
    .filter(Boolean).join(' · ');
  document.getElementById('d-text').textContent = c.text;
  replace(document.getElementById('d-history'), (c.history || []).map((h) => el('li', {},
    `${when(h.at)} · ${h.by} · ${t(`complaint.action.${h.action}`)} → ${t(`complaint.state.${h.state}`)}`,
    h.assignee ? ` · ${h.assignee}` : '', h.action === 'forward' ? ` · ${deptName(h.department)}` : '',
    h.note ? el('div', { class: 'note', text: h.note }) : null)));
  showReplies(c);
  const select = document.getElementById('a-action');
  replace(select, (c.actions || []).map((a) => el('option', { value: a, text: t(`complaint.action.${a}`) })));
  document.getElementById('action-form').hidden = !(c.actions || []).length;
  document.getElementById('a-error').textContent = '';
}

function showReplies(c) {
  replace(document.getElementById('d-replies'), (c.replies || []).map((r) => el('li', {},
    `${when(r.at)} · ${tOr(`channel.${r.channel}`, r.channel)} · ${tOr(`complaint.reply.${r.state}`, r.state)}`,
    r.detail ? ` (${r.detail})` : '',
    el('div', { class: 'note', text: r.text }))));
}

// The open complaint's replies while the notifier still has one to send: their outcomes, as they come back
// (only the replies: what the officer is typing in the action form stays as it is).
async function refreshReplies() {
  if (!current || !(current.replies || []).some((r) => r.state === 'pending' || r.state === 'sending')) return;
  const number = current.number;
  try {
    const c = await getJson(`/api/v1/complaints/${encodeURIComponent(number)}`);
    if (current && current.number === number) {
      current.replies = c.replies;
      showReplies(current);
    }
  } catch (e) {
    // the next round tries again; the list's own status line reports a failing server
  }
}

async function open(number) {
  try {
    show(await getJson(`/api/v1/complaints/${encodeURIComponent(number)}`));
    document.getElementById('a-action').focus();
  } catch (e) {
    document.getElementById('desk-status').textContent = errorText(e);
  }
}

async function act(event) {
  event.preventDefault();
  if (!current) return;
  const v = (id) => document.getElementById(id).value.trim();
  const error = document.getElementById('a-error');
  error.textContent = '';
  try {
    show(await postJson(`/api/v1/complaints/${encodeURIComponent(current.number)}/actions`, {
      action: v('a-action'), version: current.version, note: v('a-note') || undefined,
      assignee: v('a-assignee') || undefined, department: v('a-department') || undefined,
    }));
    for (const id of ['a-note', 'a-assignee', 'a-department']) document.getElementById(id).value = '';
    load();
  } catch (e) {
    if (e.status === 409 && e.body && e.body.complaint) {
      show(e.body.complaint);
      error.textContent = t('complaint.conflict');
    } else {
      error.textContent = e.body && e.body.field ? `${t(`complaint.field.${e.body.field}`)}: ${e.message}` : e.message;
    }
  }
}

async function main() {
  await startPage({ active: '/complaints' });
  try {
    known = await districts();
  } catch (e) {
    known = new Map();
  }
  replace(document.getElementById('f-state'), STATES.map((s) => el('option', { value: s, text: stateLabel(s) })));
  replace(document.getElementById('f-district'), el('option', { value: '', text: t('common.all') }),
    [...known.values()].sort((a, b) => districtName(a).localeCompare(districtName(b)))
      .map((d) => el('option', { value: d.code, text: districtName(d) })));
  exportLinks(document.getElementById('desk-exports'), 'complaints', filters);
  document.getElementById('desk-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    const number = document.getElementById('f-number').value.trim();
    // a complaint number opens it; a phone number or words are searched (desk complaints among the results)
    if (number && !/^([a-z]{2,3}|s\d{1,2})[\s_/-]*\d{1,6}[\s_/-]+\d{1,12}$/i.test(number)) {
      location.href = `/search?q=${encodeURIComponent(number)}`;
      return;
    }
    if (number) open(number);
    load();
  });
  document.getElementById('action-form').addEventListener('submit', act);
  window.addEventListener('langchange', () => { load(); if (current) show(current); });
  const wanted = new URLSearchParams(location.search).get('number');
  if (wanted) open(wanted);
  load();
  setInterval(load, 5000);
  setInterval(refreshReplies, 2000);
}

main();
