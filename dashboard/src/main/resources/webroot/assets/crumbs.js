// Breadcrumbs India › state › district: the way back up from a district page or a state's wall to the India map.
import { lang, t } from './i18n.js';
import { el, replace } from './dom.js';

/**
 * Fills the <nav> with the trail. state: {code, name, nameHi} or null; district: {code, name, nameHi} or null.
 * The last step is the current page (not a link).
 */
export function drawCrumbs(nav, { state = null, district = null } = {}) {
  if (!nav) return;
  const name = (x) => (lang() === 'hi' && x.nameHi ? x.nameHi : x.name) || x.code;
  const steps = [{ href: '/india', text: t('crumbs.india') }];
  if (state) steps.push({ href: `/?state=${encodeURIComponent(state.code)}`, text: name(state) });
  if (district) steps.push({ href: `/district/${encodeURIComponent(district.code)}`, text: name(district) });
  const items = steps.map((s, i) => el('li', {},
    i === steps.length - 1 ? el('span', { 'aria-current': 'page', text: s.text }) : el('a', { href: s.href, text: s.text })));
  nav.setAttribute('aria-label', t('crumbs.label'));
  replace(nav, el('ol', {}, items));
}
