package org.warroom.contracts.result;

import java.util.Comparator;

/**
 * A district's performance rating, 1–5 stars. Topic {@code warroom.ratings} (compacted), keyed by {@link #district()}.
 * Formula (see {@code docs/RATING.md}): {@code score = wSla·slaCompliance + wReport·reportTimeliness +
 * wShortage·shortageResolution} (weights 0.4 / 0.3 / 0.3 by default, normalised to sum 1), {@code stars = 1 +
 * round(4·score)}, then capped by the district's state now ({@link #maxStars()}): at most 2 with a CRITICAL shortage,
 * 3 with an SLA breach or an overdue directive, 4 with a LOW shortage or a stale report; each part lies in [0, 1].
 *
 * @param slaCompliance        share of the district's open tickets still within their SLA (1 when none is open)
 * @param reportTimeliness     share of the district's reported commodities whose report is not stale (1 when none
 *                             reported); stale = the latest report older than {@code shortage.stale.after}
 * @param shortageResolution   {@code max(0, 1 − meanResolutionHours ÷ target)} (1 when no shortage episode yet)
 * @param meanResolutionHours  mean duration of the district's shortage episodes (LOW/CRITICAL until OK again),
 *                             ongoing ones counted with their age so far; null when there was none
 * @param criticalShortages    commodities CRITICAL now
 * @param lowShortages         commodities LOW now
 * @param maxStars             the most stars the district's state now allows (5 when nothing is wrong now)
 * @param limitedBy            why {@link #maxStars()} is below 5: {@code critical-shortage}, {@code sla-breach},
 *                             {@code low-shortage} or {@code stale-report} (the strictest); null when nothing is wrong now
 * @param directivesOverdue    the district's directives past their deadline now, neither closed nor accepted: any caps
 *                             the stars at 3 ({@code overdue-directive})
 * @param directivesDue        the district's directives that were due: closed or accepted, or past their deadline
 * @param directivesLate       of those, the ones overdue now or closed after their deadline
 * @param directivesOnTime     (due − late) ÷ due, two decimals; 1 when none was due. Shown with the parts, not in the
 *                             score (docs/RATING.md: directives count through the cap)
 * @param citizenRatings       how many of the district's complaints their citizens rated (1–5, after resolution;
 *                             docs/COMPLAINTS.md), all time
 * @param citizenRatingMean    the mean of those ratings, two decimals; null when none
 * @param citizenSatisfaction  (mean − 1) ÷ 4, two decimals, a part in [0, 1]; null when none. Shown with the parts,
 *                             not in the score (docs/RATING.md)
 * @param needsAttention       something is wrong now (a shortage, an SLA breach, a stale report, an overdue
 *                             directive) or 3 stars or fewer:
 *                             the wall's "Needs attention" and the report's "Districts needing attention" list exactly
 *                             these, in {@link #WORST_FIRST} order
 */
public record DistrictRating(
        String district,
        int stars,
        double score,
        double slaCompliance,
        double reportTimeliness,
        double shortageResolution,
        Double meanResolutionHours,
        int openTickets,
        int slaBreaches,
        int commoditiesReported,
        int commoditiesStale,
        int shortageEpisodes,
        int criticalShortages,
        int lowShortages,
        int maxStars,
        String limitedBy,
        boolean needsAttention,
        int directivesOverdue,
        int directivesDue,
        int directivesLate,
        double directivesOnTime,
        int citizenRatings,
        Double citizenRatingMean,
        Double citizenSatisfaction) {

    public static final String LIMITED_BY_CRITICAL = "critical-shortage";
    public static final String LIMITED_BY_BREACH = "sla-breach";
    public static final String LIMITED_BY_LOW = "low-shortage";
    public static final String LIMITED_BY_STALE = "stale-report";
    /** The district has reported no commodity at all: no better than one whose reports went stale. */
    public static final String LIMITED_BY_NO_REPORT = "no-report";
    /** A directive to the district is past its deadline, neither closed nor accepted: at most 3 stars. */
    public static final String LIMITED_BY_OVERDUE_DIRECTIVE = "overdue-directive";

    /** Nothing due yet reads as all on time (a record written before the directive fields existed too). */
    public DistrictRating {
        if (directivesDue == 0) {
            directivesOnTime = 1.0;
        }
    }

    /** A rating without citizen ratings (records written before they existed read the same way). */
    public DistrictRating(String district, int stars, double score, double slaCompliance, double reportTimeliness,
                          double shortageResolution, Double meanResolutionHours, int openTickets, int slaBreaches,
                          int commoditiesReported, int commoditiesStale, int shortageEpisodes, int criticalShortages,
                          int lowShortages, int maxStars, String limitedBy, boolean needsAttention,
                          int directivesOverdue, int directivesDue, int directivesLate, double directivesOnTime) {
        this(district, stars, score, slaCompliance, reportTimeliness, shortageResolution, meanResolutionHours,
                openTickets, slaBreaches, commoditiesReported, commoditiesStale, shortageEpisodes, criticalShortages,
                lowShortages, maxStars, limitedBy, needsAttention, directivesOverdue, directivesDue, directivesLate,
                directivesOnTime, 0, null, null);
    }

    /** A rating without the directive fields: no directive due (records written before they existed read the same way). */
    public DistrictRating(String district, int stars, double score, double slaCompliance, double reportTimeliness,
                          double shortageResolution, Double meanResolutionHours, int openTickets, int slaBreaches,
                          int commoditiesReported, int commoditiesStale, int shortageEpisodes, int criticalShortages,
                          int lowShortages, int maxStars, String limitedBy, boolean needsAttention) {
        this(district, stars, score, slaCompliance, reportTimeliness, shortageResolution, meanResolutionHours,
                openTickets, slaBreaches, commoditiesReported, commoditiesStale, shortageEpisodes, criticalShortages,
                lowShortages, maxStars, limitedBy, needsAttention, 0, 0, 0, 1.0, 0, null, null);
    }

    /**
     * Worst first: fewer stars; then the stricter cap; then more CRITICAL shortages, more SLA breaches, more overdue
     * directives, more LOW shortages, more stale reports; then the lower score; then the district code. (The pages sort the same way.)
     */
    public static final Comparator<DistrictRating> WORST_FIRST = Comparator.comparingInt(DistrictRating::stars)
            .thenComparingInt(DistrictRating::maxStars)
            .thenComparing(Comparator.comparingInt(DistrictRating::criticalShortages).reversed())
            .thenComparing(Comparator.comparingInt(DistrictRating::slaBreaches).reversed())
            .thenComparing(Comparator.comparingInt(DistrictRating::directivesOverdue).reversed())
            .thenComparing(Comparator.comparingInt(DistrictRating::lowShortages).reversed())
            .thenComparing(Comparator.comparingInt(DistrictRating::commoditiesStale).reversed())
            .thenComparingDouble(DistrictRating::score)
            .thenComparing(DistrictRating::district, Comparator.nullsLast(Comparator.naturalOrder()));

    /** A rating without the state-now fields (records written before they existed read the same way). */
    public DistrictRating(String district, int stars, double score, double slaCompliance, double reportTimeliness,
                          double shortageResolution, Double meanResolutionHours, int openTickets, int slaBreaches,
                          int commoditiesReported, int commoditiesStale, int shortageEpisodes) {
        this(district, stars, score, slaCompliance, reportTimeliness, shortageResolution, meanResolutionHours,
                openTickets, slaBreaches, commoditiesReported, commoditiesStale, shortageEpisodes, 0, 0, 5, null,
                stars <= 3);
    }
}
