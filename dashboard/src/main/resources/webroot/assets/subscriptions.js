// The alert subscription form (GET/POST/DELETE /api/v1/subscriptions, docs/NOTIFICATIONS.md): districts, categories,
// severities, channels and quiet hours (CRITICAL alerts are sent in quiet hours all the same) for one user. The
// alerts page shows the signed-in user's own ("my alert subscriptions"), the admin page one for a chosen user. Nothing
// selected in a list means all; each channel needs the matching contact on the account (the server says which is
// missing). Every value goes in as text or an attribute, never markup.
import { applyI18n, districtName, t, tOr } from './i18n.js';
import { el, replace, when } from './dom.js';
import { getJson, postJson } from './api.js';
import { errorText } from './shell.js';

export const CATEGORIES = ['ration', 'water', 'fruit', 'vegetables', 'milk', 'medicine', 'lpg', 'petrol', 'diesel',
  'sanitary', 'health', 'wages', 'stranded', 'transport', 'other', 'food'];
export const SEVERITIES = ['critical', 'high', 'medium', 'low'];
export const CHANNELS = ['email', 'sms', 'whatsapp', 'webhook'];

/** The server's reason for a refusal, else the general error text. */
export function reason(e) {
  return (e && e.body && e.body.reason) || errorText(e);
}

/** A category's label: a commodity's, a department's, else the code. */
export function categoryLabel(c) {
  return tOr(`commodity.${c}`, tOr(`category.${c}`, c));
}

/** Quiet hours as "22:00–07:00" (empty when none). */
export function quietText(quiet) {
  return quiet ? `${String(quiet.from).slice(0, 5)}–${String(quiet.to).slice(0, 5)}` : '';
}

function checkboxes(name, values, label) {
  return values.map((v) => el('label', { class: 'inline' },
    el('input', { type: 'checkbox', name, value: v }), ` ${label(v)}`));
}

/**
 * One subscription form inside mount, its ids prefixed ({prefix}-districts, {prefix}-status, ...; the form's own id
 * formId). load(target) shows target's saved subscription ({username, allDistricts, districts}: the districts offered
 * are the target's); saving posts it for the target. noneKey labels "no subscription yet"; onSaved(subscription)
 * runs after a save.
 */
export class SubscriptionForm {
  constructor(mount, { prefix = 's', formId = `${prefix}-form`, known = new Map(), noneKey = 'subs.none',
    onSaved = () => {} } = {}) {
    this.prefix = prefix;
    this.known = known;
    this.noneKey = noneKey;
    this.onSaved = onSaved;
    this.target = null;
    this.current = null;
    const id = (part) => `${prefix}-${part}`;
    this.form = el('form', { class: 'filters', id: formId },
      el('label', {}, el('span', { 'data-i18n': 'subs.districts' }), el('select', { id: id('districts'), multiple: true, size: 6 })),
      el('label', {}, el('span', { 'data-i18n': 'subs.categories' }), el('select', { id: id('categories'), multiple: true, size: 6 })),
      el('fieldset', {}, el('legend', { 'data-i18n': 'subs.severities' }), el('div', { id: id('severities'), class: 'choices' })),
      el('fieldset', {}, el('legend', { 'data-i18n': 'subs.channels' }), el('div', { id: id('channels'), class: 'choices' })),
      el('fieldset', {}, el('legend', { 'data-i18n': 'subs.quiet' }),
        el('label', {}, el('span', { 'data-i18n': 'subs.quiet.from' }), el('input', { type: 'time', id: id('quiet-from') })),
        el('label', {}, el('span', { 'data-i18n': 'subs.quiet.to' }), el('input', { type: 'time', id: id('quiet-to') }))),
      el('button', { type: 'submit', class: 'primary', 'data-i18n': 'subs.save', disabled: true }));
    this.status = el('p', { class: 'muted', id: id('status'), role: 'status' });
    replace(mount, this.form, this.status);
    applyI18n(mount);
    this.form.addEventListener('submit', (e) => this.save(e));
    this.draw();
  }

  part(name) {
    return this.form.querySelector(`#${this.prefix}-${name}`);
  }

  /** Draws the choices (again, e.g. after a language change) with the saved ones selected. */
  draw() {
    const target = this.target || { districts: [] };
    const districts = [...this.known.values()]
      .filter((d) => target.allDistricts || (target.districts || []).includes(d.code))
      .sort((a, b) => districtName(a).localeCompare(districtName(b)));
    replace(this.part('districts'), districts.map((d) => el('option', { value: d.code, text: districtName(d) })));
    replace(this.part('categories'), CATEGORIES.map((c) => el('option', { value: c, text: categoryLabel(c) })));
    replace(this.part('severities'), checkboxes('severity', SEVERITIES, (s) => t(`severity.${s}`)));
    replace(this.part('channels'), checkboxes('channel', CHANNELS, (c) => t(`channel.${c}`)));
    this.fill();
  }

  fill() {
    const s = this.current || {};
    const pick = (name, values) => this.part(name).querySelectorAll('option, input').forEach((n) => {
      const on = (values || []).includes(n.value);
      if (n.tagName === 'OPTION') n.selected = on; else n.checked = on;
    });
    pick('districts', s.districts);
    pick('categories', s.categories);
    pick('severities', s.severities);
    pick('channels', s.channels);
    this.part('quiet-from').value = s.quietHours ? String(s.quietHours.from).slice(0, 5) : '';
    this.part('quiet-to').value = s.quietHours ? String(s.quietHours.to).slice(0, 5) : '';
    this.form.querySelector('button[type=submit]').disabled = !this.target;
    if (!this.target) this.status.textContent = '';
    else this.status.textContent = this.current ? t('subs.saved', { t: when(this.current.updatedAt) }) : t(this.noneKey);
  }

  chosen(name) {
    return [...this.part(name).querySelectorAll('option, input')].filter((n) => n.selected || n.checked).map((n) => n.value);
  }

  /** Shows target's saved subscription (null target: an empty, disabled form); answers it (or null). */
  async load(target) {
    this.target = target;
    this.current = null;
    this.draw();
    if (!target) return null;
    this.status.textContent = t('common.loading');
    try {
      const answer = await getJson(`/api/v1/subscriptions?user=${encodeURIComponent(target.username)}`);
      if (this.target !== target) return null; // another user was chosen meanwhile
      this.current = (answer.items || []).find((s) => s.user === target.username) || null;
      this.fill();
    } catch (e) {
      this.status.textContent = reason(e);
    }
    return this.current;
  }

  /** After the subscription was removed elsewhere (the admin page's list). */
  removed() {
    this.current = null;
    this.fill();
  }

  async save(event) {
    event.preventDefault();
    const target = this.target;
    if (!target) return;
    const from = this.part('quiet-from').value;
    const to = this.part('quiet-to').value;
    const body = {
      user: target.username, districts: this.chosen('districts'), categories: this.chosen('categories'),
      severities: this.chosen('severities'), channels: this.chosen('channels'),
    };
    if (from && to) body.quietHours = { from, to, zone: 'Asia/Kolkata' };
    const button = this.form.querySelector('button[type=submit]');
    button.disabled = true;
    this.status.textContent = t('common.loading');
    try {
      const saved = await postJson('/api/v1/subscriptions', body);
      if (this.target !== target) return;
      this.current = saved;
      this.fill();
      this.onSaved(saved);
    } catch (e) {
      this.status.textContent = t('subs.failed', { reason: reason(e) });
    } finally {
      button.disabled = !this.target;
    }
  }
}
