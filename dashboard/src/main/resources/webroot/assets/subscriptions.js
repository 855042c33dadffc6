// "My alert subscriptions" on the alerts page: what the signed-in user wants to be told about and how
// (GET/POST /api/v1/subscriptions, docs/NOTIFICATIONS.md). Nothing selected in a list means all; each channel needs
// the matching contact on the account (the server says which is missing).
import { districtName, t, tOr } from './i18n.js';
import { el, replace, when } from './dom.js';
import { getJson, postJson } from './api.js';
import { errorText } from './shell.js';

const CATEGORIES = ['ration', 'water', 'fruit', 'vegetables', 'milk', 'medicine', 'lpg', 'petrol', 'diesel', 'sanitary',
  'health', 'wages', 'stranded', 'transport', 'other', 'food'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];
const CHANNELS = ['email', 'sms', 'whatsapp', 'webhook'];

let current = null; // the saved subscription, or null

function reason(e) {
  return (e && e.body && e.body.reason) || errorText(e);
}

function checkboxes(name, values, label) {
  return values.map((v) => el('label', { class: 'inline' },
    el('input', { type: 'checkbox', name, value: v }), ` ${label(v)}`));
}

/** Draws the form (again, e.g. after a language change) with the saved choices. */
export function drawSubscriptionForm(viewer, known) {
  const districts = [...known.values()]
    .filter((d) => viewer.allDistricts || (viewer.districts || []).includes(d.code))
    .sort((a, b) => districtName(a).localeCompare(districtName(b)));
  replace(document.getElementById('s-districts'), districts.map((d) => el('option', { value: d.code, text: districtName(d) })));
  replace(document.getElementById('s-categories'),
    CATEGORIES.map((c) => el('option', { value: c, text: tOr(`commodity.${c}`, tOr(`category.${c}`, c)) })));
  replace(document.getElementById('s-severities'), checkboxes('severity', SEVERITIES, (s) => t(`severity.${s}`)));
  replace(document.getElementById('s-channels'), checkboxes('channel', CHANNELS, (c) => t(`channel.${c}`)));
  fill();
}

function fill() {
  const s = current || {};
  const pick = (selector, values) => document.querySelectorAll(selector).forEach((n) => {
    const on = (values || []).includes(n.value);
    if (n.tagName === 'OPTION') n.selected = on; else n.checked = on;
  });
  pick('#s-districts option', s.districts);
  pick('#s-categories option', s.categories);
  pick('#s-severities input', s.severities);
  pick('#s-channels input', s.channels);
  document.getElementById('s-quiet-from').value = s.quietHours ? String(s.quietHours.from).slice(0, 5) : '';
  document.getElementById('s-quiet-to').value = s.quietHours ? String(s.quietHours.to).slice(0, 5) : '';
  document.getElementById('s-status').textContent = current
    ? t('subs.saved', { t: when(current.updatedAt) }) : t('subs.none');
}

function chosen(selector) {
  return [...document.querySelectorAll(selector)].filter((n) => n.selected || n.checked).map((n) => n.value);
}

async function save(event, viewer) {
  event.preventDefault();
  const status = document.getElementById('s-status');
  const from = document.getElementById('s-quiet-from').value;
  const to = document.getElementById('s-quiet-to').value;
  const body = {
    districts: chosen('#s-districts option'), categories: chosen('#s-categories option'),
    severities: chosen('#s-severities input'), channels: chosen('#s-channels input'),
  };
  if (from && to) body.quietHours = { from, to, zone: 'Asia/Kolkata' };
  const button = document.querySelector('#subscription-form button[type=submit]');
  button.disabled = true;
  status.textContent = t('common.loading');
  try {
    current = await postJson('/api/v1/subscriptions', body);
    fill();
  } catch (e) {
    status.textContent = t('subs.failed', { reason: reason(e) });
  } finally {
    button.disabled = false;
  }
  return viewer;
}

/** Loads the signed-in user's subscription and wires the form. */
export async function startSubscriptionForm(viewer, known) {
  drawSubscriptionForm(viewer, known);
  document.getElementById('subscription-form').addEventListener('submit', (e) => save(e, viewer));
  try {
    const answer = await getJson(`/api/v1/subscriptions?user=${encodeURIComponent(viewer.username)}`);
    current = (answer.items || []).find((s) => s.user === viewer.username) || null;
    fill();
  } catch (e) {
    document.getElementById('s-status').textContent = reason(e);
  }
}
