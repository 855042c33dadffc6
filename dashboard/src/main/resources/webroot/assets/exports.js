// "Export CSV / XLSX" links for a table (docs/EXPORTS.md): GET /api/v1/exports/{table}.{csv|xlsx} with the screen's
// current filters and language; the server scopes, masks and audits the file as it does the screen.
import { el } from './dom.js';
import { lang, t } from './i18n.js';
import { query } from './api.js';

/** Appends the two links to `slot`; `params()` gives the screen's filters at the moment of the click. */
export function exportLinks(slot, table, params = () => ({})) {
  if (!slot) return;
  const link = (format) => el('a', {
    class: 'button export', href: `/api/v1/exports/${table}.${format}`, download: '', rel: 'nofollow',
    dataset: { export: `${table}.${format}`, i18n: `export.${format}`, i18nTitle: 'export.how' },
    title: t('export.how'), text: t(`export.${format}`),
    on: { click: (e) => { e.currentTarget.href = `/api/v1/exports/${table}.${format}${query({ ...params(), lang: lang() })}`; } },
  });
  slot.append(el('span', { class: 'exports no-print' }, link('csv'), ' ', link('xlsx')));
}
