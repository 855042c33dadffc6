// Directives (docs/OPERATIONS.md) on the pages: the issue form (district page, from an alert or a shortage row),
// the list with the actions the viewer may take, and the overdue count (wall, district page). The server decides;
// the buttons only offer what it would allow.
import { t, tOr } from './i18n.js';
import { el, replace, when } from './dom.js';
import { postJson } from './api.js';
import { errorText } from './shell.js';

const NEXT = {
  issued: ['acknowledge', 'progress', 'close'],
  acknowledged: ['progress', 'close'],
  closed: ['accept', 'return'],
  accepted: [],
};
const OWNER_STEPS = ['acknowledge', 'progress', 'close'];
const NEEDS_NOTE = ['progress', 'close', 'return'];
export const ISSUERS = ['operator', 'admin'];

/** Past its deadline at now (ms) and neither closed nor accepted. */
export function isOverdue(d, now = Date.now()) {
  return d.state !== 'closed' && d.state !== 'accepted' && new Date(d.deadline).getTime() < now;
}

export function overdueDirectives(values, now = Date.now()) {
  return [...values].filter((d) => isOverdue(d, now));
}

/** The actions this viewer may take on d now (the server's access rules, docs/OPERATIONS.md). */
export function actionsFor(d, viewer) {
  return (NEXT[d.state] || []).filter((a) => {
    if (viewer.role === 'admin') return true;
    if (OWNER_STEPS.includes(a)) return viewer.role === 'commander' || viewer.role === 'officer';
    return viewer.role === 'operator';
  });
}

/** A local date-time for a datetime-local input, hours from now, in war-room time (IST). */
function inHours(hours) {
  const ist = new Date(Date.now() + hours * 3600000 + 330 * 60000);
  return ist.toISOString().slice(0, 16);
}

/** The issue form: text, deadline, priority, owner (department desk, blank: the district commander). */
export function directiveForm({ district, alert = '', shortage = '', text = '', onIssued = () => {} }) {
  const status = el('p', { class: 'muted', role: 'status' });
  const form = el('form', { class: 'directive-form', id: 'directive-form' },
    el('label', {}, el('span', { 'data-i18n': 'directive.text', text: t('directive.text') }),
      el('textarea', { name: 'text', required: true, maxlength: '2000', rows: '2' }, text)),
    el('label', {}, el('span', { text: t('directive.deadline') }),
      el('input', { type: 'datetime-local', name: 'deadline', required: true, value: inHours(4) })),
    el('label', {}, el('span', { text: t('directive.priority') }),
      el('select', { name: 'priority' }, ['normal', 'high', 'critical', 'low'].map((p) =>
        el('option', { value: p, text: t(`directive.priority.${p}`) })))),
    el('label', {}, el('span', { text: t('directive.owner') }),
      el('input', { name: 'department', maxlength: '64', placeholder: t('directive.department') })),
    alert ? el('p', { class: 'muted', text: `${t('directive.linkedAlert')}: ${alert}` }) : null,
    shortage ? el('p', { class: 'muted', text: `${t('directive.linkedShortage')}: ${shortage}` }) : null,
    el('button', { type: 'submit', id: 'directive-submit', text: t('directive.submit') }),
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    try {
      const d = await postJson('/api/v1/directives', {
        district, text: data.get('text'), deadline: data.get('deadline'), priority: data.get('priority'),
        department: data.get('department') || undefined, alert: alert || undefined, shortage: shortage || undefined,
      });
      status.textContent = t('directive.issued', { id: d.id });
      form.querySelector('textarea').value = '';
      onIssued(d);
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  return form;
}

/** Draws the directives as list items with their actions; a step answers with the directive, 409 with a note. */
export function drawDirectives(list, directives, viewer, onChanged = () => {}) {
  const now = Date.now();
  const sorted = [...directives].sort((a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now))
    || Number(a.state === 'accepted') - Number(b.state === 'accepted')
    || String(a.deadline).localeCompare(String(b.deadline)));
  replace(list, sorted.length ? sorted.map((d) => item(d, viewer, now, onChanged))
    : el('li', { class: 'muted', text: t('directive.none') }));
}

function item(d, viewer, now, onChanged) {
  const overdue = isOverdue(d, now);
  const status = el('span', { class: 'muted', role: 'status' });
  const note = el('input', { class: 'directive-note', maxlength: '2000', placeholder: t('directive.note') });
  const actions = actionsFor(d, viewer);
  const buttons = actions.map((a) => el('button', {
    type: 'button', class: 'directive-action', dataset: { action: a }, text: t(`directive.action.${a}`),
    on: {
      click: async () => {
        if (NEEDS_NOTE.includes(a) && !note.value.trim()) {
          note.focus();
          status.textContent = t('directive.note');
          return;
        }
        try {
          const next = await postJson(`/api/v1/directives/${encodeURIComponent(d.id)}/actions`,
            { action: a, version: d.version, note: note.value.trim() || undefined });
          onChanged(next);
        } catch (err) {
          status.textContent = err.status === 409 ? t('directive.conflict') : errorText(err);
          if (err.body && err.body.directive) onChanged(err.body.directive);
        }
      },
    },
  }));
  return el('li', { class: `directive${overdue ? ' overdue' : ''}`, dataset: { id: d.id, state: d.state } },
    el('span', { class: `pill directive-${d.state}`, text: t(`directive.state.${d.state}`) }), ' ',
    overdue ? el('span', { class: 'pill sev-critical', text: t('directive.overdue') }) : null, ' ',
    el('span', { class: `pill sev-${d.priority === 'normal' ? 'low' : d.priority}`,
      text: t(`directive.priority.${d.priority}`) }), ' ',
    el('strong', { text: d.text }),
    el('div', { class: 'meta', text: [t('directive.due', { t: when(d.deadline) }),
      d.department ? tOr(`category.${d.department}`, d.department) : t('directive.owner.commander'),
      t('directive.by', { who: d.issuedBy }), d.id].join(' · ') }),
    d.history && d.history.length ? el('div', { class: 'meta', text: lastNote(d) }) : null,
    actions.length ? el('div', { class: 'directive-actions' }, note, buttons, status) : null);
}

function lastNote(d) {
  const last = d.history[d.history.length - 1];
  return last && last.note ? `${t(`directive.action.${last.action}`)}: ${last.note}` : '';
}
