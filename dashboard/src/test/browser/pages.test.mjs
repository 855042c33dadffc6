// Browser tests of the dashboard pages: Playwright (playwright-core from npm, no browser download) driving
// Debian's chromium headless. Two modes:
//
//   EVENT_MODE=standin (default) — against ProtocolStandIn (started by PagesBrowserIntegrationTest): events are
//     pushed with its /test/push hook; accounts operator/commander/responder/admin with "<name>-pass".
//   EVENT_MODE=ingest — against the real system (bin/warroom up --no-simulator or with it): events go through
//     the ingest service (INGEST_URL, INGEST_KEY); the script signs in as admin (ADMIN_PASSWORD) and creates its
//     own operator, commander (Bhopal 396) and responder (396, medicine) accounts through /api/v1/admin/users.
//
// Environment: BASE_URL (dashboard, e.g. http://127.0.0.1:8080), CHROMIUM (/usr/bin/chromium), SCREENSHOTS
// (folder for PNGs), LIVE_LIMIT_MS (1000: how fast an event must show), INGEST_URL, INGEST_KEY, ADMIN_USER,
// ADMIN_PASSWORD. Exit code 0 when every step passed.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const MODE = process.env.EVENT_MODE || 'standin';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOTS || 'screenshots';
const LIVE_LIMIT_MS = Number(process.env.LIVE_LIMIT_MS || 1000);
const INGEST_URL = (process.env.INGEST_URL || 'http://127.0.0.1:8081').replace(/\/$/, '');
const INGEST_KEY = process.env.INGEST_KEY || '';
const STANDIN = MODE === 'standin';
const BHOPAL = '396';

mkdirSync(SHOTS, { recursive: true });
const results = [];
const problems = [];

async function step(name, fn, { only } = {}) {
  if (only === 'standin' && !STANDIN) {
    results.push({ name, status: 'skipped' });
    console.log(`- ${name} (skipped: stand-in only)`);
    return;
  }
  const started = Date.now();
  try {
    await fn();
    results.push({ name, status: 'passed' });
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, status: 'failed', error: String(e && e.stack ? e.stack : e) });
    console.log(`✗ ${name}\n    ${String(e && e.message ? e.message : e).split('\n').join('\n    ')}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const nowIso = () => {
  const d = new Date(Date.now() + 5.5 * 3600 * 1000);
  return `${d.toISOString().slice(0, 19)}+05:30`;
};

async function http(method, url, body, headers = {}) {
  const response = await fetch(url, {
    method, headers: { 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const push = (channel, key, value) => http('POST', `${BASE}/test/push`, { channel, key, value });
const ingest = (feed, event) => http('POST', `${INGEST_URL}/v1/${feed}`, event, { Authorization: `Bearer ${INGEST_KEY}` });

// ---- accounts

const accounts = {
  operator: { username: 'operator', password: 'operator-pass' },
  commander: { username: 'commander', password: 'commander-pass' },
  responder: { username: 'responder', password: 'responder-pass' },
  admin: { username: process.env.ADMIN_USER || 'admin', password: process.env.ADMIN_PASSWORD || 'admin-pass' },
};

async function createAccountsThroughAdmin() {
  const login = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: accounts.admin.username, password: accounts.admin.password }),
  });
  if (!login.ok) throw new Error(`admin sign-in failed: ${login.status}`);
  const { token } = await login.json();
  const suffix = Date.now().toString(36);
  const specs = {
    operator: { role: 'operator', districts: [], categories: [] },
    commander: { role: 'commander', districts: [BHOPAL], categories: [] },
    responder: { role: 'responder', districts: [BHOPAL], categories: ['medicine'] },
  };
  for (const [name, spec] of Object.entries(specs)) {
    const account = { username: `bt-${name}-${suffix}`, password: `${randomUUID()}-Aa1!` };
    await http('POST', `${BASE}/api/v1/admin/users`, { ...account, ...spec }, { Authorization: `Bearer ${token}` });
    accounts[name] = account;
  }
}

// ---- browser

const profile = mkdtempSync(join(tmpdir(), 'warroom-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  chromiumSandbox: false,
  viewport: { width: 1920, height: 1080 },
  locale: 'en-IN',
  timezoneId: 'Asia/Kolkata',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
context.setDefaultTimeout(15000);

const IGNORED_CONSOLE = [/Failed to load resource/, /WebSocket connection to .* failed/, /favicon/];
let page = context.pages()[0] || await context.newPage();
function watch(p) {
  p.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/Content Security Policy|Refused to/.test(text) || !IGNORED_CONSOLE.some((re) => re.test(text))) {
      problems.push(`${p.url()}: console error: ${text}`);
    }
  });
  p.on('pageerror', (e) => problems.push(`${p.url()}: uncaught ${e.message}`));
}
watch(page);

async function shot(name, fullPage = false) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

async function signIn(who) {
  await context.clearCookies();
  await page.goto(`${BASE}/login`);
  await page.fill('#username', accounts[who].username);
  await page.fill('#password', accounts[who].password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('#login-submit')]);
}

async function mapReady(count) {
  await page.waitForFunction((n) => {
    const paths = document.querySelectorAll('#map path.district');
    return paths.length === n && [...paths].every((p) => p.dataset.status);
  }, count);
}

async function textOf(selector) {
  return (await page.textContent(selector)).trim();
}

/** Runs trigger, then waits until selector's text differs from before; answers the milliseconds it took. */
async function timeUntilTextChanges(selector, trigger) {
  const before = await textOf(selector);
  const waiting = page.waitForFunction(([sel, prev]) => document.querySelector(sel).textContent.trim() !== prev,
    [selector, before], { polling: 'raf', timeout: Math.max(10000, LIVE_LIMIT_MS * 5) });
  const started = Date.now();
  await trigger();
  await waiting;
  return { ms: Date.now() - started, before, after: await textOf(selector) };
}

// ---- the steps

if (!STANDIN) {
  await step('admin creates the test accounts (operator, commander of Bhopal, responder)', createAccountsThroughAdmin);
}

await step('an anonymous visitor is sent to the login page', async () => {
  await page.goto(`${BASE}/`);
  await page.waitForURL(/\/login\?next=/);
  check(await page.isVisible('#login-form'), 'no login form');
  await shot('login');
});

await step('a wrong password is refused with a message', async () => {
  await page.fill('#username', accounts.operator.username);
  await page.fill('#password', 'wrong-password');
  await page.click('#login-submit');
  await page.waitForFunction(() => document.querySelector('#login-error').textContent.trim().length > 0);
});

await step('the operator signs in and sees the map with every Madhya Pradesh district (52)', async () => {
  await signIn('operator');
  check(new URL(page.url()).pathname === '/', `landed on ${page.url()}`);
  await mapReady(52);
  const codes = await page.$$eval('#map path.district', (ps) => ps.map((p) => p.dataset.code));
  check(new Set(codes).size === 52 && codes.every(Boolean), `district codes: ${codes.length} unique ${new Set(codes).size}`);
  check(codes.includes(BHOPAL), 'Bhopal (396) is not on the map');
  if (STANDIN) {
    // colours come with the live snapshot, right after the map is drawn
    await page.waitForFunction(() => {
      const statuses = [...document.querySelectorAll('#map path.district')].map((p) => p.dataset.status);
      return ['CRITICAL', 'LOW', 'OK', 'none'].every((s) => statuses.includes(s));
    });
  }
});

await step('the wall screen fits 1920×1080 without scrolling and shows the headline counters', async () => {
  const size = await page.evaluate(() => ({
    h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth, vh: innerHeight, vw: innerWidth,
  }));
  check(size.h <= size.vh && size.w <= size.vw, `page is ${size.w}×${size.h} in a ${size.vw}×${size.vh} window`);
  await page.waitForFunction(() => ['calls', 'tickets', 'breaches', 'critical', 'alerts', 'workers']
    .every((id) => document.getElementById(`v-${id}`).textContent.trim() !== '—'));
  await page.waitForFunction(() => document.querySelectorAll('#lines .bar').length > 0);
  await page.waitForFunction(() => document.querySelectorAll('#ratings-worst li').length > 0);
  await page.waitForSelector('#ticker .item[data-alert]');
  const ticker = await page.evaluate(() => {
    const track = document.getElementById('ticker');
    const box = track.querySelector('.item').getBoundingClientRect();
    const wrap = track.parentElement.getBoundingClientRect();
    return { still: track.classList.contains('still'), sw: track.scrollWidth, cw: track.parentElement.clientWidth,
      left: box.left, wrapLeft: wrap.left, wrapRight: wrap.right };
  });
  check(ticker.left >= ticker.wrapLeft && ticker.left < ticker.wrapRight - 50,
    `the alert ticker does not show its first alert: ${JSON.stringify(ticker)}`);
  await page.waitForTimeout(400); // let the colour transition finish before the picture
  await shot('wall');
});

await step(`a count changes on the wall within ${LIVE_LIMIT_MS} ms of an event`, async () => {
  let change;
  if (STANDIN) {
    change = await timeUntilTextChanges('#v-tickets', () => push('backlogs', `${BHOPAL}|food`, {
      district: BHOPAL, department: 'food', open: 40, oldestOpenSince: nowIso(), slaBreaches: 9,
      openedLastHour: 30, resolvedLastHour: 0, unknownResolves: 0,
    }));
  } else {
    const id = randomUUID();
    change = await timeUntilTextChanges('#v-tickets', () => ingest('calls', {
      id, kind: 'ticket', ticket: `bt-${id}`, district: BHOPAL, department: 'food', category: 'ration',
      event: 'opened', at: nowIso(), priority: 'urgent', note: 'browser test',
    }));
  }
  console.log(`    open complaints ${change.before} → ${change.after} in ${change.ms} ms`);
  check(change.ms <= LIVE_LIMIT_MS, `took ${change.ms} ms`);
});

await step('a district turns red on the map when its shortage becomes critical', async () => {
  const code = await page.$eval('#map path.district[data-status="OK"]', (p) => p.dataset.code);
  const started = Date.now();
  await push('shortages', `${code}|ration`, {
    district: code, commodity: 'ration', stock: 10, dailyNeed: 100, daysOfCover: 0.1, status: 'CRITICAL',
    signalsLastHour: 4, asOf: nowIso(), inTransit: 0, unit: 'kg', burnRatePerDay: 100, predictedStockOutAt: nowIso(), reportId: 'bt',
  });
  await page.waitForFunction((c) => document.querySelector(`#map path[data-code="${c}"]`).dataset.status === 'CRITICAL', code);
  check(Date.now() - started <= LIVE_LIMIT_MS, `took ${Date.now() - started} ms`);
}, { only: 'standin' });

await step('Hindi: the toggle relabels the page in Devanagari and is remembered', async () => {
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'hi');
  const label = await textOf('#c-tickets .label');
  check(/[\u0900-\u097F]/.test(label), `label not in Devanagari: ${label}`);
  await page.reload();
  await mapReady(52);
  check(await page.evaluate(() => document.documentElement.lang) === 'hi', 'language not remembered');
  const mapLabel = await page.$eval(`#map path[data-code="${BHOPAL}"] title`, (t) => t.textContent);
  check(mapLabel.includes('भोपाल'), `map label ${mapLabel}`);
  await page.waitForFunction(() => document.getElementById('v-workers').textContent.trim() !== '—');
  await page.waitForTimeout(400); // let the colour transition finish before the picture
  await shot('wall-hi');
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
});

await step('a lost connection shows the banner, and the page reconnects and resubscribes by itself', async () => {
  await http('POST', `${BASE}/test/drop-sockets?pauseMs=3500`);
  await page.waitForSelector('#conn-banner', { state: 'visible', timeout: 8000 });
  await shot('wall-disconnected');
  await page.waitForSelector('#conn-banner', { state: 'hidden', timeout: 30000 });
  const change = await timeUntilTextChanges('#v-alerts', () => push('alerts', 'rule|bt|1', {
    id: 'rule|bt|1', rule: 'citizen-signals', district: BHOPAL, commodity: 'water', severity: 'high', state: 'active',
    raisedAt: nowIso(), subject: `${BHOPAL}|water`, level: 1, value: 12, threshold: 10, message: 'water complaints', repeats: 0,
  }));
  check(change.ms <= LIVE_LIMIT_MS, `after reconnecting an update took ${change.ms} ms`);
}, { only: 'standin' });

await step('kiosk mode hides navigation and rotates to the next state (Bihar, 38 districts)', async () => {
  await page.goto(`${BASE}/?kiosk=1&interval=5`);
  await mapReady(52);
  check(await page.evaluate(() => document.body.classList.contains('kiosk')), 'not in kiosk mode');
  await page.waitForFunction(() => document.getElementById('map').dataset.state === '10', null, { timeout: 12000 });
  await mapReady(38);
  await shot('wall-kiosk-bihar');
});

await step('clicking a district opens its page with commodities, complaints, trend and rating', async () => {
  await page.goto(`${BASE}/`);
  await mapReady(52);
  await Promise.all([page.waitForURL(new RegExp(`/district/${BHOPAL}$`)), page.click(`#map path[data-code="${BHOPAL}"]`)]);
  await page.waitForSelector('#commodities tbody tr[data-commodity]');
  await page.waitForSelector('#backlogs tbody tr[data-department]');
  check((await textOf('#district-name')) === 'Bhopal', `name ${await textOf('#district-name')}`);
  await page.waitForFunction(() => document.getElementById('trend-chart').naturalWidth === 900);
  if (STANDIN) {
    const medicine = await textOf('#commodities tr[data-commodity="medicine"] .pill');
    check(medicine === 'Critical', `medicine status ${medicine}`);
    await page.waitForFunction(() => document.getElementById('district-stars').textContent.includes('★'));
  }
  await page.waitForSelector('#messages li');
  await shot('district', true);
});

async function assertScriptInert(listSelector, marker) {
  await page.waitForFunction(([sel, m]) => [...document.querySelectorAll(`${sel} .text`)]
    .some((n) => n.textContent.includes(m)), [listSelector, marker], { timeout: STANDIN ? 5000 : 30000 });
  const state = await page.evaluate((sel) => ({
    xss: window.__xss, scripts: document.querySelectorAll(`${sel} script`).length,
    images: document.querySelectorAll(`${sel} img`).length,
  }), listSelector);
  check(state.xss === undefined, `script ran: window.__xss = ${state.xss}`);
  check(state.scripts === 0 && state.images === 0, `markup was parsed: ${JSON.stringify(state)}`);
}

let scriptMarker = '<script>window.__xss=1</script>';
if (!STANDIN) {
  await step('a citizen message containing <script> is sent through ingest', async () => {
    const id = randomUUID();
    scriptMarker = `<script>window.__xss=1</script> bt-${id.slice(0, 8)}`;
    await ingest('messages', {
      id, channel: 'whatsapp', from: '+919800000001', text: `${scriptMarker} भोपाल में दवा नहीं <img src=x onerror="window.__xss=2">`,
      at: nowIso(), district: BHOPAL, language: 'hi',
    });
  });
}

await step('a message containing <script> is shown as text and never runs (district page and search)', async () => {
  if (!STANDIN) {
    await page.fill('#message-q', scriptMarker.split(' ').pop());
    await page.click('#message-search button[type=submit]');
  }
  await assertScriptInert('#messages', scriptMarker);
  await page.goto(`${BASE}/search?q=${encodeURIComponent(STANDIN ? 'medicine' : scriptMarker.split(' ').pop())}`);
  await assertScriptInert('#results', scriptMarker);
  check(await page.$$eval('#results mark', (m) => m.length) > 0, 'query words are not marked');
  await shot('search');
});

await step('the workers page shows five distributions, verification progress and a masked registry search', async () => {
  await page.goto(`${BASE}/workers`);
  await page.waitForFunction(() => document.querySelectorAll('#distributions section[data-by]').length === 5);
  await page.waitForFunction(() => document.getElementById('w-total').textContent.trim() !== '—');
  await page.click('#worker-search button[type=submit]');
  await page.waitForSelector('#worker-results tbody tr');
  check(await page.isVisible('#w-masked'), 'no masking notice for the operator');
  await shot('workers', true);
});

await step('the situation report shows the day\'s figures and server-rendered charts, printable', async () => {
  await page.goto(`${BASE}/report`);
  await page.waitForFunction(() => document.querySelectorAll('#figures .counter').length >= 6);
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('#charts img')];
    return imgs.length >= 4 && imgs.every((i) => i.complete && i.naturalWidth === 800);
  }, null, { timeout: 30000 });
  await shot('report', true);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('#charts img')];
    return imgs.length >= 4 && imgs.every((i) => i.src.includes('lang=hi') && i.complete && i.naturalWidth === 800);
  }, null, { timeout: 30000 });
  await shot('report-hi', true);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.emulateMedia({ media: 'print' });
  check(!(await page.isVisible('header.top')), 'the header is printed');
  await page.emulateMedia({ media: 'screen' });
});

if (!STANDIN) {
  await step('a critical shortage is reported through ingest (to raise an alert)', async () => {
    await ingest('reports', {
      id: randomUUID(), district: BHOPAL, at: nowIso(),
      items: [{ commodity: 'medicine', stock: 1, dailyNeed: 1000, unit: 'strips' }],
    });
  });
}

await step('a responder gets a cue for a new alert and acknowledges an alert with a comment', async () => {
  await signIn('responder');
  await page.goto(`${BASE}/alerts`);
  const card = 'article[data-state="active"]';
  await page.waitForSelector(card, { timeout: STANDIN ? 10000 : 60000 });
  if (STANDIN) {
    await push('alerts', 'shortage-critical|396|ration|1', {
      id: 'shortage-critical|396|ration|1', rule: 'shortage-critical', district: BHOPAL, commodity: 'ration',
      severity: 'critical', state: 'active', raisedAt: nowIso(), subject: `${BHOPAL}|ration`, level: 1, value: 0.2,
      threshold: 1, message: 'ration cover 0.2 days', repeats: 0,
    });
    await page.waitForSelector('#new-alert', { state: 'visible', timeout: 3000 });
  }
  const id = await page.$eval(card, (a) => a.dataset.alertId);
  const selector = `article[data-alert-id="${id.replace(/"/g, '\\"')}"]`;
  await page.click(`${selector} button.ack`);
  await page.fill(`${selector} .ack-comment`, 'Stock moved from Sehore depot; PHC restocked by 18:00');
  await shot('alerts-ack', true);
  await page.click(`${selector} .ack-form button[type=submit]`);
  await page.waitForSelector(`${selector}[data-state="acknowledged"]`);
  await page.selectOption('#f-state', 'acknowledged');
  await page.waitForSelector(`${selector}`);
  await shot('alerts', true);
});

await step('a district commander sees only their own district, and another district\'s page is refused', async () => {
  await signIn('commander');
  await page.goto(`${BASE}/`);
  await mapReady(52);
  const outside = await page.$$eval('#map path.district.outside', (ps) => ps.length);
  check(outside === 51, `${outside} districts shown outside scope (want 51)`);
  check(await page.$eval(`#map path[data-code="${BHOPAL}"]`, (p) => !p.classList.contains('outside')), 'own district greyed out');
  await page.click('#map path[data-code="427"]');
  await page.waitForTimeout(300);
  check(new URL(page.url()).pathname === '/', 'clicking another district navigated');
  const refused = await page.goto(`${BASE}/district/427`);
  check(refused.status() === 403, `/district/427 answered ${refused.status()}`);
  const report = await page.goto(`${BASE}/api/v1/report?district=427`);
  check(report.status() === 403, `/api/v1/report?district=427 answered ${report.status()}`);
  await page.goto(`${BASE}/`);
  await mapReady(52);
  await page.waitForTimeout(400); // let the colour transition finish before the picture
  await shot('wall-commander');
});

await step('the admin page lists users and shows audit entries as plain text', async () => {
  await signIn('admin');
  await page.goto(`${BASE}/admin`);
  await page.waitForSelector('#users tbody tr');
  if (STANDIN) {
    await page.waitForFunction(() => [...document.querySelectorAll('#audit td')].some((td) => td.textContent === '<b>not bold</b>'));
    check(await page.$$eval('#audit b', (b) => b.length) === 0, 'audit detail was parsed as HTML');
  }
  await shot('admin', true);
});

await step('every label exists in both English and Hindi', async () => {
  const missing = await page.evaluate(async () => {
    const { DICTIONARIES } = await import('/assets/i18n.js');
    const en = Object.keys(DICTIONARIES.en);
    const hi = Object.keys(DICTIONARIES.hi);
    return { noHindi: en.filter((k) => !hi.includes(k)), noEnglish: hi.filter((k) => !en.includes(k)),
      notDevanagari: hi.filter((k) => !/[\u0900-\u097F]/.test(DICTIONARIES.hi[k]) && !/^(lang\.toggle|line\.|wall\.credit)/.test(k)) };
  });
  check(!missing.noHindi.length && !missing.noEnglish.length, JSON.stringify(missing));
  check(!missing.notDevanagari.length, `Hindi labels without Devanagari: ${missing.notDevanagari.join(', ')}`);
});

await step('no page logged a Content-Security-Policy violation or an uncaught error', async () => {
  check(problems.length === 0, problems.join('\n'));
});

await context.close();
rmSync(profile, { recursive: true, force: true });
const failed = results.filter((r) => r.status === 'failed');
console.log(`\n${results.filter((r) => r.status === 'passed').length} passed, ${failed.length} failed, `
  + `${results.filter((r) => r.status === 'skipped').length} skipped; screenshots in ${SHOTS}`);
process.exit(failed.length ? 1 : 0);
