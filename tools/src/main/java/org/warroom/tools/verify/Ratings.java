package org.warroom.tools.verify;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveState;
import org.warroom.contracts.directive.DirectiveStep;
import org.warroom.contracts.event.DistrictReport;

/**
 * District ratings recomputed by the formula of docs/RATING.md with its own arithmetic: SLA compliance, report
 * timeliness and shortage resolution, the score, the cap of the district's state now (CRITICAL 2, SLA breach 3, LOW 4,
 * overdue directive 3, stale report 4, no report at all 4), the stars, "directives on time" and citizen satisfaction. Time-dependent (staleness, SLA breaches, ongoing shortages): the
 * caller evaluates at both ends of its window.
 */
public record Ratings(double slaWeight, double reportWeight, double shortageWeight, Duration resolutionTarget) {

    public static Ratings defaults() {
        return from(Settings.ofKeys(Map.of()));
    }

    /** The same keys streams reads; the weights normalised to sum 1. */
    public static Ratings from(Settings s) {
        double sla = s.getDouble("rating.weight.sla", 0.4);
        double report = s.getDouble("rating.weight.report", 0.3);
        double shortage = s.getDouble("rating.weight.shortage", 0.3);
        double sum = sla + report + shortage;
        return new Ratings(sla / sum, report / sum, shortage / sum,
                s.getDuration("rating.resolution.target", Duration.ofHours(72)));
    }

    /** One district's rating as the screens show it. */
    public record Rating(int stars, double score, double slaCompliance, double reportTimeliness, double shortageResolution,
                         int openTickets, int slaBreaches, int commoditiesReported, int commoditiesStale,
                         int criticalShortages, int lowShortages, int maxStars, String limitedBy, boolean needsAttention,
                         int directivesOverdue, int directivesDue, int directivesLate, double directivesOnTime,
                         int citizenRatings, Double citizenRatingMean, Double citizenSatisfaction) {
    }

    /** The citizens' ratings of one district's complaints: how many, and their sum (docs/RATING.md). */
    public record CitizenCounts(int ratings, int stars) {
        public static final CitizenCounts NONE = new CitizenCounts(0, 0);

        public static CitizenCounts of(Iterable<Feeds.CitizenRating> ratings, String district) {
            int n = 0;
            int sum = 0;
            for (Feeds.CitizenRating r : ratings) {
                if (district.equals(r.district())) {
                    n++;
                    sum += r.stars();
                }
            }
            return new CitizenCounts(n, sum);
        }
    }

    /** Overdue, due and late directives of one district at {@code now} (docs/RATING.md). */
    public record DirectiveCounts(int overdue, int due, int late) {
        public static final DirectiveCounts NONE = new DirectiveCounts(0, 0, 0);

        /** Counted from the latest record of each directive to {@code district}. */
        public static DirectiveCounts of(Iterable<Directive> directives, String district, long now) {
            int overdue = 0;
            int due = 0;
            int late = 0;
            for (Directive d : directives) {
                if (d == null || d.deadline() == null || d.state() == null || !district.equals(d.district())) {
                    continue;
                }
                long deadline = d.deadline().toInstant().toEpochMilli();
                Long closed = closedAt(d);
                boolean isOverdue = closed == null && deadline < now;
                overdue += isOverdue ? 1 : 0;
                due += closed != null || deadline < now ? 1 : 0;
                late += isOverdue || closed != null && closed > deadline ? 1 : 0;
            }
            return new DirectiveCounts(overdue, due, late);
        }

        /** When a closed or accepted directive was last closed (its latest step to "closed"); null while open. */
        private static Long closedAt(Directive d) {
            if (d.state() != DirectiveState.CLOSED && d.state() != DirectiveState.ACCEPTED) {
                return null;
            }
            Long at = d.updatedAt() == null ? null : d.updatedAt().toInstant().toEpochMilli();
            for (DirectiveStep s : d.history()) {
                if (s.state() == DirectiveState.CLOSED && s.at() != null) {
                    at = s.at().toInstant().toEpochMilli();
                }
            }
            return at == null ? d.deadline().toInstant().toEpochMilli() : at;
        }
    }

    /** Shortage episodes of one district × commodity: ended ones (count, hours) and the start of an ongoing one. */
    static final class Episodes {
        int ended;
        double endedHours;
        Long since;
    }

    /**
     * Shortage episodes per {@code district|commodity}, from the reports in feed order (a late older or same-time
     * report ignored, as everywhere): one starts at the report that first shows LOW or CRITICAL, ends at the report
     * that shows OK again (report times). A report is graded by its days of cover as of its own time.
     */
    public static Map<String, Episodes> episodes(Iterable<DistrictReport> reports, Rules rules) {
        Map<String, Episodes> out = new TreeMap<>();
        NewestStock.each(reports, (key, r, item, at) -> {
            String status = Recompute.status(new Recompute.Stock(r.district(), item.commodity(), item.stock(),
                    item.dailyNeed(), r.at(), r.id()), rules, at);
            Episodes e = out.computeIfAbsent(key, k -> new Episodes());
            boolean shortage = status.equals("LOW") || status.equals("CRITICAL");
            if (shortage && e.since == null) {
                e.since = at;
            } else if (status.equals("OK") && e.since != null) {
                e.ended++;
                e.endedHours += Math.max(0, at - e.since) / 3_600_000d;
                e.since = null;
            }
        });
        return out;
    }

    /**
     * The rating of every district in {@code districts} at {@code now}, from the latest stock, the episodes and the
     * backlogs (per {@code district|department}) at {@code now}.
     */
    public Map<String, Rating> at(Set<String> districts, Map<String, Recompute.Stock> stock, Map<String, Episodes> episodes,
                                  Map<String, Recompute.Backlog> backlogs, Rules rules, long now) {
        return at(districts, stock, episodes, backlogs, java.util.List.of(), rules, now);
    }

    /** As above, with the directives (the latest record per id) counted in. */
    public Map<String, Rating> at(Set<String> districts, Map<String, Recompute.Stock> stock, Map<String, Episodes> episodes,
                                  Map<String, Recompute.Backlog> backlogs, Iterable<Directive> directives, Rules rules,
                                  long now) {
        return at(districts, stock, episodes, backlogs, directives, java.util.List.of(), rules, now);
    }

    /** As above, with the citizens' ratings of complaints (the latest record per number) counted in. */
    public Map<String, Rating> at(Set<String> districts, Map<String, Recompute.Stock> stock, Map<String, Episodes> episodes,
                                  Map<String, Recompute.Backlog> backlogs, Iterable<Directive> directives,
                                  Iterable<Feeds.CitizenRating> citizenRatings, Rules rules, long now) {
        Map<String, Rating> out = new TreeMap<>();
        for (String district : districts) {
            int open = 0;
            int breaches = 0;
            for (Map.Entry<String, Recompute.Backlog> b : backlogs.entrySet()) {
                if (Recompute.districtOf(b.getKey()).equals(district)) {
                    open += b.getValue().open();
                    breaches += b.getValue().slaBreaches();
                }
            }
            int reported = 0;
            int stale = 0;
            int critical = 0;
            int low = 0;
            int count = 0;
            double hours = 0;
            for (Map.Entry<String, Recompute.Stock> s : stock.entrySet()) {
                if (!Recompute.districtOf(s.getKey()).equals(district)) {
                    continue;
                }
                reported++;
                switch (Recompute.status(s.getValue(), rules, now)) {
                    case "STALE" -> stale++;
                    case "CRITICAL" -> critical++;
                    case "LOW" -> low++;
                    default -> { }
                }
                Episodes e = episodes.get(s.getKey());
                if (e != null) {
                    count += e.ended;
                    hours += e.endedHours;
                    if (e.since != null) {
                        count++;
                        hours += Math.max(0, now - e.since) / 3_600_000d;
                    }
                }
            }
            out.put(district, rate(open, breaches, reported, stale, critical, low, count == 0 ? null : hours / count,
                    DirectiveCounts.of(directives, district, now), CitizenCounts.of(citizenRatings, district)));
        }
        return out;
    }

    /** The formula of docs/RATING.md. */
    public Rating rate(int open, int breaches, int reported, int stale, int critical, int low, Double meanHours) {
        return rate(open, breaches, reported, stale, critical, low, meanHours, DirectiveCounts.NONE);
    }

    /** The formula of docs/RATING.md, directives included. */
    public Rating rate(int open, int breaches, int reported, int stale, int critical, int low, Double meanHours,
                       DirectiveCounts directives) {
        return rate(open, breaches, reported, stale, critical, low, meanHours, directives, CitizenCounts.NONE);
    }

    /** The formula of docs/RATING.md, directives and citizen satisfaction (shown, not in the score) included. */
    public Rating rate(int open, int breaches, int reported, int stale, int critical, int low, Double meanHours,
                       DirectiveCounts directives, CitizenCounts citizens) {
        double sla = round2(open == 0 ? 1 : (open - Math.min(breaches, open)) / (double) open);
        double timeliness = round2(reported == 0 ? 1 : (reported - stale) / (double) reported);
        double resolution = round2(meanHours == null ? 1
                : Math.max(0, 1 - meanHours / (resolutionTarget.toMillis() / 3_600_000d)));
        double score = round2(slaWeight * sla + reportWeight * timeliness + shortageWeight * resolution);
        String limitedBy = critical > 0 ? "critical-shortage" : breaches > 0 ? "sla-breach"
                : directives.overdue() > 0 ? "overdue-directive" : low > 0 ? "low-shortage"
                : stale > 0 ? "stale-report" : reported == 0 ? "no-report" : null;
        int maxStars = limitedBy == null ? 5 : limitedBy.equals("critical-shortage") ? 2 : limitedBy.equals("sla-breach")
                || limitedBy.equals("overdue-directive") ? 3 : 4;
        int stars = Math.min(maxStars, 1 + (int) Math.round(4 * score));
        return new Rating(stars, score, sla, timeliness, resolution, open, breaches, reported, stale, critical, low,
                maxStars, limitedBy, limitedBy != null || stars <= 3, directives.overdue(), directives.due(),
                directives.late(), round2(directives.due() == 0 ? 1
                        : (directives.due() - Math.min(directives.late(), directives.due())) / (double) directives.due()),
                citizens.ratings(), citizens.ratings() == 0 ? null : round2(citizens.stars() / (double) citizens.ratings()),
                citizens.ratings() == 0 ? null
                        : round2((citizens.stars() / (double) citizens.ratings() - 1) / 4));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
