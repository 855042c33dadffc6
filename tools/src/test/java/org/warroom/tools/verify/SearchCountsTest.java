package org.warroom.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.tools.verify.Events.message;
import static org.warroom.tools.verify.Events.min;
import static org.warroom.tools.verify.Events.ticket;
import static org.warroom.tools.verify.Events.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerStatus;

/** What the search page and the workers page must count. */
class SearchCountsTest {
    private static Feeds feeds() {
        Feeds f = new Feeds();
        f.messages.add(message("m1", "396", min(0)));
        f.messages.add(message("m1", "396", min(0))); // sent twice: one document
        f.messages.add(message("m2", null, min(1)));
        f.messages.add(message("m3", "397", min(2)));
        f.tickets.add(ticket("s1", "t1", "396", "food", "ration", TicketEventType.OPENED, min(0))); // no note
        TicketStep withNote = ticket("s2", "t1", "396", "food", "ration", TicketEventType.RESOLVED, min(5));
        f.tickets.add(new TicketStep(withNote.id(), withNote.ticket(), withNote.district(), withNote.department(),
                withNote.category(), null, withNote.event(), withNote.at(), null, "राशन पहुँचा", null, "test"));
        f.worker("w1", worker("w1", "396", "23", "397", WorkerStatus.WORKING));
        f.worker("w2", worker("w2", "396", "23", " ", WorkerStatus.WORKING));
        return f;
    }

    @Test
    @DisplayName("messages by id, ticket steps with words, workers by current and home district")
    void shouldRecountWhatTheSearchScreensShow() {
        Map<String, Long> shown = new LinkedHashMap<>();
        shown.put("messages|", 3L);
        shown.put("tickets|", 1L);
        shown.put("workers|", 2L);
        shown.put("messages|396", 1L);
        shown.put("tickets|396", 1L);
        shown.put("workersIn|396", 0L);
        shown.put("workersFrom|396", 2L);
        shown.put("workersIn|397", 1L);
        shown.put("messages|397", 2L);
        Comparison c = new Comparison();
        SearchCounts.compare(feeds(), new SearchCounts.Shown(shown), c);
        assertThat(c.mismatches()).extracting(Object::toString)
                .containsExactly("MISMATCH search messages in district 397: recomputed 1, dashboard says 2");
        assertThat(c.compared().get("search counts")).containsExactly(9, 0);
    }
}
