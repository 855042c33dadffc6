// Issue 18, item 3: scenarios in the screen's own words, through the whole pipeline. Each scenario sends raw events
// through the ingest service (INGEST_URL, INGEST_KEY) about districts nothing else in the browser run touches
// (Rajasthan's, and Kerala's for a moving worker), and reads what the screens read — the dashboard's API as admin
// (BASE_URL, ADMIN_PASSWORD) — until the hand-computed figures written here show, or fails at a deadline naming the
// last answer. Run by `bin/lib/e2e run` after the browser steps and before `bin/warroom verify`, so verify recomputes
// these events too. Defaults of docs/TOPICS.md: stale after 26 h; ration LOW < 5 days, CRITICAL < 2; medicine LOW < 7,
// CRITICAL < 3; water LOW < 2; SLA health 1 h, medicine 4 h, others 24 h; the hour's counts over 1 h.
import { randomUUID } from 'node:crypto';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const INGEST_URL = (process.env.INGEST_URL || 'http://127.0.0.1:8081').replace(/\/$/, '');
const INGEST_KEY = process.env.INGEST_KEY || '';
const DEADLINE_MS = Number(process.env.SCENARIO_DEADLINE_MS || 90000);
const HOUR = 3600 * 1000;
const MINUTE = 60 * 1000;

const results = [];

async function http(method, url, body, headers = {}) {
  const response = await fetch(url, {
    method, headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const session = await http('POST', `${BASE}/api/v1/session`, {
  username: process.env.ADMIN_USER || 'admin', password: process.env.ADMIN_PASSWORD,
});
const asAdmin = { Authorization: `Bearer ${session.token}` };
const api = (path) => http('GET', `${BASE}/api/v1/${path}`, undefined, asAdmin);
const ingest = (feed, event) => http('POST', `${INGEST_URL}/v1/${feed}`, event, { Authorization: `Bearer ${INGEST_KEY}` });

/** A moment {@code ago} ms before {@code base} (a shared "now" per scenario), as ISO-8601. */
const iso = (base, ago = 0) => new Date(base - ago).toISOString();

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Retries {@code read} (which throws while the screens do not say it yet) until it passes or the deadline. */
async function until(read) {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    try {
      return await read();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function scenario(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`✓ ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`✗ ${name}\n    ${String(e && e.message ? e.message : e).split('\n').join('\n    ')}`);
  }
}

const report = (district, at, commodity, stock, dailyNeed, unit = 'units') => ingest('reports', {
  id: randomUUID(), district, at, items: [{ commodity, stock, dailyNeed, unit }],
});

const ticketStep = (ticket, district, department, category, event, at) => ingest('calls', {
  id: randomUUID(), kind: 'ticket', ticket, district, department, category, event, at, priority: 'normal',
});

const district = (code) => api(`districts/${code}`);
const shortageOf = (page, commodity) => page.shortages.find((s) => s.commodity === commodity);
const backlogOf = (page, department) => page.backlogs.find((b) => b.department === department);
const same = (a, b) => new Date(a).getTime() === new Date(b).getTime();

await scenario('a correction (Ajmer, ration 1,000 then 150, daily need 100): 1.5 days, Critical on the map, at most 2 stars, burn rate not enough data', async () => {
  const now = Date.now();
  await report('86', iso(now, 2 * HOUR), 'ration', 1000, 100, 'kg');
  await report('86', iso(now, HOUR), 'ration', 150, 100, 'kg');
  await until(async () => {
    const page = await district('86');
    const ration = shortageOf(page, 'ration');
    check(ration && ration.stock === 150 && ration.dailyNeed === 100 && ration.daysOfCover === 1.5
      && ration.status === 'CRITICAL', `Ajmer's ration: ${JSON.stringify(ration)}`);
    check(ration.burnRatePerDay == null && ration.predictedStockOutAt == null, `burn rate from two reports: ${JSON.stringify(ration)}`);
    check(page.rating && page.rating.stars === 2 && page.rating.limitedBy === 'critical-shortage'
      && page.rating.needsAttention === true, `Ajmer's rating: ${JSON.stringify(page.rating)}`);
    const overview = await api('overview');
    check(overview.worstByDistrict['86'] === 'CRITICAL', `Ajmer on the map: ${overview.worstByDistrict['86']}`);
  });
});

await scenario('a late, older report does not overwrite a newer one (Alwar, water 500 at −1 h, then 50 at −3 h): 5 days, OK, 5 stars', async () => {
  const now = Date.now();
  await report('87', iso(now, HOUR), 'water', 500, 100, 'kl');
  await report('87', iso(now, 3 * HOUR), 'water', 50, 100, 'kl');
  await until(async () => {
    const page = await district('87');
    const water = shortageOf(page, 'water');
    check(water && water.stock === 500 && water.daysOfCover === 5 && water.status === 'OK'
      && same(water.asOf, iso(now, HOUR)), `Alwar's water: ${JSON.stringify(water)}`);
    check(page.rating && page.rating.stars === 5 && page.rating.needsAttention === false,
      `Alwar's rating: ${JSON.stringify(page.rating)}`);
    const overview = await api('overview');
    check(overview.worstByDistrict['87'] === 'OK', `Alwar on the map: ${overview.worstByDistrict['87']}`);
  });
});

await scenario('a report 30 hours old (Banswara, ration 10 days): Stale report on the map and the page, 0 % timeliness, at most 4 stars', async () => {
  const now = Date.now();
  await report('88', iso(now, 30 * HOUR), 'ration', 500, 50, 'kg');
  await until(async () => {
    const page = await district('88');
    const ration = shortageOf(page, 'ration');
    check(ration && ration.status === 'STALE' && ration.stock === 500 && ration.daysOfCover === 10,
      `Banswara's ration: ${JSON.stringify(ration)}`);
    check(page.rating && page.rating.reportTimeliness === 0 && page.rating.limitedBy === 'stale-report'
      && page.rating.stars <= 4, `Banswara's rating: ${JSON.stringify(page.rating)}`);
    const overview = await api('overview');
    check(overview.worstByDistrict['88'] === 'STALE', `Banswara on the map: ${overview.worstByDistrict['88']}`);
  });
});

await scenario('a district that never reports (Baran, two messages about LPG, one sent twice): No report, 2 signals, not coloured, at most 4 stars', async () => {
  const now = Date.now();
  const twice = randomUUID();
  const message = (id, text) => ingest('messages', {
    id, channel: 'sms', from: '+919800000101', text, at: iso(now, 5 * MINUTE), district: '89', language: 'hi',
  });
  await message(twice, 'Baran mein LPG cylinder nahi mil raha');
  await message(twice, 'Baran mein LPG cylinder nahi mil raha');
  await message(randomUUID(), 'बारां में गैस सिलेंडर नहीं मिल रहा, LPG khatam');
  await until(async () => {
    const page = await district('89');
    const lpg = shortageOf(page, 'lpg');
    check(lpg && lpg.signalsLastHour === 2 && lpg.stock == null && lpg.daysOfCover == null,
      `Baran's LPG: ${JSON.stringify(lpg)}`);
    check(page.rating && page.rating.reportTimeliness === 1 && page.rating.limitedBy === 'no-report'
      && page.rating.stars === 4 && page.rating.needsAttention === true, `Baran's rating: ${JSON.stringify(page.rating)}`);
    const overview = await api('overview');
    check(!('89' in overview.worstByDistrict), `Baran coloured ${overview.worstByDistrict['89']} with no report`);
  });
});

await scenario('a complaint reopened 65 minutes ago (Barmer, health, SLA 1 h): 1 open since the reopening, 1 past its SLA, 0 opened in the last hour, at most 3 stars', async () => {
  const now = Date.now();
  const ticket = `sc-${randomUUID()}`;
  await ticketStep(ticket, '90', 'health', 'health', 'opened', iso(now, 3 * HOUR));
  await ticketStep(ticket, '90', 'health', 'health', 'resolved', iso(now, 2 * HOUR + 50 * MINUTE));
  await ticketStep(ticket, '90', 'health', 'health', 'reopened', iso(now, 65 * MINUTE));
  await until(async () => {
    const page = await district('90');
    const health = backlogOf(page, 'health');
    check(health && health.open === 1 && same(health.oldestOpenSince, iso(now, 65 * MINUTE)) && health.slaBreaches === 1
      && health.openedLastHour === 0 && health.resolvedLastHour === 0, `Barmer's health desk: ${JSON.stringify(health)}`);
    check(page.rating && page.rating.stars <= 3 && page.rating.limitedBy === 'sla-breach' && page.rating.needsAttention,
      `Barmer's rating: ${JSON.stringify(page.rating)}`);
  });
});

await scenario('a complaint opened, resolved and reopened within the hour (Bharatpur, ration): 1 open, 1 opened and 1 resolved in the last hour, no breach', async () => {
  const now = Date.now();
  const ticket = `sc-${randomUUID()}`;
  await ticketStep(ticket, '91', 'food', 'ration', 'opened', iso(now, 50 * MINUTE));
  await ticketStep(ticket, '91', 'food', 'ration', 'resolved', iso(now, 40 * MINUTE));
  await ticketStep(ticket, '91', 'food', 'ration', 'reopened', iso(now, 20 * MINUTE));
  await until(async () => {
    const food = backlogOf(await district('91'), 'food');
    check(food && food.open === 1 && same(food.oldestOpenSince, iso(now, 20 * MINUTE)) && food.slaBreaches === 0
      && food.openedLastHour === 1 && food.resolvedLastHour === 1, `Bharatpur's food desk: ${JSON.stringify(food)}`);
  });
});

await scenario('SLA by category (Bhilwara, two complaints opened 5 hours ago): medicine (4 h) breached, ration (24 h) not; 2 open, 1 breach in the rating', async () => {
  const now = Date.now();
  await ticketStep(`sc-${randomUUID()}`, '92', 'health', 'medicine', 'opened', iso(now, 5 * HOUR));
  await ticketStep(`sc-${randomUUID()}`, '92', 'food', 'ration', 'opened', iso(now, 5 * HOUR));
  await until(async () => {
    const page = await district('92');
    const health = backlogOf(page, 'health');
    const food = backlogOf(page, 'food');
    check(health && health.open === 1 && health.slaBreaches === 1, `Bhilwara's health desk: ${JSON.stringify(health)}`);
    check(food && food.open === 1 && food.slaBreaches === 0, `Bhilwara's food desk: ${JSON.stringify(food)}`);
    check(page.rating && page.rating.openTickets === 2 && page.rating.slaBreaches === 1 && page.rating.stars <= 3,
      `Bhilwara's rating: ${JSON.stringify(page.rating)}`);
  });
});

await scenario('a worker moving twice (Ernakulam → Kozhikode → Wayanad, from Bikaner): counted once, in Wayanad; Ernakulam and Kozhikode as before', async () => {
  const [before555, before561, before567, before93] = await Promise.all(['555', '561', '567', '93'].map(district));
  const id = `sc-w-${randomUUID().slice(0, 8)}`;
  const name = `Scenario Mover ${id.slice(5)}`;
  const record = (currentDistrict) => ingest('workers', {
    id, name, phone: '+919811100001', homeDistrict: '93', skills: ['mason'], status: 'working',
    currentState: 'Kerala', currentDistrict, source: 'registry',
  });
  await record('555');
  await record('561');
  await record('567');
  await until(async () => {
    const found = await api(`workers/search?q=${encodeURIComponent(name)}`);
    check(found.total === 1 && found.items[0].currentDistrict === '567', `the worker found: ${JSON.stringify(found)}`);
    const [e, k, w, b] = await Promise.all(['555', '561', '567', '93'].map(district));
    check(e.workersInDistrict === before555.workersInDistrict && k.workersInDistrict === before561.workersInDistrict
      && w.workersInDistrict === before567.workersInDistrict + 1 && b.workersFromDistrict === before93.workersFromDistrict + 1,
    `workers in Ernakulam ${before555.workersInDistrict}→${e.workersInDistrict}, Kozhikode ${before561.workersInDistrict}→`
      + `${k.workersInDistrict}, Wayanad ${before567.workersInDistrict}→${w.workersInDistrict}; from Bikaner `
      + `${before93.workersFromDistrict}→${b.workersFromDistrict}`);
  });
});

await scenario('a burn rate from three reports a day apart (Bundi, ration 1,000 → 800 → 600, need 100): 200 a day, 6 days of cover, out of stock in 3 days', async () => {
  const last = Date.now() - MINUTE;
  await report('94', iso(last, 48 * HOUR), 'ration', 1000, 100, 'kg');
  await report('94', iso(last, 24 * HOUR), 'ration', 800, 100, 'kg');
  await report('94', iso(last), 'ration', 600, 100, 'kg');
  await until(async () => {
    const ration = shortageOf(await district('94'), 'ration');
    check(ration && ration.stock === 600 && ration.daysOfCover === 6 && ration.status === 'OK'
      && Math.abs(ration.burnRatePerDay - 200) < 1e-9, `Bundi's ration: ${JSON.stringify(ration)}`);
    check(same(ration.predictedStockOutAt, iso(last + 3 * 24 * HOUR)),
      `Bundi's predicted stock-out ${ration.predictedStockOutAt}, expected ${iso(last + 3 * 24 * HOUR)}`);
  });
});

await scenario('a critical alert names the district in both languages (Churu, medicine 10 for a need of 100): "Churu" and "चूरू", never its code', async () => {
  const now = Date.now();
  await report('96', iso(now, MINUTE), 'medicine', 10, 100, 'boxes');
  await until(async () => {
    const alerts = await api('alerts?district=96');
    const critical = (alerts.items || []).find((a) => a.rule === 'shortage-critical' && a.commodity === 'medicine');
    check(critical, `Churu's alerts: ${JSON.stringify(alerts.items)}`);
    check(critical.message.includes('Churu') && critical.messageHi.includes('चूरू'), `texts: ${critical.message} / ${critical.messageHi}`);
    check(!/\b96\b/.test(critical.message) && !/\b96\b/.test(critical.messageHi), `a code in: ${critical.message} / ${critical.messageHi}`);
    check(!/−0\.0|-0\.0/.test(critical.message + critical.messageHi), `a negative zero in: ${critical.message}`);
  });
});

await scenario('a message naming no district: unplaced messages of the hour on the wall +1, exactly', async () => {
  const before = (await api('overview')).unlocatedMessagesLastHour;
  await ingest('messages', {
    id: randomUUID(), channel: 'sms', from: '+919800000102', text: 'yahan paani nahi aa raha, kripya madad karein',
    at: new Date().toISOString(), language: 'hi',
  });
  await until(async () => {
    const after = (await api('overview')).unlocatedMessagesLastHour;
    check(after === before + 1, `unplaced messages of the hour ${before} → ${after}`);
  });
});

const failed = results.filter((r) => !r.ok);
console.log(`scenarios: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
