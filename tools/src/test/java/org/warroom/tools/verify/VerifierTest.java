package org.warroom.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.tools.verify.Events.call;
import static org.warroom.tools.verify.Events.millis;
import static org.warroom.tools.verify.Events.min;
import static org.warroom.tools.verify.Events.report;
import static org.warroom.tools.verify.Events.ticket;
import static org.warroom.tools.verify.Events.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.json.Json;

/** The comparison against a fake dashboard answer: what is compared, exactly or within the time window. */
class VerifierTest {
    private final Verifier verifier = new Verifier(Rules.defaults(), AlertLimits.defaults(), 0);

    private static Feeds feeds() {
        Feeds f = new Feeds();
        f.reports.add(report("r1", "396", min(0), Commodity.RATION, 150, 100)); // 1.5 days: CRITICAL
        f.tickets.add(ticket("s1", "t1", "396", "health", "health", TicketEventType.OPENED, min(0)));
        f.calls.add(call("c1s", "c1", "181", CallEventType.STARTED, min(0)));
        f.worker("w1", worker("w1", "396", "23", "397", WorkerStatus.WORKING, "mason"));
        return f;
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a correct dashboard says at 59 min after T0 (SLA of health 1 h not yet passed). */
    private static Map<String, Object> truth() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("shortage", "{'items':[{'district':'396','commodity':'ration','stock':150.0,'dailyNeed':100.0,"
                + "'daysOfCover':1.5,'status':'CRITICAL','signalsLastHour':0,'asOf':'2026-11-20T04:30:00Z'}]}");
        a.put("backlog", "{'items':[{'district':'396','department':'health','open':1,"
                + "'oldestOpenSince':'2026-11-20T10:00:00+05:30','slaBreaches':0}]}");
        a.put("calls", "{'items':[{'line':'181','inProgress':1,'waiting':1,'capacity':500},"
                + "{'line':'104','inProgress':0,'waiting':0,'capacity':200},{'line':'1075','inProgress':0,'waiting':0,'capacity':100},"
                + "{'line':'district-control','inProgress':0,'waiting':0,'capacity':50},"
                + "{'line':'worker-helpline','inProgress':0,'waiting':0,'capacity':100}]}");
        a.put("alerts", "{'items':[{'rule':'shortage-critical','subject':'396|ration','state':'active'}]}");
        return a;
    }

    private static Answers answers(Map<String, Object> a, long from, long to, Map<String, Long> documents) {
        Map<String, JsonNode> d = new LinkedHashMap<>();
        d.put("currentState", json("{'total':1,'buckets':[{'key':'23','count':1}]}"));
        d.put("currentDistrict", json("{'total':1,'buckets':[{'key':'397','count':1}]}"));
        d.put("skill", json("{'total':1,'buckets':[{'key':'mason','count':1}]}"));
        d.put("homeDistrict", json("{'total':1,'buckets':[{'key':'396','count':1}]}"));
        d.put("status", json(a.getOrDefault("status", "{'total':1,'buckets':[{'key':'working','count':1}]}").toString()));
        return new Answers(json(a.get("shortage").toString()), json(a.get("backlog").toString()),
                json(a.get("calls").toString()), d, json(a.get("alerts").toString()),
                a.containsKey("overview") ? json(a.get("overview").toString()) : null,
                a.containsKey("page") ? Map.of("396", json(a.get("page").toString())) : Map.of(), documents, from, to);
    }

    @Test
    @DisplayName("a dashboard that says what the feeds say: no mismatch, every figure counted")
    void shouldFindNothingWhenTheFiguresAgree() {
        Comparison c = verifier.compare(feeds(), answers(truth(), millis(59), millis(59),
                Map.of("calls", 1L, "tickets", 1L, "messages", 0L, "reports", 1L, "workers", 1L)));
        assertThat(c.mismatches()).isEmpty();
        assertThat(c.compared()).containsKeys("shortage", "backlog", "slaBreaches (time)", "calls inProgress (time)",
                "worker bucket", "workers total", "index documents", "alert state");
        assertThat(c.summary()).startsWith("verify: OK");
    }

    @Test
    @DisplayName("every difference is named with both values: a stock, a bucket, an index count, a missing alert")
    void shouldNameEveryDifference() {
        Map<String, Object> a = truth();
        a.put("shortage", a.get("shortage").toString().replace("'stock':150.0", "'stock':151.0"));
        a.put("status", "{'total':1,'buckets':[{'key':'working','count':2}]}");
        a.put("alerts", "{'items':[]}");
        Comparison c = verifier.compare(feeds(), answers(a, millis(59), millis(59),
                Map.of("calls", 1L, "tickets", 1L, "messages", 0L, "reports", 0L, "workers", 1L)));
        assertThat(c.mismatches()).extracting(Object::toString).containsExactlyInAnyOrder(
                "MISMATCH shortage 396|ration stock: recomputed 150.0, dashboard says 151.0",
                "MISMATCH workers by status bucket working: recomputed 1, dashboard says 2",
                "MISMATCH documents in index family reports: recomputed 1, elasticsearch says 0",
                "MISMATCH alert shortage-critical 396|ration open (days of cover 1.5, CRITICAL below 2.0): "
                        + "recomputed open, dashboard says none");
        assertThat(c.summary()).startsWith("verify: 4 MISMATCH(ES)");
    }

    @Test
    @DisplayName("an SLA breach that falls inside the window may be shown either way; outside it, it must be right")
    void shouldAcceptATimeDependentFigureWithinItsWindow() {
        Map<String, Object> breached = truth();
        breached.put("backlog", breached.get("backlog").toString().replace("'slaBreaches':0", "'slaBreaches':1"));
        // the window 59..61 min holds the deadline (60 min): 0 and 1 are both right
        assertThat(verifier.compare(feeds(), answers(truth(), millis(59), millis(61), Map.of())).mismatches()).isEmpty();
        assertThat(verifier.compare(feeds(), answers(breached, millis(59), millis(61), Map.of())).mismatches()).isEmpty();
        // at 59 min only 0 is right
        assertThat(verifier.compare(feeds(), answers(breached, millis(59), millis(59), Map.of())).mismatches())
                .extracting(Object::toString)
                .containsExactly("MISMATCH backlog 396|health slaBreaches: recomputed 0, dashboard says 1");
        // an item the feeds never produced is named too
        Map<String, Object> extra = truth();
        extra.put("backlog", "{'items':[{'district':'396','department':'health','open':1,"
                + "'oldestOpenSince':'2026-11-20T10:00:00+05:30','slaBreaches':0},{'district':'397','department':'food','open':0}]}");
        assertThat(verifier.compare(feeds(), answers(extra, millis(59), millis(59), Map.of())).mismatches())
                .extracting(Object::toString)
                .containsExactly("MISMATCH backlog 397|food present: recomputed absent, dashboard says present");
    }

    @Test
    @DisplayName("the wall's counters and a district page are compared too, with both values on a difference")
    void shouldCompareTheWallAndTheDistrictPage() {
        Map<String, Object> a = truth();
        a.put("overview", "{'callsInProgress':1,'callsWaiting':1,'callCapacity':950,'openTickets':1,'slaBreaches':0,"
                + "'criticalShortages':1,'lowShortages':0,'staleReports':0,'workersTracked':1}");
        String shortages = a.get("shortage").toString();
        String backlogs = a.get("backlog").toString();
        a.put("page", "{'shortages':" + shortages.substring(shortages.indexOf('['), shortages.lastIndexOf('}'))
                + ",'backlogs':" + backlogs.substring(backlogs.indexOf('['), backlogs.lastIndexOf('}'))
                + ",'workersInDistrict':0,'workersFromDistrict':1}");
        Comparison right = verifier.compare(feeds(), answers(a, millis(59), millis(59), Map.of()));
        assertThat(right.mismatches()).isEmpty();
        assertThat(right.compared()).containsKeys("wall counters", "wall counters (time)");
        assertThat(right.compared().get("shortage")[0]).isEqualTo(2 * 4); // the list and the page, four figures each

        a.put("overview", a.get("overview").toString().replace("'openTickets':1", "'openTickets':2"));
        a.put("page", a.get("page").toString().replace("'workersFromDistrict':1", "'workersFromDistrict':3")
                .replace("'open':1", "'open':0"));
        assertThat(verifier.compare(feeds(), answers(a, millis(59), millis(59), Map.of())).mismatches())
                .extracting(Object::toString).containsExactlyInAnyOrder(
                        "MISMATCH wall openTickets: recomputed 1, dashboard says 2",
                        "MISMATCH backlog 396|health open: recomputed 1, district page 396 says 0",
                        "MISMATCH district page 396 workersFromDistrict: recomputed 1, district page 396 says 3");
    }

    @Test
    @DisplayName("the wall's stale-report counter counts reported commodities only: one known from messages alone is 'no report'")
    void shouldCountOnlyReportedCommoditiesAsStaleReports() {
        assertThat(Verifier.counted("STALE", null)).isEqualTo("NO-REPORT");
        assertThat(Verifier.counted("CRITICAL", null)).isEqualTo("CRITICAL");
    }

    @Test
    @DisplayName("the rating on a district page is recomputed (CRITICAL ration: 2 stars), and the burn rate and citizen-signals alert are checked; each difference with both values")
    void shouldCompareTheRatingTheBurnRateAndTheSignalsAlert() {
        Map<String, Object> a = truth();
        String shortages = a.get("shortage").toString();
        String backlogs = a.get("backlog").toString();
        // at 59 min: SLA 1.0, timeliness 1.0, ration CRITICAL since 0 → 0.98 h ongoing → 1 − 0.98/72 = 0.99;
        // score 0.4 + 0.3 + 0.297 = 1.0 → 5 stars by the formula, capped at 2 by the CRITICAL shortage
        String rating = "{'stars':2,'score':1.0,'slaCompliance':1.0,'reportTimeliness':1.0,'shortageResolution':0.99,"
                + "'openTickets':1,'slaBreaches':0,'commoditiesReported':1,'commoditiesStale':0,'criticalShortages':1,"
                + "'lowShortages':0,'maxStars':2,'limitedBy':'critical-shortage','needsAttention':true,"
                + "'directivesOverdue':0,'directivesDue':0,'directivesLate':0,'directivesOnTime':1.0}";
        a.put("page", "{'shortages':" + shortages.substring(shortages.indexOf('['), shortages.lastIndexOf('}'))
                + ",'backlogs':" + backlogs.substring(backlogs.indexOf('['), backlogs.lastIndexOf('}'))
                + ",'rating':" + rating + ",'workersInDistrict':0,'workersFromDistrict':1}");
        Comparison right = verifier.compare(feeds(), answers(a, millis(59), millis(59), Map.of()));
        assertThat(right.mismatches()).isEmpty();
        assertThat(right.compared()).containsKeys("rating", "rating (time)", "burn rate");

        a.put("page", a.get("page").toString().replace("'stars':2", "'stars':5"));
        a.put("shortage", shortages.replace("'daysOfCover':1.5", "'daysOfCover':1.5,'burnRatePerDay':5"));
        Feeds f = feeds();
        for (int i = 0; i < 10; i++) { // ten messages about ration within the hour: citizen-signals must be open
            f.messages.add(Events.message("m" + i, "396", min(30 + i), Commodity.RATION));
        }
        a.put("shortage", a.get("shortage").toString().replace("'signalsLastHour':0", "'signalsLastHour':10"));
        a.put("page", a.get("page").toString().replace("'signalsLastHour':0", "'signalsLastHour':10"));
        // a directive to 396 due at 30 min and not closed: 1 overdue, due and late at 59 min (the cap stays 2: CRITICAL)
        f.directive("D-1", new org.warroom.contracts.directive.DirectiveLifecycle().issue("D-1",
                new org.warroom.contracts.directive.DirectiveOrder("396", null, "count the ration", min(30), null, null,
                        null), "op1", min(0)));
        assertThat(verifier.compare(f, answers(a, millis(59), millis(59), Map.of())).mismatches())
                .extracting(Object::toString).containsExactlyInAnyOrder(
                        "MISMATCH rating 396 directivesOverdue: recomputed 1, district page 396 says 0",
                        "MISMATCH rating 396 directivesDue: recomputed 1, district page 396 says 0",
                        "MISMATCH rating 396 directivesLate: recomputed 1, district page 396 says 0",
                        "MISMATCH rating 396 directivesOnTime: recomputed 0.0, district page 396 says 1.0",
                        "MISMATCH rating 396 stars: recomputed 2, district page 396 says 5",
                        "MISMATCH shortage 396|ration burnRatePerDay: recomputed null, dashboard says 5",
                        "MISMATCH alert citizen-signals 396|ration open (signals of the hour 10..10, threshold 10.0): "
                                + "recomputed open, dashboard says none");
    }
    @Test
    @DisplayName("complaint-escalated: open once a level's time is before the window, none before it or once closed; each difference named")
    void shouldRecomputeComplaintEscalations() {
        org.warroom.contracts.complaint.ComplaintLifecycle lifecycle = new org.warroom.contracts.complaint.ComplaintLifecycle(
                org.warroom.contracts.complaint.ComplaintSla.defaults());
        org.warroom.contracts.complaint.Complaint open = lifecycle.register(
                new org.warroom.contracts.complaint.ComplaintNumber("MP", "396", 1),
                new org.warroom.contracts.complaint.Registration("+919876543210", null, "396", "health", null, "no doctor",
                        org.warroom.contracts.complaint.ComplaintChannel.CALL, "en", null, null), "Health", "agent", min(0));
        org.warroom.contracts.complaint.Complaint closed = lifecycle.act(lifecycle.register(
                new org.warroom.contracts.complaint.ComplaintNumber("MP", "396", 2),
                new org.warroom.contracts.complaint.Registration("+919876543210", null, "396", "health", null, "no doctor",
                        org.warroom.contracts.complaint.ComplaintChannel.CALL, "en", null, null), "Health", "agent", min(0)),
                new org.warroom.contracts.complaint.ActionRequest(org.warroom.contracts.complaint.ComplaintAction.RESOLVE,
                        "doctor posted", null, null, 1), "officer", min(10));
        Feeds f = new Feeds().complaint(open.number(), open).complaint(closed.number(), closed);
        Map<String, Object> a = truth();
        // at 90 min: level 2 (1 h) of the open one is due, level 3 (2 h) is not; the resolved one has none
        a.put("alerts", "{'items':[{'rule':'complaint-escalated','subject':'396|Health|MP-396-000001|2','state':'active'},"
                + "{'rule':'complaint-escalated','subject':'396|Health|MP-396-000002|2','state':'active'}]}");
        Comparison c = verifier.compare(f, answers(a, millis(90), millis(90), Map.of()));
        assertThat(c.mismatches()).extracting(Object::toString).filteredOn(m -> m.contains("complaint-escalated"))
                .containsExactly("MISMATCH alert complaint-escalated 396|Health|MP-396-000002|2 open (resolved): "
                        + "recomputed none, dashboard says open");
        assertThat(c.compared()).containsKey("alert state");
    }
}
