// Verification calls: the campaigns and their progress (refreshed every 2 s), the agent's screen (next worker,
// script, outcome; keyboard: N next worker, 1–6 choose the outcome, Enter records it) and, for supervisors, a new
// campaign over the registry. Phone numbers appear only for the worker the agent holds. With a dialling service
// configured (Exotel or Twilio), D or the call button rings the agent's own phone and then the worker; without one
// the agent dials by hand.
import { districtName, lang, t, tOr } from './i18n.js';
import { el, num, replace, when } from './dom.js';
import { districts, getJson, postJson } from './api.js';
import { errorText, startPage } from './shell.js';

let known = new Map();
let viewer = null;
let selected = null;
let current = null;
let refreshing = null;

const OUTCOMES = ['verified', 'wrong-number', 'not-reachable', 'refused', 'call-back', 'needs-help'];

function placeName(code) {
  return known.has(code) ? districtName(known.get(code)) : (code || '—');
}

function states() {
  const byCode = new Map();
  for (const d of known.values()) {
    if (!byCode.has(d.stateCode)) byCode.set(d.stateCode, lang() === 'hi' && d.stateNameHi ? d.stateNameHi : d.stateName);
  }
  return [...byCode.entries()].sort((a, b) => a[1].localeCompare(b[1]));
}

function bar(share) {
  const fill = el('span');
  fill.style.setProperty('width', `${Math.round(100 * share)}%`);
  return el('div', { class: 'bar progress' }, fill);
}

async function refresh() {
  const status = document.getElementById('campaign-list-status');
  try {
    const answer = await getJson('/api/v1/campaigns');
    const items = answer.items || [];
    status.textContent = items.length ? '' : t('campaign.none');
    const shown = items.find((c) => c.id === agentsOf);
    if (shown) showAgents(shown);
    replace(document.querySelector('#campaign-list tbody'), items.map((c) => el('tr', { dataset: { id: c.id } },
      el('td', {}, el('button', { type: 'button', class: 'link', text: c.name, on: { click: () => showAgents(c) } })), el('td', { class: 'num', text: num(c.size) }),
      el('td', { class: 'num', text: num(c.verified) }), el('td', { class: 'num', text: num(c.reached) }),
      el('td', { class: 'num', text: num(c.pending) }), el('td', { class: 'num', text: num(c.exhausted) }),
      el('td', { class: 'num', text: num(c.attempts) }),
      el('td', {}, bar(c.size ? (c.size - c.pending) / c.size : 0)),
      el('td', {}, mayCall() ? el('button', {
        type: 'button', class: 'link', text: t('campaign.work'), on: { click: () => select(c) },
      }) : null))));
  } catch (e) {
    status.textContent = errorText(e);
  }
}

let agentsOf = null;

/** The campaign's calls by agent, below the list. */
function showAgents(c) {
  agentsOf = c.id;
  document.getElementById('by-agent').hidden = false;
  document.getElementById('by-agent-name').textContent = `· ${c.name}`;
  replace(document.querySelector('#by-agent-table tbody'), (c.byAgent || []).map((a) => el('tr', {},
    el('td', { text: a.agent }), el('td', { class: 'num', text: num(a.attempts) }),
    el('td', { class: 'num', text: num(a.reached) }), el('td', { class: 'num', text: num(a.verified) }))));
  replace(document.querySelector('#by-district-table tbody'), (c.byDistrict || []).map((d) => el('tr', {
    dataset: { district: d.district },
  },
  el('td', { text: d.district === 'unknown' ? t('workers.unknown') : placeName(d.district) }),
  el('td', { class: 'num', text: num(d.size) }), el('td', { class: 'num', text: num(d.reached) }),
  el('td', { class: 'num', text: num(d.verified) }), el('td', { class: 'num', text: num(d.pending) }),
  el('td', { class: 'num', text: num(d.exhausted) }))));
}

function mayCall() {
  return ['agent', 'supervisor', 'admin'].includes(viewer.role);
}

function select(campaign) {
  selected = campaign;
  document.getElementById('call-panel').hidden = false;
  document.getElementById('call-campaign').textContent = `· ${campaign.name}`;
  document.getElementById('next-worker').focus();
}

async function next() {
  if (!selected) return;
  const status = document.getElementById('call-status');
  status.textContent = t('common.loading');
  try {
    const answer = await postJson(`/api/v1/campaigns/${encodeURIComponent(selected.id)}/next`, {});
    if (!answer) {
      current = null;
      document.getElementById('worker-card').hidden = true;
      status.textContent = t('campaign.nobody');
      return;
    }
    current = answer;
    status.textContent = '';
    showWorker(answer);
  } catch (e) {
    status.textContent = errorText(e);
  }
}

function showWorker(answer) {
  const w = answer.worker;
  document.getElementById('wc-name').textContent = w.name || w.id;
  const phone = document.getElementById('wc-phone');
  phone.textContent = w.phone || '—';
  phone.setAttribute('href', w.phone ? `tel:${w.phone}` : '#');
  document.getElementById('wc-home').textContent = placeName(w.homeDistrict);
  document.getElementById('wc-current').textContent = w.currentDistrict ? placeName(w.currentDistrict)
    : (states().find(([code]) => code === w.currentState) || [null, w.currentState || '—'])[1];
  document.getElementById('wc-skills').textContent = (w.skills || []).join(', ') || '—';
  document.getElementById('wc-previous').textContent = (answer.attempts || []).length
    ? answer.attempts.map((a) => `${when(a.at)} ${tOr(`campaign.outcome.${a.outcome}`, a.outcome)}`).join(' · ')
    : t('campaign.previous.none');
  document.getElementById('wc-lease').textContent = when(answer.lease.until);
  document.getElementById('wc-script').textContent = (answer.script || {})[lang()] || '';
  document.getElementById('outcome-form').reset();
  const dial = document.getElementById('dial-worker');
  dial.hidden = !answer.dial;
  dial.textContent = answer.dial ? t('campaign.dial', { provider: answer.dial === 'exotel' ? 'Exotel' : 'Twilio' }) : '';
  document.getElementById('dial-hand').hidden = Boolean(answer.dial);
  document.getElementById('dial-keys').hidden = !answer.dial;
  document.getElementById('dial-status').textContent = '';
  document.getElementById('worker-card').hidden = false;
  showFields();
}

async function dial() {
  if (!current || !current.dial) return;
  const status = document.getElementById('dial-status');
  status.textContent = t('campaign.dialling');
  try {
    const answer = await postJson(`/api/v1/campaigns/${encodeURIComponent(selected.id)}/dial`,
      { worker: current.worker.id, lease: current.lease.id });
    current.call = answer.call;
    status.textContent = t('campaign.dialled', { call: answer.call });
  } catch (e) {
    status.textContent = errorText(e);
  }
}

function chosen() {
  const radio = document.querySelector('#outcome-form input[name=outcome]:checked');
  return radio ? radio.value : null;
}

function showFields() {
  const outcome = chosen();
  for (const label of document.querySelectorAll('#outcome-form label[data-for]')) {
    label.hidden = label.dataset.for !== outcome;
  }
}

async function record(event) {
  event.preventDefault();
  if (!current) return;
  const outcome = chosen();
  const status = document.getElementById('call-status');
  if (!outcome) {
    status.textContent = t('campaign.outcome.choose');
    return;
  }
  const body = { worker: current.worker.id, lease: current.lease.id, outcome };
  if (current.call) body.call = current.call;
  const note = document.getElementById('o-note').value.trim();
  if (note) body.note = note;
  if (outcome === 'verified') {
    body.currentState = document.getElementById('o-state').value;
    const district = document.getElementById('o-district').value;
    if (district) body.currentDistrict = district;
    body.status = document.getElementById('o-status').value;
  } else if (outcome === 'call-back') {
    const local = document.getElementById('o-callback').value;
    if (local) body.callBackAt = `${local}:00+05:30`;
  } else if (outcome === 'needs-help') {
    body.category = document.getElementById('o-category').value;
  }
  try {
    await postJson(`/api/v1/campaigns/${encodeURIComponent(selected.id)}/attempts`, body);
    status.textContent = t('campaign.recorded', { outcome: t(`campaign.outcome.${outcome}`) });
    current = null;
    document.getElementById('worker-card').hidden = true;
    refresh();
    document.getElementById('next-worker').focus();
  } catch (e) {
    status.textContent = errorText(e);
  }
}

function fillSelects() {
  const stateOptions = states().map(([code, name]) => el('option', { value: code, text: name }));
  replace(document.getElementById('o-state'), stateOptions);
  replace(document.getElementById('c-state'), el('option', { value: '', text: t('common.all') }),
    states().map(([code, name]) => el('option', { value: code, text: name })));
  const sorted = [...known.values()].sort((a, b) => districtName(a).localeCompare(districtName(b)));
  replace(document.getElementById('o-district'), el('option', { value: '', text: t('workers.unknown') }),
    sorted.map((d) => el('option', { value: d.code, text: districtName(d) })));
  replace(document.getElementById('c-home'), el('option', { value: '', text: t('common.all') }),
    sorted.map((d) => el('option', { value: d.code, text: districtName(d) })));
}

async function create(event) {
  event.preventDefault();
  const status = document.getElementById('create-status');
  const filter = {};
  const home = document.getElementById('c-home').value;
  const state = document.getElementById('c-state').value;
  const skill = document.getElementById('c-skill').value.trim();
  const days = document.getElementById('c-days').value;
  if (home) filter.homeDistrict = home;
  if (state) filter.currentState = state;
  if (skill) filter.skill = skill;
  if (days !== '') filter.notVerifiedForDays = Number(days);
  const agents = document.getElementById('c-agents').value.split(',').map((s) => s.trim()).filter(Boolean);
  status.textContent = t('campaign.creating');
  try {
    const c = await postJson('/api/v1/campaigns', {
      name: document.getElementById('c-name').value.trim(), filter, agents,
      maxAttempts: Number(document.getElementById('c-max').value),
      retryAfter: Number(document.getElementById('c-retry').value),
    });
    status.textContent = t('campaign.created', { name: c.name, n: num(c.size) });
    refresh();
  } catch (e) {
    status.textContent = errorText(e);
  }
}

function keys(event) {
  const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(event.target.tagName) && event.target.type !== 'radio';
  if (typing || !selected) return;
  if (event.key === 'Enter' && current && event.target.tagName !== 'BUTTON') {
    event.preventDefault();
    document.getElementById('outcome-form').requestSubmit();
    return;
  }
  if (event.key === 'n' || event.key === 'N') {
    event.preventDefault();
    next();
  } else if ((event.key === 'd' || event.key === 'D') && current && current.dial) {
    event.preventDefault();
    dial();
  } else if (current && /^[1-6]$/.test(event.key)) {
    const radio = document.querySelector(`#outcome-form input[value="${OUTCOMES[Number(event.key) - 1]}"]`);
    radio.checked = true;
    radio.focus();
    showFields();
  }
}

async function main() {
  viewer = await startPage({ active: '/campaigns' });
  try {
    known = await districts();
  } catch (e) {
    known = new Map();
  }
  fillSelects();
  document.getElementById('create-panel').hidden = !['supervisor', 'admin'].includes(viewer.role);
  document.getElementById('create-form').addEventListener('submit', create);
  document.getElementById('next-worker').addEventListener('click', next);
  document.getElementById('dial-worker').addEventListener('click', dial);
  document.getElementById('outcome-form').addEventListener('submit', record);
  document.getElementById('outcome-form').addEventListener('change', showFields);
  document.addEventListener('keydown', keys);
  window.addEventListener('langchange', () => {
    fillSelects();
    refresh();
  });
  await refresh();
  refreshing = setInterval(() => {
    if (!document.hidden) refresh();
  }, 2000);
}

main();
