package org.warroom.contracts.result;

/**
 * A district's performance rating, 1–5 stars. Topic {@code warroom.ratings} (compacted), keyed by {@link #district()}.
 * Formula (see {@code docs/RATING.md}): {@code score = wSla·slaCompliance + wReport·reportTimeliness +
 * wShortage·shortageResolution} (weights 0.4 / 0.3 / 0.3 by default, normalised to sum 1), {@code stars = 1 +
 * round(4·score)}; each part lies in [0, 1].
 *
 * @param slaCompliance        share of the district's open tickets still within their SLA (1 when none is open)
 * @param reportTimeliness     share of the district's reported commodities that are not STALE (1 when none known)
 * @param shortageResolution   {@code max(0, 1 − meanResolutionHours ÷ target)} (1 when no shortage episode yet)
 * @param meanResolutionHours  mean duration of the district's shortage episodes (LOW/CRITICAL until OK again),
 *                             ongoing ones counted with their age so far; null when there was none
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
        int shortageEpisodes) {
}
