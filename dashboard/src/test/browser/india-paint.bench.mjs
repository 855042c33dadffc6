// The India map's first paint (issue 24, docs/BENCHMARKS.md "India map"): headless chromium opens /india signed in as
// admin, RUNS times with an empty cache (a new browser context each time) and RUNS times again with the cache warm,
// and reports, from the navigation's start: the first contentful paint, the moment all states and UTs are drawn
// (every state's path in the map) and the moment they are coloured by the live figures (every path has
// its status from the websocket snapshot), with the bytes the page transferred on the cold load.
//
//   BASE_URL=http://127.0.0.1:8080 ADMIN_PASSWORD=… [CHROMIUM=/usr/bin/chromium] [RUNS=10] node india-paint.bench.mjs
import { chromium } from 'playwright-core';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const RUNS = Number(process.env.RUNS || 10);
const STATES = Number(process.env.STATES || 35); // states and UTs drawn (geo/not-drawn.csv names the one that is not)

/** Records, in the page, when the map holds every state and when every state is coloured. */
const RECORDER = `(() => {
  window.__paint = {};
  const look = () => {
    const paths = document.querySelectorAll('#map path');
    if (paths.length >= ${STATES} && window.__paint.drawn === undefined) window.__paint.drawn = performance.now();
    if (paths.length >= ${STATES} && [...paths].every((p) => p.dataset.status) && window.__paint.coloured === undefined) {
      window.__paint.coloured = performance.now();
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, chromiumSandbox: false,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

async function signedInContext() {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-IN' });
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.fill('#username', process.env.ADMIN_USER || 'admin');
  await page.fill('#password', process.env.ADMIN_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('#login-submit')]);
  await context.addInitScript(RECORDER);
  return { context, page };
}

async function measure(page) {
  let bytes = 0;
  const count = (response) => response.request().sizes().then((s) => { bytes += s.responseBodySize + s.responseHeadersSize; })
    .catch(() => {});
  page.on('response', count);
  await page.goto(`${BASE}/india`);
  await page.waitForFunction(() => window.__paint && window.__paint.coloured !== undefined, null, { timeout: 60000 });
  const figures = await page.evaluate(() => ({
    fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
    drawn: window.__paint.drawn,
    coloured: window.__paint.coloured,
  }));
  page.off('response', count);
  return { ...figures, bytes };
}

const cold = [];
const warm = [];
for (let i = 0; i < RUNS; i++) {
  const { context, page } = await signedInContext();
  cold.push(await measure(page));
  warm.push(await measure(page));
  await context.close();
}
await browser.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p90 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.9) - 1)]; };
const row = (name, runs) => {
  const f = (k) => `${median(runs.map((r) => r[k])).toFixed(0)} / ${p90(runs.map((r) => r[k])).toFixed(0)}`;
  console.log(`${name.padEnd(5)}  fcp ${f('fcp')} ms   states drawn ${f('drawn')} ms   coloured ${f('coloured')} ms   `
    + `transferred ${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KB  (median / p90 of ${runs.length})`);
};
console.log(`India map first paint, ${BASE}/india, signed in as ${process.env.ADMIN_USER || 'admin'}`);
row('cold', cold);
row('warm', warm);
