package org.warroom.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.tools.verify.Events.millis;
import static org.warroom.tools.verify.Events.min;
import static org.warroom.tools.verify.Events.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveAction;
import org.warroom.contracts.directive.DirectiveLifecycle;
import org.warroom.contracts.directive.DirectiveOrder;
import org.warroom.contracts.directive.DirectiveRequest;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;

/** District ratings on hand-computed examples (docs/RATING.md: weights 0.4/0.3/0.3, target 72 h). */
class RatingsTest {
    private final Ratings ratings = Ratings.defaults();
    private final Rules rules = Rules.defaults();

    @Test
    @DisplayName("RATING.md's worked example: 0.5, 0.67, 0.5 → score 0.55 → 3 stars, capped at 3 by the SLA breaches")
    void workedExample() {
        Ratings.Rating r = ratings.rate(4, 2, 3, 1, 0, 0, 36.0);
        assertThat(r).extracting(Ratings.Rating::slaCompliance, Ratings.Rating::reportTimeliness,
                Ratings.Rating::shortageResolution, Ratings.Rating::score, Ratings.Rating::stars,
                Ratings.Rating::limitedBy, Ratings.Rating::needsAttention).containsExactly(0.5, 0.67, 0.5, 0.55, 3,
                "sla-breach", true);
    }

    @Test
    @DisplayName("no report at all: score 1.0 but at most 4 stars ('no-report'); a perfect district with reports: 5")
    void noReportIsNotTopRated() {
        assertThat(ratings.rate(2, 0, 0, 0, 0, 0, null)).extracting(Ratings.Rating::score, Ratings.Rating::stars,
                Ratings.Rating::maxStars, Ratings.Rating::limitedBy).containsExactly(1.0, 4, 4, "no-report");
        assertThat(ratings.rate(2, 0, 1, 0, 0, 0, null)).extracting(Ratings.Rating::stars, Ratings.Rating::limitedBy,
                Ratings.Rating::needsAttention).containsExactly(5, null, false);
    }

    @Test
    @DisplayName("Indore: medicine CRITICAL since 1 h (0.1 days): 2 stars at 3 h; OK again at 5 h: a 4 h episode, 5 stars at 6 h")
    void indoreOverTime() {
        List<DistrictReport> reports = List.of(
                report("i1", "410", min(0), Commodity.MEDICINE, 5000, 100),   // 50 days: OK
                report("i2", "410", min(60), Commodity.MEDICINE, 10, 100));   // 0.1 days: CRITICAL, episode from 1 h
        Map<String, Recompute.Stock> stock = Recompute.latestStock(reports);
        Ratings.Rating at3h = ratings.at(Set.of("410"), stock, Ratings.episodes(reports, rules), Map.of(), rules,
                millis(180)).get("410");
        // ongoing 2 h → 1 − 2/72 = 0.97; score 0.4 + 0.3 + 0.3·0.97 = 0.99 → 1 + round(3.96) = 5, capped at 2
        assertThat(at3h).extracting(Ratings.Rating::shortageResolution, Ratings.Rating::score, Ratings.Rating::stars,
                Ratings.Rating::criticalShortages, Ratings.Rating::limitedBy).containsExactly(0.97, 0.99, 2, 1,
                "critical-shortage");

        List<DistrictReport> later = new java.util.ArrayList<>(reports);
        later.add(report("i3", "410", min(300), Commodity.MEDICINE, 900, 100)); // 9 days: OK, the episode lasted 4 h
        Ratings.Rating at6h = ratings.at(Set.of("410"), Recompute.latestStock(later), Ratings.episodes(later, rules),
                Map.of(), rules, millis(360)).get("410");
        // 1 − 4/72 = 0.94; score 0.4 + 0.3 + 0.282 = 0.98 → 1 + round(3.92) = 5
        assertThat(at6h).extracting(Ratings.Rating::shortageResolution, Ratings.Rating::score, Ratings.Rating::stars,
                Ratings.Rating::limitedBy).containsExactly(0.94, 0.98, 5, null);
    }

    @Test
    @DisplayName("backlogs count per district: 20 open in health, 1 past its SLA → 0.95, score 0.98, at most 3 stars")
    void backlogsOfTheDistrict() {
        Map<String, Recompute.Backlog> backlogs = Map.of("402|health", new Recompute.Backlog(20, 1, min(0)),
                "403|health", new Recompute.Backlog(5, 5, min(0)));
        List<DistrictReport> reports = List.of(report("d1", "402", min(0), Commodity.WATER, 300, 100)); // 3 days: OK
        Ratings.Rating dewas = ratings.at(Set.of("402"), Recompute.latestStock(reports), Ratings.episodes(reports, rules),
                backlogs, rules, millis(10)).get("402");
        assertThat(dewas).extracting(Ratings.Rating::openTickets, Ratings.Rating::slaBreaches, Ratings.Rating::slaCompliance,
                Ratings.Rating::score, Ratings.Rating::stars).containsExactly(20, 1, 0.95, 0.98, 3);
    }

    @Test
    @DisplayName("directives: one overdue caps at 3 stars ('overdue-directive'); on time = (due − late) ÷ due, as streams")
    void directivesCount() {
        DirectiveLifecycle lifecycle = new DirectiveLifecycle();
        Directive kits = lifecycle.issue("D-1", new DirectiveOrder("410", null, "send 200 medicine kits", min(120),
                null, null, null), "op1", min(0));
        Directive camp = lifecycle.issue("D-2", new DirectiveOrder("410", "Health", "open a camp", min(300),
                null, null, null), "op1", min(0));
        camp = lifecycle.act(camp, new DirectiveRequest(DirectiveAction.CLOSE, "camp open", 1), "officer", min(180));
        Directive elsewhere = lifecycle.issue("D-3", new DirectiveOrder("396", null, "count the stock", min(10),
                null, null, null), "op1", min(0));
        List<DistrictReport> reports = List.of(report("i1", "410", min(0), Commodity.MEDICINE, 5000, 100));
        Map<String, Recompute.Stock> stock = Recompute.latestStock(reports);
        var episodes = Ratings.episodes(reports, rules);

        // at 1 h: nothing due (D-2 closed on time counts as due: 1 due, 0 late → 1.0), no cap
        Ratings.Rating at1h = ratings.at(Set.of("410"), stock, episodes, Map.of(), List.of(kits, camp, elsewhere),
                rules, millis(60)).get("410");
        assertThat(at1h).extracting(Ratings.Rating::stars, Ratings.Rating::limitedBy, Ratings.Rating::directivesOverdue,
                Ratings.Rating::directivesDue, Ratings.Rating::directivesOnTime).containsExactly(5, null, 0, 1, 1.0);
        // at 4 h: D-1 is 2 h past its deadline → at most 3 stars; due 2 (D-1, D-2), late 1 → 0.5
        Ratings.Rating at4h = ratings.at(Set.of("410"), stock, episodes, Map.of(), List.of(kits, camp, elsewhere),
                rules, millis(240)).get("410");
        assertThat(at4h).extracting(Ratings.Rating::score, Ratings.Rating::stars, Ratings.Rating::maxStars,
                Ratings.Rating::limitedBy, Ratings.Rating::needsAttention, Ratings.Rating::directivesOverdue,
                Ratings.Rating::directivesDue, Ratings.Rating::directivesLate, Ratings.Rating::directivesOnTime)
                .containsExactly(1.0, 3, 3, "overdue-directive", true, 1, 2, 1, 0.5);
        // D-1 closed late at 5 h: no cap any more, still late on the record
        kits = lifecycle.act(kits, new DirectiveRequest(DirectiveAction.CLOSE, "delivered", 1), "cmdr", min(300));
        Ratings.Rating at6h = ratings.at(Set.of("410"), stock, episodes, Map.of(), List.of(kits, camp), rules,
                millis(360)).get("410");
        assertThat(at6h).extracting(Ratings.Rating::stars, Ratings.Rating::limitedBy, Ratings.Rating::directivesOverdue,
                Ratings.Rating::directivesDue, Ratings.Rating::directivesLate, Ratings.Rating::directivesOnTime)
                .containsExactly(5, null, 0, 2, 1, 0.5);
        // an SLA breach is the stricter cap name (both 3)
        assertThat(ratings.rate(4, 1, 1, 0, 0, 0, null, new Ratings.DirectiveCounts(1, 1, 1)).limitedBy())
                .isEqualTo("sla-breach");
    }

    @Test
    @DisplayName("citizen satisfaction: the district's complaint ratings (latest record per number), (mean − 1) ÷ 4, not in the score")
    void citizenSatisfaction() {
        Feeds feeds = new Feeds();
        feeds.complaint("MP-410-000001", rated("MP-410-000001", "410", 5));
        feeds.complaint("MP-410-000002", rated("MP-410-000002", "410", 2));
        feeds.complaint("MP-396-000001", rated("MP-396-000001", "396", 1));
        feeds.complaint("MP-410-000003", rated("MP-410-000003", "410", 3));
        feeds.complaint("MP-410-000003", null); // a tombstone removes it
        List<DistrictReport> reports = List.of(report("i1", "410", min(0), Commodity.MEDICINE, 5000, 100));
        Ratings.Rating r = ratings.at(Set.of("410"), Recompute.latestStock(reports), Ratings.episodes(reports, rules),
                Map.of(), List.of(), feeds.citizenRatings.values(), rules, millis(60)).get("410");
        assertThat(r).extracting(Ratings.Rating::citizenRatings, Ratings.Rating::citizenRatingMean,
                Ratings.Rating::citizenSatisfaction, Ratings.Rating::score, Ratings.Rating::stars)
                .containsExactly(2, 3.5, 0.63, 1.0, 5);
        assertThat(ratings.rate(0, 0, 1, 0, 0, 0, null).citizenSatisfaction()).isNull();
    }

    private static org.warroom.contracts.complaint.Complaint rated(String number, String district, int stars) {
        return new org.warroom.contracts.complaint.Complaint(number, 3, org.warroom.contracts.complaint.ComplaintState.RESOLVED,
                district, "Food and Civil Supplies", "ration", null, "+919876543210", null, "no ration",
                org.warroom.contracts.complaint.ComplaintChannel.SMS, "en", null, null, null, null, null, null, null,
                List.of(), List.of(), stars);
    }
}
