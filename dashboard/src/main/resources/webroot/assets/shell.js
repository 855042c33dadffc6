// What every signed-in page shares: who is signed in, the header with navigation by role, the language toggle,
// the live-connection indicator and disconnected banner.
import { applyI18n, lang, setLang, t } from './i18n.js';
import { el, replace } from './dom.js';
import { logout, me } from './api.js';

const NAV = [
  { href: '/india', key: 'nav.india', roles: ['operator', 'commander', 'responder', 'admin'] },
  { href: '/', key: 'nav.wall', roles: ['operator', 'commander', 'responder', 'admin', 'agent', 'supervisor'] },
  { href: '/alerts', key: 'nav.alerts', roles: ['operator', 'commander', 'responder', 'admin'] },
  { href: '/workers', key: 'nav.workers', roles: ['operator', 'commander', 'admin', 'supervisor'] },
  { href: '/search', key: 'nav.search', roles: ['operator', 'commander', 'admin'] },
  { href: '/report', key: 'nav.report', roles: ['operator', 'commander', 'admin'] },
  { href: '/campaigns', key: 'nav.campaigns', roles: ['operator', 'agent', 'supervisor', 'admin'] },
  { href: '/complaints', key: 'nav.complaints', roles: ['operator', 'commander', 'admin', 'officer', 'agent'] },
  { href: '/complaints/new', key: 'nav.complaints.new', roles: ['operator', 'commander', 'admin', 'officer', 'agent'] },
  { href: '/shift', key: 'nav.shift', roles: ['operator', 'admin'] },
  { href: '/triage', key: 'nav.triage', roles: ['operator', 'admin'] },
  { href: '/posts', key: 'nav.posts', roles: ['operator', 'admin'] },
  { href: '/admin', key: 'nav.admin', roles: ['admin'] },
  { href: '/admin/settings', key: 'nav.settings', roles: ['admin'] },
];

/** Signs the page in (or goes to /login), draws the header, labels the page; answers the viewer. */
export async function startPage({ active } = {}) {
  applyI18n();
  const viewer = await me();
  const header = document.querySelector('header.top');
  if (header) drawHeader(header, viewer, active);
  applyI18n();
  document.body.classList.add(`role-${viewer.role}`);
  if (viewer.role === 'display') document.body.classList.add('kiosk', 'display');
  return viewer;
}

function drawHeader(header, viewer, active) {
  const links = NAV.filter((n) => n.roles.includes(viewer.role)).map((n) => el('a', {
    href: n.href, 'data-i18n': n.key, class: n.href === active ? 'active' : null,
    'aria-current': n.href === active ? 'page' : null,
  }));
  if (viewer.role === 'commander' && viewer.districts && viewer.districts.length) {
    links.splice(1, 0, el('a', {
      href: `/district/${encodeURIComponent(viewer.districts[0])}`, 'data-i18n': 'nav.district',
      class: active === '/district' ? 'active' : null,
    }));
  }
  const toggle = el('button', {
    type: 'button', class: 'lang-toggle', id: 'lang-toggle', 'data-i18n': 'lang.toggle',
    'data-i18n-title': 'lang.toggle.title', on: { click: () => setLang(lang() === 'hi' ? 'en' : 'hi') },
  });
  const out = viewer.role === 'display' ? el('span')
    : el('button', { type: 'button', class: 'link', 'data-i18n': 'nav.logout', on: { click: () => logout() } });
  replace(header,
    el('a', { href: '/', class: 'brand', 'data-i18n': 'app.name' }),
    el('nav', { 'aria-label': 'main' }, links),
    el('span', { class: 'spacer' }),
    el('span', { class: 'conn', id: 'conn', role: 'status', 'aria-live': 'polite' }),
    el('span', { class: 'who' }, el('span', { class: 'user', text: viewer.username }), ' · ',
      el('span', { 'data-i18n': `role.${viewer.role}` })),
    toggle, out);
}

let downSince = null;
let bannerTimer = null;

/** Shows the live feed's state in the header and, after 2 s down, a banner across the page. */
export function showConnection(status, info = {}) {
  const conn = document.getElementById('conn');
  const banner = document.getElementById('conn-banner');
  if (conn) {
    conn.dataset.status = status;
    conn.textContent = status === 'live' ? `● ${t('conn.live')}`
      : status === 'connecting' ? t('conn.connecting')
        : t('conn.down', { s: Math.ceil((info.retryInMs || 0) / 1000) });
  }
  if (!banner) return;
  if (status === 'live') {
    downSince = null;
    clearTimeout(bannerTimer);
    banner.hidden = true;
    document.body.classList.remove('disconnected');
  } else if (status === 'down' && downSince === null) {
    downSince = Date.now();
    clearTimeout(bannerTimer);
    bannerTimer = setTimeout(() => {
      if (downSince !== null) {
        banner.hidden = false;
        document.body.classList.add('disconnected');
      }
    }, 2000);
  }
}

/** A line of error text for a failed load. */
export function errorText(error) {
  if (error && error.status === 403) return t('common.forbidden');
  if (error && error.status === 404) return t('common.notfound');
  return t('common.error', { reason: error && error.message ? error.message : String(error) });
}
