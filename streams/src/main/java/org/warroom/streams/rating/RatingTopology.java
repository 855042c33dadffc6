package org.warroom.streams.rating;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveState;
import org.warroom.contracts.directive.DirectiveStep;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.streams.config.WarroomStreamsConfig.Rating;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.support.InternalSerdes;
import org.warroom.streams.support.Sources;
import org.warroom.streams.support.StoreSupport;

/**
 * District performance rating, 1–5 stars (the documents' "star rating").
 *
 * <ul>
 *   <li>In: the shortage results ({@code district|commodity} → {@link ShortageStatus}) and backlog results
 *       ({@code district|department} → {@link BacklogStatus}); the directives ({@code warroom.directives}, id →
 *       {@link Directive}, the latest record per id).</li>
 *   <li>Through: repartition topic {@value #REPARTITION} keyed by district; {@link RatingProcessor} with stores
 *       {@value #COMMODITY_STORE}, {@value #DEPARTMENT_STORE}, {@value #DIRECTIVE_STORE}, {@value #EPISODE_STORE}, {@value #RESULT_STORE}.</li>
 *   <li>Out: {@code warroom.ratings} (district → {@link DistrictRating}), one record per change.</li>
 * </ul>
 *
 * <p>Formula (each part in [0, 1], rounded to two decimals):
 * <ul>
 *   <li>slaCompliance = (open − slaBreaches) ÷ open over the district's departments; 1 when nothing is open;</li>
 *   <li>reportTimeliness = (reported − stale) ÷ reported over the district's reported commodities; 1 when none;</li>
 *   <li>shortageResolution = max(0, 1 − meanResolutionHours ÷ {@code rating.resolution.target} (72 h)), where
 *       meanResolutionHours averages every shortage episode (a commodity LOW or CRITICAL, from the report that
 *       showed it until the report that showed it OK again; ongoing ones with their age so far); 1 when none;</li>
 *   <li>score = 0.4·slaCompliance + 0.3·reportTimeliness + 0.3·shortageResolution
 *       ({@code rating.weight.sla|report|shortage}, normalised to sum 1); stars = 1 + round(4·score);</li>
 *   <li>the state now caps the stars (a record of quick resolutions must not hide a shortage today): at most 2 with
 *       a commodity CRITICAL now, 3 with an open ticket past its SLA now, 4 with a commodity LOW now or a stale
 *       report (a reported commodity whose latest report is older than {@code shortage.stale.after}) or no report at
 *       all (a district known from complaints or citizen messages alone must not read as top-rated); at most 3 with a
 *       directive past its deadline, neither closed nor accepted ({@code overdue-directive}, after the SLA breach);</li>
 *   <li>directivesOnTime = (due − late) ÷ due over the district's directives (due: closed or accepted, or past the
 *       deadline; late: overdue now or closed after the deadline); 1 when none was due. Shown, not in the score:
 *       directives count through the cap;</li>
 *   <li>citizenSatisfaction = (mean − 1) ÷ 4 over the citizens' ratings 1–5 of the district's complaints
 *       ({@code warroom.complaints}, the latest record per number, all time); null when none. Shown, not in the
 *       score;</li>
 *   <li>needsAttention = something is wrong now (any of those) or 3 stars or fewer.</li>
 * </ul>
 */
public final class RatingTopology {
    public static final String REPARTITION = "rating-input";
    public static final String COMMODITY_STORE = "rating-commodities";
    public static final String DEPARTMENT_STORE = "rating-departments";
    public static final String EPISODE_STORE = "rating-episodes";
    public static final String DIRECTIVE_STORE = "rating-directives";
    public static final String RESULT_STORE = "rating-results";
    public static final String CITIZEN_STORE = "rating-citizen";

    private RatingTopology() {
    }

    public static KStream<String, DistrictRating> build(Sources sources, Rules rules,
                                                        KStream<String, ShortageStatus> shortages,
                                                        KStream<String, BacklogStatus> backlogs) {
        StoreSupport.addStore(sources.builder(), COMMODITY_STORE, RatingState.Commodity.class);
        StoreSupport.addStore(sources.builder(), DEPARTMENT_STORE, RatingState.Department.class);
        StoreSupport.addStore(sources.builder(), EPISODE_STORE, RatingState.Episodes.class);
        StoreSupport.addStore(sources.builder(), DIRECTIVE_STORE, RatingState.Task.class);
        StoreSupport.addStore(sources.builder(), RESULT_STORE, DistrictRating.class);
        StoreSupport.addStore(sources.builder(), CITIZEN_STORE, RatingState.Rated.class);
        KStream<String, RatingInput> input = shortages
                .map((k, s) -> KeyValue.pair(s.district(), new RatingInput(s, null, null)),
                        Named.as("rating-shortages-by-district"))
                .merge(backlogs.map((k, b) -> KeyValue.pair(b.district(), new RatingInput(null, b, null)),
                        Named.as("rating-backlogs-by-district")), Named.as("rating-merge"))
                .merge(sources.stream(DirectiveTopics.DIRECTIVES)
                        .filter((id, d) -> d != null && d.district() != null && d.deadline() != null && d.state() != null,
                                Named.as("rating-directives-valid"))
                        .map((id, d) -> KeyValue.pair(d.district(), new RatingInput(null, null, task(d))),
                                Named.as("rating-directives-by-district")), Named.as("rating-merge-directives"))
                .merge(sources.stream(ComplaintTopics.COMPLAINTS)
                        .filter((number, c) -> c != null && c.district() != null && c.number() != null,
                                Named.as("rating-complaints-valid"))
                        .map((number, c) -> KeyValue.pair(c.district(), new RatingInput(null, null, null,
                                        new RatingInput.CitizenRating(c.number(), c.rating()))),
                                Named.as("rating-complaints-by-district")), Named.as("rating-merge-complaints"));
        KStream<String, DistrictRating> ratings = input
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.of(RatingInput.class)).withName(REPARTITION))
                .process(() -> new RatingProcessor(rules), Named.as("rating-processor"),
                        COMMODITY_STORE, DEPARTMENT_STORE, DIRECTIVE_STORE, EPISODE_STORE, RESULT_STORE, CITIZEN_STORE);
        Sources.to(ratings, ResultTopics.RATINGS);
        return ratings;
    }

    /** The formula above, as a pure function, for a district with nothing wrong now apart from its backlog. */
    public static DistrictRating rate(String district, Rating weights, int open, int breaches, int reported, int stale,
                                      int episodes, Double meanResolutionHours) {
        return rate(district, weights, open, breaches, reported, stale, episodes, meanResolutionHours, 0, 0);
    }

    /** A directive as the rating needs it: its deadline and, once closed or accepted, when it was (last) closed. */
    static RatingState.Task task(Directive d) {
        Long closedAt = null;
        if (d.state().done()) {
            closedAt = d.updatedAt() == null ? null : d.updatedAt().toInstant().toEpochMilli();
            for (DirectiveStep step : d.history()) {
                if (step.state() == DirectiveState.CLOSED && step.at() != null) {
                    closedAt = step.at().toInstant().toEpochMilli();
                }
            }
            if (closedAt == null) {
                closedAt = d.deadline().toInstant().toEpochMilli();
            }
        }
        return new RatingState.Task(d.id(), d.district(), d.deadline().toInstant().toEpochMilli(), closedAt);
    }

    /** The formula above without directives; {@code critical} and {@code low}: commodities CRITICAL and LOW now. */
    public static DistrictRating rate(String district, Rating weights, int open, int breaches, int reported, int stale,
                                      int episodes, Double meanResolutionHours, int critical, int low) {
        return rate(district, weights, open, breaches, reported, stale, episodes, meanResolutionHours, critical, low,
                0, 0, 0);
    }

    /**
     * The formula above, as a pure function; {@code critical} and {@code low}: commodities CRITICAL and LOW now;
     * {@code overdue}, {@code due}, {@code late}: the district's directives overdue now, due, and late.
     */
    public static DistrictRating rate(String district, Rating weights, int open, int breaches, int reported, int stale,
                                      int episodes, Double meanResolutionHours, int critical, int low,
                                      int overdue, int due, int late) {
        return rate(district, weights, open, breaches, reported, stale, episodes, meanResolutionHours, critical, low,
                overdue, due, late, 0, 0);
    }

    /**
     * The formula above with the citizens' ratings: {@code ratings} complaints of the district rated, {@code stars}
     * their sum. citizenRatingMean = stars ÷ ratings, citizenSatisfaction = (mean − 1) ÷ 4 (null when none) — shown
     * with the parts, not in the score (docs/RATING.md).
     */
    public static DistrictRating rate(String district, Rating weights, int open, int breaches, int reported, int stale,
                                      int episodes, Double meanResolutionHours, int critical, int low,
                                      int overdue, int due, int late, int ratings, int stars) {
        double sla = round2(open == 0 ? 1 : (double) (open - Math.min(breaches, open)) / open);
        double timeliness = round2(reported == 0 ? 1 : (double) (reported - stale) / reported);
        double resolution = round2(meanResolutionHours == null ? 1
                : Math.max(0, 1 - meanResolutionHours / (weights.resolutionTarget().toMillis() / 3_600_000d)));
        double score = round2(weights.slaWeight() * sla + weights.reportWeight() * timeliness
                + weights.shortageWeight() * resolution);
        String limitedBy = critical > 0 ? DistrictRating.LIMITED_BY_CRITICAL
                : breaches > 0 ? DistrictRating.LIMITED_BY_BREACH
                : overdue > 0 ? DistrictRating.LIMITED_BY_OVERDUE_DIRECTIVE
                : low > 0 ? DistrictRating.LIMITED_BY_LOW
                : stale > 0 ? DistrictRating.LIMITED_BY_STALE
                : reported == 0 ? DistrictRating.LIMITED_BY_NO_REPORT : null;
        int maxStars = limitedBy == null ? 5 : switch (limitedBy) {
            case DistrictRating.LIMITED_BY_CRITICAL -> 2;
            case DistrictRating.LIMITED_BY_BREACH, DistrictRating.LIMITED_BY_OVERDUE_DIRECTIVE -> 3;
            default -> 4;
        };
        int starCount = Math.min(maxStars, 1 + (int) Math.round(4 * score));
        return new DistrictRating(district, starCount, score, sla, timeliness, resolution,
                meanResolutionHours == null ? null : Math.round(meanResolutionHours * 10) / 10.0,
                open, breaches, reported, stale, episodes, critical, low, maxStars, limitedBy,
                limitedBy != null || starCount <= 3, overdue, due, late,
                round2(due == 0 ? 1 : (double) (due - Math.min(late, due)) / due), ratings,
                ratings == 0 ? null : round2((double) stars / ratings),
                ratings == 0 ? null : round2(((double) stars / ratings - 1) / 4));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
