// The call-taker's form (POST /api/v1/complaints): keyboard only — the phone field has the focus, Tab moves on,
// Enter in any field (Ctrl+Enter in the text) registers; the district is recognised as it is typed (code, Hindi or
// English name, or a district named in the complaint's text). The number to read out is shown large, then the form
// is cleared for the next call with the focus back on the phone field.
import { districtName, t, tOr } from './i18n.js';
import { el, replace } from './dom.js';
import { districts, getJson, postJson, query } from './api.js';
import { startPage } from './shell.js';
import { deptName } from './departments.js';

const CATEGORIES = ['ration', 'water', 'milk', 'medicine', 'lpg', 'vegetables', 'fruit', 'petrol', 'diesel',
  'sanitary', 'health', 'wages', 'stranded', 'transport', 'other'];
const COMMODITIES = ['', 'ration', 'water', 'fruit', 'vegetables', 'milk', 'medicine', 'lpg', 'petrol', 'diesel', 'sanitary'];
const CHANNELS = ['call', 'whatsapp', 'sms', 'desk'];

let recognised = null;
let message = null;
let timer = null;

function label(code) {
  return tOr(`commodity.${code}`, tOr(`category.${code}`, code));
}

function fillSelects() {
  replace(document.getElementById('c-category'), CATEGORIES.map((c) => el('option', { value: c, text: label(c) })));
  replace(document.getElementById('c-commodity'), COMMODITIES.map((c) => el('option', { value: c, text: c ? label(c) : '—' })));
  replace(document.getElementById('c-channel'), CHANNELS.map((c) => el('option', { value: c, text: t(`complaint.channel.${c}`) })));
}

async function recognise() {
  const typed = document.getElementById('c-district').value.trim();
  const text = document.getElementById('c-text').value.trim();
  const out = document.getElementById('c-district-found');
  if (!typed && !text) {
    recognised = null;
    out.textContent = '';
    return;
  }
  try {
    const answer = await getJson(`/api/v1/complaints/recognise${query({ district: typed, text })}`);
    const items = answer.items || [];
    recognised = items.length && items[0].how !== 'suggested' ? items[0] : null;
    out.textContent = recognised
      ? t('complaint.district.found', { name: `${districtName(recognised)} (${recognised.code})` })
      : items.length ? t('complaint.district.suggest', { names: items.map((d) => `${districtName(d)} (${d.code})`).join(', ') })
        : typed ? t('complaint.district.unknown') : '';
  } catch (e) {
    out.textContent = '';
  }
}

function later() {
  clearTimeout(timer);
  timer = setTimeout(recognise, 250);
}

async function submit(event) {
  event.preventDefault();
  const error = document.getElementById('c-error');
  error.textContent = '';
  const v = (id) => document.getElementById(id).value.trim();
  const body = {
    phone: v('c-phone'), name: v('c-name') || undefined,
    district: recognised ? recognised.code : v('c-district'),
    category: v('c-category'), commodity: v('c-commodity') || undefined, channel: v('c-channel'), text: v('c-text'),
    message: message || undefined,
  };
  const button = document.getElementById('c-submit');
  button.disabled = true;
  try {
    const c = await postJson('/api/v1/complaints', body);
    document.getElementById('c-done').hidden = false;
    document.getElementById('c-number').textContent = c.number;
    document.getElementById('c-desk').textContent = t('complaint.sentTo', { department: deptName(c.department) });
    document.getElementById('complaint-form').reset();
    recognised = null;
    message = null;
    document.getElementById('c-message').textContent = '';
    document.getElementById('c-district-found').textContent = '';
    document.getElementById('c-phone').focus();
  } catch (e) {
    const field = e.body && e.body.field;
    error.textContent = field ? t('complaint.fieldError', { field: t(`complaint.field.${field}`), reason: e.message })
      : e.message;
    const input = field && document.getElementById(`c-${field}`);
    if (input) input.focus();
  } finally {
    button.disabled = false;
  }
}

/** Made of a citizen message (/complaints/new?message=&text=&district=&channel=&phone=): filled in, link kept. */
function prefillFromMessage() {
  const p = new URLSearchParams(location.search);
  message = p.get('message') || null;
  if (!message) return;
  for (const field of ['phone', 'district', 'text', 'channel']) {
    if (p.get(field)) document.getElementById(`c-${field}`).value = p.get(field);
  }
  document.getElementById('c-message').textContent = t('complaint.madeOf', { id: message });
  recognise();
}

async function main() {
  await startPage({ active: '/complaints/new' });
  fillSelects();
  try {
    const known = await districts();
    replace(document.getElementById('c-district-list'), [...known.values()].flatMap((d) => [
      el('option', { value: d.name }), d.nameHi ? el('option', { value: d.nameHi }) : null]));
  } catch (e) { /* recognition still works */ }
  prefillFromMessage();
  document.getElementById('c-district').addEventListener('input', later);
  document.getElementById('c-text').addEventListener('input', later);
  document.getElementById('c-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) document.getElementById('complaint-form').requestSubmit();
  });
  document.getElementById('complaint-form').addEventListener('submit', submit);
  window.addEventListener('langchange', fillSelects);
  document.getElementById('c-phone').focus();
}

main();
