// DOM helpers. Untrusted text only ever goes in through textContent / setAttribute: never innerHTML.
import { lang } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** el('div', {class: 'x', dataset: {code: '396'}, on: {click: fn}}, 'text', child, ...) */
export function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** Like el, in the SVG namespace. */
export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (key === 'style') for (const [prop, v] of Object.entries(value)) node.style.setProperty(prop, v);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the node's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function $$(selector, root = document) {
  return Array.from(root.querySelectorAll(selector));
}

function locale() {
  return lang() === 'hi' ? 'hi-IN' : 'en-IN';
}

/** 1234567 → "12,34,567" (Indian grouping). */
export function num(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

export function pct(share) {
  if (share === null || share === undefined) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** An ISO time as local date and time. */
export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' }).format(d);
}

export function timeOnly(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Kolkata' }).format(d);
}

/** Age of an ISO time as "3 h 20 min" / "2 d 4 h". */
export function age(iso, now = Date.now()) {
  if (!iso) return '—';
  let minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60000));
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const u = lang() === 'hi' ? { d: 'दिन', h: 'घं', m: 'मि' } : { d: 'd', h: 'h', m: 'min' };
  if (days > 0) return `${days} ${u.d} ${hours} ${u.h}`;
  if (hours > 0) return `${hours} ${u.h} ${minutes} ${u.m}`;
  return `${minutes} ${u.m}`;
}

/** "★★★☆☆" */
export function stars(n) {
  const s = Math.max(0, Math.min(5, Math.round(n || 0)));
  return '★'.repeat(s) + '☆'.repeat(5 - s);
}

/** Text with every occurrence of the query's words wrapped in <mark>, built from text nodes only. */
export function highlighted(text, query) {
  const words = String(query || '').split(/\s+/).filter((w) => w.length > 1)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const span = el('span');
  if (!words.length) {
    span.textContent = text;
    return span;
  }
  const re = new RegExp(`(${words.join('|')})`, 'giu');
  String(text).split(re).forEach((part, i) => {
    span.append(i % 2 === 1 ? el('mark', { text: part }) : document.createTextNode(part));
  });
  return span;
}
