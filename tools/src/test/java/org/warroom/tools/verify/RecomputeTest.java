package org.warroom.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.tools.verify.Events.call;
import static org.warroom.tools.verify.Events.message;
import static org.warroom.tools.verify.Events.millis;
import static org.warroom.tools.verify.Events.min;
import static org.warroom.tools.verify.Events.report;
import static org.warroom.tools.verify.Events.ticket;
import static org.warroom.tools.verify.Events.worker;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.WorkerStatus;

/** The recomputation's rules on hand-computed examples (docs/TOPICS.md defaults). */
class RecomputeTest {
    private final Rules rules = Rules.defaults();

    @Test
    @DisplayName("latest report per district × commodity wins; a late older or same-time report does not; days = stock ÷ need")
    void shouldKeepTheLatestReport() {
        Map<String, Recompute.Stock> stock = Recompute.latestStock(List.of(
                report("r1", "396", min(0), Commodity.RATION, 300, 100),    // 3.0 days: LOW (ration 5/2)
                report("r2", "396", min(60), Commodity.RATION, 150, 100),   // 1.5 days: CRITICAL
                report("r0", "396", min(-60), Commodity.RATION, 5000, 100), // older, late: ignored
                report("r3", "396", min(60), Commodity.RATION, 999, 100),   // same time: ignored
                report("r4", "397", min(0), Commodity.MEDICINE, 10, 0)));   // no need: no days, OK
        Recompute.Stock ration = stock.get("396|ration");
        assertThat(ration.reportId()).isEqualTo("r2");
        assertThat(ration.daysOfCover()).isEqualTo(1.5);
        assertThat(Recompute.status(ration, rules, millis(61))).isEqualTo("CRITICAL");
        assertThat(stock.get("397|medicine").daysOfCover()).isNull();
        assertThat(Recompute.status(stock.get("397|medicine"), rules, millis(1))).isEqualTo("OK");
        assertThat(Recompute.status(null, rules, millis(1))).isEqualTo("STALE");
    }

    @Test
    @DisplayName("status thresholds: below critical CRITICAL, below low LOW, else OK; STALE once older than 26 h")
    void shouldGradeByThresholdsAndAge() {
        Recompute.Stock low = new Recompute.Stock("396", Commodity.MEDICINE, 699, 100, min(0), "a");      // 6.99 < 7
        Recompute.Stock edge = new Recompute.Stock("396", Commodity.MEDICINE, 700, 100, min(0), "b");     // 7.0: OK
        Recompute.Stock critical = new Recompute.Stock("396", Commodity.MEDICINE, 299, 100, min(0), "c"); // 2.99 < 3
        Recompute.Stock atCritical = new Recompute.Stock("396", Commodity.MEDICINE, 300, 100, min(0), "d"); // 3.0: LOW
        assertThat(Recompute.status(low, rules, millis(1))).isEqualTo("LOW");
        assertThat(Recompute.status(edge, rules, millis(1))).isEqualTo("OK");
        assertThat(Recompute.status(critical, rules, millis(1))).isEqualTo("CRITICAL");
        assertThat(Recompute.status(atCritical, rules, millis(1))).isEqualTo("LOW");
        assertThat(Recompute.status(edge, rules, millis(26 * 60))).isEqualTo("OK");        // exactly 26 h: not yet
        assertThat(Recompute.status(edge, rules, millis(26 * 60) + 1)).isEqualTo("STALE");
    }

    @Test
    @DisplayName("signals of the last hour: each message per commodity, each ticket once, distinct ids, at > now − 1 h")
    void shouldCountTheHoursSignals() {
        Set<Recompute.Signal> signals = Recompute.signals(
                List.of(message("m1", "396", min(0), Commodity.MILK, Commodity.MILK, Commodity.RATION),
                        message("m1", "396", min(0), Commodity.MILK),                 // re-sent: once
                        message("m2", "396", min(30), Commodity.MILK),
                        message("m3", null, min(30), Commodity.MILK)),                // no district: no signal
                List.of(ticket("s1", "t1", "396", "food", "ration", TicketEventType.OPENED, min(10)),
                        ticket("s2", "t1", "396", "food", "ration", TicketEventType.REOPENED, min(40)), // same ticket
                        ticket("s3", "t2", "396", "food", "ration", TicketEventType.ASSIGNED, min(10)), // not a signal
                        ticket("s4", "t3", "396", "health", "health", TicketEventType.OPENED, min(10)))); // no commodity
        assertThat(Recompute.signalKeys(signals)).containsExactlyInAnyOrder("396|milk", "396|ration");
        assertThat(Recompute.signalsLastHour(signals, rules, millis(31))).containsExactlyInAnyOrderEntriesOf(
                Map.of("396|milk", 2, "396|ration", 2));
        // at 60 min m1 (at 0) has left the hour; t1 counts by its latest signal (the reopening at 40 min) until 100 min
        assertThat(Recompute.signalsLastHour(signals, rules, millis(60))).containsExactlyInAnyOrderEntriesOf(
                Map.of("396|milk", 1, "396|ration", 1));
        assertThat(Recompute.signalsLastHour(signals, rules, millis(91))).containsExactlyInAnyOrderEntriesOf(
                Map.of("396|ration", 1));
        assertThat(Recompute.signalsLastHour(signals, rules, millis(101))).isEmpty();
    }

    @Test
    @DisplayName("backlogs: open by the steps' times, a moved ticket leaves its old desk, duplicates once, SLA by category")
    void shouldRecomputeBacklogs() {
        Set<String> groups = new HashSet<>();
        Map<String, Recompute.Ticket> tickets = Recompute.tickets(List.of(
                ticket("a1", "t1", "396", "health", "health", TicketEventType.OPENED, min(0)),      // SLA 1 h
                ticket("a1", "t1", "396", "health", "health", TicketEventType.OPENED, min(0)),      // duplicate
                ticket("b1", "t2", "396", "health", "health", TicketEventType.OPENED, min(5)),
                ticket("b2", "t2", "396", "health", null, TicketEventType.RESOLVED, min(30)),
                ticket("b3", "t2", "396", "health", null, TicketEventType.ASSIGNED, min(20)),       // late: stays resolved
                ticket("c1", "t3", "396", "health", "wages", TicketEventType.OPENED, min(10)),      // SLA 24 h
                ticket("c2", "t3", "396", "health", null, TicketEventType.RESOLVED, min(20)),
                ticket("c3", "t3", "396", "health", null, TicketEventType.REOPENED, min(40)),       // open since 40
                ticket("d1", "t4", "396", "food", "ration", TicketEventType.OPENED, min(0)),
                ticket("d2", "t4", "397", "food", null, TicketEventType.ASSIGNED, min(15)),         // moved to 397
                ticket("d3", "t4", "396", "food", null, TicketEventType.ASSIGNED, min(5))),         // late, older: stays
                groups);
        assertThat(tickets.get("t2").openSince()).isNull();
        assertThat(tickets.get("t3").openSince()).isEqualTo(min(40));
        Map<String, Recompute.Backlog> at60 = Recompute.backlogs(tickets, groups, rules, millis(60));
        assertThat(at60).containsOnlyKeys("396|health", "396|food", "397|food");
        assertThat(at60.get("396|health")).isEqualTo(new Recompute.Backlog(2, 0, min(0)));  // t1 at exactly 1 h: not yet
        assertThat(at60.get("396|food")).isEqualTo(new Recompute.Backlog(0, 0, null));
        assertThat(at60.get("397|food")).isEqualTo(new Recompute.Backlog(1, 0, min(0)));
        assertThat(Recompute.backlogs(tickets, groups, rules, millis(60) + 1).get("396|health").slaBreaches()).isEqualTo(1);
        assertThat(Recompute.backlogs(tickets, groups, rules, millis(24 * 60) + 1).get("397|food").slaBreaches()).isEqualTo(1);
        assertThat(Recompute.backlogs(tickets, groups, rules, millis(24 * 60 + 40) + 1).get("396|health").slaBreaches()).isEqualTo(2);
    }

    @Test
    @DisplayName("calls in progress per line: started or answered, not ended or abandoned in any order, expired after 2 h")
    void shouldRecomputeCallLoad() {
        List<org.warroom.contracts.event.CallStep> steps = List.of(
                call("1s", "c1", "181", CallEventType.STARTED, min(0)),
                call("1a", "c1", "181", CallEventType.ANSWERED, min(1)),          // in progress, answered
                call("2s", "c2", "181", CallEventType.STARTED, min(0)),           // waiting
                call("2s", "c2", "181", CallEventType.STARTED, min(0)),           // duplicate
                call("3e", "c3", "181", CallEventType.ENDED, min(2)),             // ended before started arrived
                call("3s", "c3", "181", CallEventType.STARTED, min(0)),
                call("4s", "c4", "104", CallEventType.STARTED, min(0)),           // stuck: expires after 2 h
                call("5s", "c5", "104", CallEventType.STARTED, min(0)),
                call("5x", "c5", "104", CallEventType.ABANDONED, min(1)),
                call("6s", "c1", "worker-helpline", CallEventType.STARTED, min(0))); // same call id, other line
        Map<String, Recompute.Load> at5 = Recompute.callLoad(steps, rules, millis(5));
        assertThat(at5.get("181")).isEqualTo(new Recompute.Load(2, 1, 500));
        assertThat(at5.get("104")).isEqualTo(new Recompute.Load(1, 1, 200));
        assertThat(at5.get("worker-helpline")).isEqualTo(new Recompute.Load(1, 1, 100));
        assertThat(at5.get("1075")).isEqualTo(new Recompute.Load(0, 0, 100));
        assertThat(at5.get("district-control")).isEqualTo(new Recompute.Load(0, 0, 50));
        assertThat(Recompute.callLoad(steps, rules, millis(120)).get("104").inProgress()).isEqualTo(1);
        assertThat(Recompute.callLoad(steps, rules, millis(120) + 1).get("104").inProgress()).isZero();
        assertThat(Recompute.callLoad(steps, rules, millis(121) + 1).get("181")).isEqualTo(new Recompute.Load(0, 0, 500));
    }

    @Test
    @DisplayName("worker buckets: the latest record per worker, a mover leaves the old bucket, unknown for blanks, skills lower-cased once")
    void shouldCountWorkerBuckets() {
        Feeds feeds = new Feeds()
                .worker("w1", worker("w1", "396", "23", "397", WorkerStatus.WORKING, "Mason", "mason ", "Cook"))
                .worker("w1", worker("w1", "396", "23", "396", WorkerStatus.WORKING, "Mason", "mason ", "Cook"))
                .worker("w2", worker("w2", "397", null, " ", WorkerStatus.HOME))
                .worker("w3", worker("w3", "398", "10", "398", WorkerStatus.HOME, "driver"))
                .worker("w3", null);
        Map<String, Map<String, Long>> d = Recompute.distributions(feeds.workers);
        assertThat(feeds.workers).hasSize(2);
        assertThat(d.get("currentDistrict")).containsExactlyInAnyOrderEntriesOf(Map.of("396", 1L, "unknown", 1L));
        assertThat(d.get("currentState")).containsExactlyInAnyOrderEntriesOf(Map.of("23", 1L, "unknown", 1L));
        assertThat(d.get("homeDistrict")).containsExactlyInAnyOrderEntriesOf(Map.of("396", 1L, "397", 1L));
        assertThat(d.get("status")).containsExactlyInAnyOrderEntriesOf(Map.of("working", 1L, "home", 1L));
        assertThat(d.get("skill")).containsExactlyInAnyOrderEntriesOf(Map.of("mason", 1L, "cook", 1L));
    }

    @Test
    @DisplayName("each district control room its own line: district-control calls count on district-control:<lgd>, capacity per district")
    void shouldCountEachDistrictControlRoomOnItsOwnLine() {
        List<org.warroom.contracts.event.CallStep> steps = List.of(
                call("1s", "c1", "district-control", CallEventType.STARTED, min(0)),            // 396 (Events.call)
                call("2s", "c2", "district-control", CallEventType.STARTED, min(1)),
                call("2a", "c2", "district-control", CallEventType.ANSWERED, min(2)),
                new org.warroom.contracts.event.CallStep("3s", "c3", "district-control", "397", CallEventType.STARTED,
                        min(0), null, null, "test"),
                new org.warroom.contracts.event.CallStep("4s", "c4", "district-control", null, CallEventType.STARTED,
                        min(0), null, null, "test"));                                       // no district: shared line
        var changed = org.warroom.contracts.settings.SettingsSnapshot.EMPTY
                .with(new org.warroom.contracts.settings.SettingValue("line.capacity.district-control", "396", 20, 50.0,
                        "admin", java.time.Instant.EPOCH, 1));
        Rules withRoom = Rules.from(org.warroom.contracts.config.Settings.ofKeys(Map.of()), changed);
        Map<String, Recompute.Load> at5 = Recompute.callLoad(steps, withRoom, millis(5));
        assertThat(at5.get("district-control:396")).isEqualTo(new Recompute.Load(2, 1, 20));  // its own capacity
        assertThat(at5.get("district-control:397")).isEqualTo(new Recompute.Load(1, 1, 50));  // the default for all
        assertThat(at5.get("district-control")).isEqualTo(new Recompute.Load(1, 1, 50));
    }
}
