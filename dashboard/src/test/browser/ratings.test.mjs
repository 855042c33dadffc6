// The pages' reading of ratings and shortages (assets/ratings.js), without a browser: `node --test ratings.test.mjs`.
// Same cases as streams' RatingTopologyTest.shouldListDistrictsNeedingAttentionWorstFirst (DistrictRating.WORST_FIRST).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestFirst, needsAttention, reported, shownStatus, worstFirst } from '../../main/resources/webroot/assets/ratings.js';

const r = (district, stars, score, extra = {}) => ({
  district, stars, score, maxStars: 5, criticalShortages: 0, lowShortages: 0, slaBreaches: 0, commoditiesStale: 0,
  needsAttention: false, ...extra,
});

const ratings = [
  r('fine', 5, 1.0),
  r('low', 4, 0.99, { maxStars: 4, lowShortages: 1, limitedBy: 'low-shortage', needsAttention: true }),
  r('breach', 3, 0.98, { maxStars: 3, slaBreaches: 1, limitedBy: 'sla-breach', needsAttention: true }),
  r('critical', 2, 1.0, { maxStars: 2, criticalShortages: 1, limitedBy: 'critical-shortage', needsAttention: true }),
  r('two-critical', 2, 1.0, { maxStars: 2, criticalShortages: 2, limitedBy: 'critical-shortage', needsAttention: true }),
  r('stale', 4, 0.9, { maxStars: 4, commoditiesStale: 1, limitedBy: 'stale-report', needsAttention: true }),
];

test('"Needs attention" lists the districts that need it, worst first; "Best" the others', () => {
  assert.deepEqual(ratings.filter(needsAttention).sort(worstFirst).map((x) => x.district),
    ['two-critical', 'critical', 'breach', 'low', 'stale']);
  assert.deepEqual(ratings.filter((x) => !needsAttention(x)).sort(bestFirst).map((x) => x.district), ['fine']);
});

test('a rating written before needsAttention existed needs attention at 3 stars or fewer', () => {
  assert.equal(needsAttention({ district: 'x', stars: 3, score: 0.5 }), true);
  assert.equal(needsAttention({ district: 'x', stars: 5, score: 1 }), false);
});

test('a status from citizen signals alone is not a report (so not a stale report)', () => {
  assert.equal(reported({ status: 'STALE', asOf: null }), false);
  assert.equal(reported({ status: 'STALE', asOf: '2026-04-01T10:00:00+05:30' }), true);
});

test('a commodity known from messages alone shows "No report", never "Stale report"; a reported one its own status', () => {
  assert.equal(shownStatus({ status: 'STALE', asOf: null }), null);
  assert.equal(shownStatus({ status: 'STALE' }), null);
  assert.equal(shownStatus({ status: 'STALE', asOf: '2026-12-05T10:00:00+05:30' }), 'STALE');
  assert.equal(shownStatus({ status: 'CRITICAL', asOf: '2026-12-07T10:00:00+05:30' }), 'CRITICAL');
});
