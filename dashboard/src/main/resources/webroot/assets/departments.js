// A department's name in the current language: the bundle's dept.<slug> when there is one, else as stored.
import { tOr } from './i18n.js';

export function deptName(name) {
  const slug = String(name || '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return tOr(`dept.${slug}`, name || '');
}
