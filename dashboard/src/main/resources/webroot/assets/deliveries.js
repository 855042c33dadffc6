// An alert's delivery log (GET /api/v1/alerts/{id}/deliveries, docs/NOTIFICATIONS.md): who was told, on which
// channel, at which escalation step, with what outcome. Addresses come masked from the server; every value is text.
import { t, tOr } from './i18n.js';
import { el, num, when } from './dom.js';
import { getJson } from './api.js';
import { errorText } from './shell.js';

const loaded = new Map(); // alert id → {items} | {error} | 'loading'
const open = new Set();

/** The toggle button and, when open, the log of one alert; onChange re-renders the list. */
export function deliveryLog(alertId, onChange) {
  const shown = open.has(alertId);
  const button = el('button', {
    type: 'button', class: 'deliveries-toggle', 'aria-expanded': shown ? 'true' : 'false',
    text: t(shown ? 'deliveries.hide' : 'deliveries.show'),
    on: { click: () => toggle(alertId, onChange) },
  });
  return el('div', { class: 'deliveries' }, button, shown ? body(alertId) : null);
}

async function toggle(alertId, onChange) {
  if (open.has(alertId)) {
    open.delete(alertId);
    onChange();
    return;
  }
  open.add(alertId);
  await refresh(alertId, onChange);
}

/** Loads (again) the log of an alert whose log is open. */
export async function refresh(alertId, onChange) {
  loaded.set(alertId, 'loading');
  onChange();
  try {
    const answer = await getJson(`/api/v1/alerts/${encodeURIComponent(alertId)}/deliveries`);
    loaded.set(alertId, { items: answer.items || [] });
  } catch (e) {
    loaded.set(alertId, { error: e });
  }
  onChange();
}

/** The ids whose log is open (to reload them when the alert changes). */
export function openLogs() {
  return [...open];
}

function body(alertId) {
  const state = loaded.get(alertId);
  if (!state || state === 'loading') return el('p', { class: 'muted', text: t('common.loading') });
  if (state.error) return el('p', { class: 'error', text: errorText(state.error) });
  if (!state.items.length) return el('p', { class: 'muted deliveries-none', text: t('deliveries.none') });
  return el('table', { class: 'deliveries-log' },
    el('thead', {}, el('tr', {}, ...['common.time', 'deliveries.step', 'deliveries.user', 'deliveries.channel',
      'deliveries.address', 'deliveries.outcome', 'deliveries.attempts'].map((k) => el('th', { text: t(k) })))),
    el('tbody', {}, state.items.map((d) => el('tr', { dataset: { outcome: d.outcome || '' } },
      el('td', { text: when(d.at) }),
      el('td', { class: 'num', text: num(d.step) }), // 1 is the chain's first step
      el('td', { text: d.user || '' }),
      el('td', { text: tOr(`channel.${d.channel}`, d.channel || '') }),
      el('td', { text: d.address || '—' }),
      el('td', { class: d.outcome === 'sent' ? '' : 'error',
        text: [tOr(`outcome.${d.outcome}`, d.outcome || ''), d.digest ? t('deliveries.digest') : null, d.error || null]
          .filter(Boolean).join(' · ') }),
      el('td', { class: 'num', text: num(d.attempts) })))));
}
