package org.warroom.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.tools.verify.Events.call;
import static org.warroom.tools.verify.Events.message;
import static org.warroom.tools.verify.Events.millis;
import static org.warroom.tools.verify.Events.min;
import static org.warroom.tools.verify.Events.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.json.Json;

/** The hour's and the minute's counts, hand-computed. */
class WindowCountsTest {
    private final WindowCounts counts = new WindowCounts(Duration.ofHours(1), Duration.ofMinutes(1), 2d, 0.2);

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** t1 opened at 0, resolved at 10, reopened at 40; t2 opened at 5 (sent twice); t3 resolved at 20, never opened. */
    private static Feeds feeds() {
        Feeds f = new Feeds();
        f.tickets.add(ticket("a", "t1", "396", "food", "ration", TicketEventType.OPENED, min(0)));
        f.tickets.add(ticket("b", "t1", "396", "food", "ration", TicketEventType.RESOLVED, min(10)));
        f.tickets.add(ticket("c", "t1", "396", "food", "ration", TicketEventType.REOPENED, min(40)));
        f.tickets.add(ticket("d", "t2", "396", "food", "ration", TicketEventType.OPENED, min(5)));
        f.tickets.add(ticket("d", "t2", "396", "food", "ration", TicketEventType.OPENED, min(5)));
        f.tickets.add(ticket("e", "t3", "396", "food", "ration", TicketEventType.RESOLVED, min(20)));
        f.calls.add(call("c1s", "c1", "181", CallEventType.STARTED, min(61)));
        f.calls.add(call("c2s", "c2", "181", CallEventType.STARTED, Events.T0.plusSeconds(3570)));
        f.calls.add(call("c2e", "c2", "181", CallEventType.ENDED, min(60)));
        f.messages.add(message("m1", null, min(50)));
        f.messages.add(message("m2", null, min(55)));
        f.messages.add(message("m3", "396", min(55)));
        return f;
    }

    private static Answers answers(String backlog, String lines, String overview, String alerts, long from, long to) {
        return new Answers(null, json(backlog), json(lines), Map.of(), json(alerts), json(overview), Map.of(), Map.of(),
                from, to);
    }

    private void check(Answers a, Comparison c) {
        counts.compare(feeds(), a, a.fromMillis(), a.toMillis(), c);
    }

    @Test
    @DisplayName("at 61 min: t1 and t2 opened in the hour (t1 by its reopening), t1 and t3 resolved; 2 calls a minute; 2 unlocated")
    void shouldCountEachIdOnceWhileItsLatestTimeIsInTheWindow() {
        Comparison c = new Comparison();
        check(answers(
                "{'items':[{'district':'396','department':'food','openedLastHour':2,'resolvedLastHour':2}]}",
                "{'items':[{'line':'181','perMinute':1}]}",
                "{'unlocatedMessagesLastHour':2}",
                "{'items':[{'rule':'unlocated-messages','subject':'all','state':'active'}]}",
                millis(61), millis(61)), c);
        assertThat(c.mismatches()).isEmpty();

        // at 71 min: t1's opening and resolve have left the hour, its reopening has not: opened 2 → 1 (t2 left too)
        Comparison later = new Comparison();
        check(answers(
                "{'items':[{'district':'396','department':'food','openedLastHour':2,'resolvedLastHour':1}]}",
                "{'items':[{'line':'181','perMinute':1}]}",
                "{'unlocatedMessagesLastHour':2}",
                "{'items':[]}",
                millis(71), millis(71)), later);
        assertThat(later.mismatches()).extracting(Object::toString).containsExactlyInAnyOrder(
                "MISMATCH backlog 396|food openedLastHour: recomputed 1, dashboard says 2",
                "MISMATCH line 181 perMinute: recomputed 0, dashboard says 1",
                "MISMATCH alert unlocated-messages all open (unlocated messages of the hour 2..2, threshold 2.0): "
                        + "recomputed open, dashboard says none");
    }

    @Test
    @DisplayName("a count that falls inside the window may be shown at either end or between")
    void shouldAcceptAFallingCountWithinTheWindow() {
        Comparison c = new Comparison();
        check(answers(
                "{'items':[{'district':'396','department':'food','openedLastHour':2,'resolvedLastHour':1}]}",
                "{'items':[{'line':'181','perMinute':0}]}",
                "{'unlocatedMessagesLastHour':2}",
                "{'items':[{'rule':'unlocated-messages','subject':'all','state':'active'}]}",
                millis(60), millis(71)), c);
        assertThat(c.mismatches()).isEmpty();
        assertThat(c.compared().get("openedLastHour (time)")).containsExactly(1, 1);
    }
}
