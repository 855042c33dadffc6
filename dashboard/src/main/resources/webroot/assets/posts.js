// Social-media posts /posts (docs/BULLETIN.md): drafts from the public bulletin, one per network and language;
// edit (length counted as the network counts it, checked by the server), approve (someone else than the last
// editor), and the publishing result the notifier recorded. Without a provider for a network, its posts stay drafts.
import { t } from './i18n.js';
import { el, replace, when } from './dom.js';
import { getJson, postJson, putJson } from './api.js';
import { errorText, startPage } from './shell.js';

let providers = {};

function network(n) {
  return t(`posts.network.${n}`);
}

function result(p) {
  if (p.state !== 'approved') return null;
  const r = p.result;
  if (!r) return el('p', { class: 'muted post-result', dataset: { outcome: 'waiting' }, text: t('posts.result.waiting') });
  const line = el('p', { class: 'post-result', dataset: { outcome: r.outcome },
    text: t(`posts.result.${r.outcome}`, { status: r.status ?? '' }) });
  if (r.outcome === 'posted' && r.url) {
    line.append(' ', el('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank', text: t('posts.result.open') }));
  }
  if ((r.outcome === 'refused' || r.outcome === 'unknown') && r.answer) {
    return el('div', {}, line, el('details', {}, el('summary', { text: t('posts.result.answer') }),
      el('pre', { class: 'post-answer', text: r.answer })));
  }
  return line;
}

function lengthText(p, n) {
  const vars = { n, limit: p.limit, network: network(p.network) };
  return n > p.limit ? t('posts.length.over', vars) : t('posts.length', vars);
}

function card(p, message = '') {
  const status = el('span', { class: 'muted post-status', role: 'status', text: message });
  const meta = [t('posts.drafted', { who: p.draftedBy, t: when(p.draftedAt) })];
  if (p.editedBy) meta.push(t('posts.edited', { who: p.editedBy, t: when(p.editedAt) }));
  if (p.approvedBy) meta.push(t('posts.approvedBy', { who: p.approvedBy, t: when(p.approvedAt) }));
  meta.push(t('posts.bulletinAt', { t: when(p.bulletinAt) }));
  const head = el('h3', {},
    `${network(p.network)} · ${t(`posts.language.${p.language}`)} `,
    el('span', { class: 'pill', text: t(`posts.state.${p.state}`) }));
  const body = [head, el('p', { class: 'muted', text: meta.join(' · ') })];
  if (p.state === 'draft') {
    const text = el('textarea', { class: 'post-text', rows: 5, lang: p.language });
    text.value = p.text;
    const length = el('span', { class: 'muted post-length', text: lengthText(p, p.length) });
    text.addEventListener('input', () => { length.textContent = ''; });
    const save = el('button', { type: 'button', class: 'post-save', text: t('posts.save'), on: { click: async () => {
      try {
        const saved = await putJson(`/api/v1/posts/${encodeURIComponent(p.id)}`, { text: text.value, version: p.version });
        node.replaceWith(draw(saved, t('posts.saved')));
      } catch (err) {
        status.textContent = errorText(err);
      }
    } } });
    const configured = providers[p.network] && providers[p.network].configured;
    const approve = el('button', { type: 'button', class: 'post-approve', text: t('posts.approve'), on: { click: async () => {
      try {
        const approved = await postJson(`/api/v1/posts/${encodeURIComponent(p.id)}/approve`, { version: p.version });
        node.replaceWith(draw(approved, t('posts.approved')));
      } catch (err) {
        status.textContent = errorText(err);
      }
    } } });
    if (!configured) approve.title = t('posts.provider.off', { network: network(p.network) });
    body.push(text, el('p', {}, length, ' ', save, ' ', approve, ' ', status));
  } else {
    body.push(el('p', { class: 'post-text-final', lang: p.language, text: p.text }),
      el('p', { class: 'muted post-length', text: lengthText(p, p.length) }), result(p));
  }
  const node = el('section', { class: 'panel post', dataset: { id: p.id, network: p.network, language: p.language, state: p.state } },
    ...body.filter(Boolean));
  return node;
}

function draw(p, message) {
  return card(p, message);
}

async function load() {
  try {
    const answer = await getJson('/api/v1/posts');
    providers = answer.providers;
    replace(document.getElementById('providers'), ...Object.entries(providers).map(([n, v]) => el('li', {
      class: v.configured ? 'provider-on' : 'provider-off', dataset: { network: n },
      text: t(v.configured ? 'posts.provider.on' : 'posts.provider.off', { network: network(n) }) })));
    replace(document.getElementById('posts'), answer.items.length ? answer.items.map((p) => draw(p))
      : el('p', { class: 'muted', text: t('posts.none') }));
  } catch (e) {
    document.getElementById('page-error').textContent = errorText(e);
  }
}

async function generate() {
  const status = document.getElementById('posts-status');
  try {
    const answer = await postJson('/api/v1/posts', {});
    status.textContent = t('posts.generated', { n: answer.items.length });
    load();
  } catch (err) {
    status.textContent = errorText(err);
  }
}

startPage({ active: '/posts' }).then(() => {
  document.getElementById('posts-generate').addEventListener('click', generate);
  load();
  window.addEventListener('langchange', load);
});
