// Search over citizen messages, complaint tickets, desk complaints (number, phone, text), directives, the shift log and handovers (GET /api/v1/search). Results are shown as text only,
// the query's words marked with <mark> built from text nodes. The query lives in the URL (shareable, back button).
import { districtName, t, tOr } from './i18n.js';
import { el, highlighted, num, replace, when } from './dom.js';
import { districts, getJson, query } from './api.js';
import { errorText, startPage } from './shell.js';

let known = new Map();

/** datetime-local (IST wall time) → ISO-8601 with +05:30. */
function isoIst(value) {
  return value ? `${value}${value.length === 16 ? ':00' : ''}+05:30` : '';
}

async function run(params) {
  const count = document.getElementById('result-count');
  const list = document.getElementById('results');
  if (!params.q && !params.district) {
    count.textContent = '';
    replace(list);
    return;
  }
  count.textContent = t('common.loading');
  try {
    const answer = await getJson(`/api/v1/search${query({ ...params, from: isoIst(params.from), to: isoIst(params.to) })}`);
    const items = answer.items || [];
    count.textContent = t('search.results', { n: num(answer.total ?? items.length) });
    replace(list, items.map((r) => el('li', { class: 'result', dataset: { feed: r.feed || '', id: r.id || '' } },
      el('div', { class: 'meta' },
        el('span', { class: 'pill status-none', text: tOr(`feed.${r.feed}`, r.feed || '') }), ' ',
        r.feed === 'handovers' || r.feed === 'log' ? el('a', { href: '/shift', text: r.id }) : '',
        r.feed === 'directives' && r.district ? el('a', { href: `/district/${encodeURIComponent(r.district)}#directives-panel`, text: r.id }) : '',
        r.feed === 'complaints' ? el('a', { href: `/complaints?number=${encodeURIComponent(r.id)}`, text: r.id }) : '',
        r.feed === 'complaints' && r.from ? ` · ${r.from}` : '',
        r.state ? ` (${tOr(r.feed === 'handovers' ? `shift.handover.state.${r.state}` : r.feed === 'complaints' ? `complaint.state.${r.state}` : `directive.state.${r.state}`, r.state)}) ` : ' ',
        r.district ? el('a', { href: `/district/${encodeURIComponent(r.district)}`, text: known.has(r.district) ? districtName(known.get(r.district)) : r.district }) : '',
        ` · ${when(r.at)}`),
      el('div', { class: 'text' }, highlighted(r.text || '', params.q)))));
  } catch (e) {
    count.textContent = errorText(e);
  }
}

function fromUrl() {
  const p = new URLSearchParams(location.search);
  return { q: p.get('q') || '', district: p.get('district') || '', from: p.get('from') || '', to: p.get('to') || '' };
}

async function main() {
  await startPage({ active: '/search' });
  try {
    known = await districts();
  } catch (e) {
    known = new Map();
  }
  const select = document.getElementById('district');
  replace(select, el('option', { value: '', text: t('common.all') }),
    [...known.values()].sort((a, b) => districtName(a).localeCompare(districtName(b)))
      .map((d) => el('option', { value: d.code, text: districtName(d) })));
  const initial = fromUrl();
  for (const [k, v] of Object.entries(initial)) document.getElementById(k).value = v;
  document.getElementById('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const params = {};
    for (const k of ['q', 'district', 'from', 'to']) params[k] = document.getElementById(k).value.trim();
    history.pushState(null, '', `/search${query(params)}`);
    run(params);
  });
  window.addEventListener('popstate', () => {
    const p = fromUrl();
    for (const [k, v] of Object.entries(p)) document.getElementById(k).value = v;
    run(p);
  });
  run(initial);
}

main();
