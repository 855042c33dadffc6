// One reading of a district's rating and its shortage figures for every page (wall, district page, report), so that
// they cannot disagree. The rules are computed by streams and documented in docs/RATING.md and docs/TOPICS.md.

/** Something is wrong now, or 3 stars or fewer (DistrictRating.needsAttention; older records: 3 stars or fewer). */
export function needsAttention(r) {
  return typeof r.needsAttention === 'boolean' ? r.needsAttention : r.stars <= 3;
}

/**
 * Worst first, as DistrictRating.WORST_FIRST: fewer stars; the stricter cap; more CRITICAL shortages, SLA breaches,
 * overdue directives, LOW shortages, stale reports; the lower score; the district code.
 */
export function worstFirst(a, b) {
  return a.stars - b.stars
    || (a.maxStars ?? 5) - (b.maxStars ?? 5)
    || (b.criticalShortages || 0) - (a.criticalShortages || 0)
    || (b.slaBreaches || 0) - (a.slaBreaches || 0)
    || (b.directivesOverdue || 0) - (a.directivesOverdue || 0)
    || (b.lowShortages || 0) - (a.lowShortages || 0)
    || (b.commoditiesStale || 0) - (a.commoditiesStale || 0)
    || a.score - b.score
    || String(a.district).localeCompare(String(b.district));
}

/** Best first: more stars, the higher score, the district code. */
export function bestFirst(a, b) {
  return b.stars - a.stars || b.score - a.score || String(a.district).localeCompare(String(b.district));
}

/**
 * The one rule of "stale": a commodity the district has reported whose latest report is older than
 * shortage.stale.after (status STALE with an asOf). A commodity never reported (citizen signals only: STALE without
 * an asOf) is "no report", not stale: it neither colours the map nor counts in the legend, the rating or the report.
 */
export function reported(s) {
  return s.asOf !== null && s.asOf !== undefined;
}

/** The status a commodity is shown with: its own once reported, else null ("No report", never "Stale report"). */
export function shownStatus(s) {
  return reported(s) ? s.status : null;
}
