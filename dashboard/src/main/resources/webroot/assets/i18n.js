// Every label of the pages in English and Hindi. The texts themselves are served as words.js, rendered from the
// bundles every part of warroom uses (contracts: i18n/words_en.properties, words_hi.properties). Elements carry
// data-i18n="key" (text), data-i18n-placeholder, data-i18n-title or data-i18n-aria; the choice is kept in localStorage.
import { DICTIONARIES } from './words.js';

export { DICTIONARIES };

const STORE_KEY = 'warroom.lang';

const en = DICTIONARIES.en;

let current = (() => {
  try {
    const stored = localStorage.getItem(STORE_KEY);
    if (stored === 'en' || stored === 'hi') return stored;
  } catch (e) { /* storage disabled */ }
  return (navigator.language || '').toLowerCase().startsWith('hi') ? 'hi' : 'en';
})();

export function lang() {
  return current;
}

/** The label for key in the current language, {name} placeholders filled in; falls back to English, then the key. */
export function t(key, vars = {}) {
  const text = DICTIONARIES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** t() when the key exists, else the fallback (for codes that may have no label, e.g. a new department). */
export function tOr(key, fallback) {
  return (key in DICTIONARIES[current] || key in en) ? t(key) : fallback;
}

/** A district's name in the current language. */
export function districtName(d) {
  if (!d) return '';
  return current === 'hi' && d.nameHi ? d.nameHi : d.name;
}

/** Fills every data-i18n* element under root. */
export function applyI18n(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
  for (const node of root.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
}

/** Switches language, remembers it, relabels the page and tells listeners ('langchange' on window). */
export function setLang(next) {
  current = next === 'hi' ? 'hi' : 'en';
  try { localStorage.setItem(STORE_KEY, current); } catch (e) { /* storage disabled */ }
  applyI18n();
  window.dispatchEvent(new CustomEvent('langchange', { detail: current }));
}
