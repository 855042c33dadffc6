// A registered wall display (docs/DISPLAYS.md): the page was opened through /display/{id}, which adds ?display=<id>.
// A display never goes to the login page: when its credential is revoked (401, or the socket closes with 4401),
// the screen goes blank with a short notice in Hindi and English.
import { t } from './i18n.js';

export const displayId = new URLSearchParams(location.search).get('display');

/** Blanks the screen: the display's credential was revoked. */
export function showRevoked() {
  document.body.className = 'display-revoked';
  document.body.replaceChildren();
  const notice = document.createElement('p');
  notice.id = 'display-revoked';
  notice.setAttribute('role', 'alert');
  notice.textContent = t('display.revoked');
  document.body.append(notice);
}
