package org.warroom.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;

class ComplaintTicketsTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-01T18:00:00+05:30");
    private final ComplaintLifecycle lifecycle = new ComplaintLifecycle(ComplaintSla.defaults());

    @Test
    @DisplayName("every step is a ticket step: register opened, forward assigned at the new desk, reject resolved, reopen reopened")
    void shouldMapEveryStepToATicketStep() {
        Complaint c = lifecycle.register(new ComplaintNumber("MP", "396", 5), new Registration("+919876543210", null,
                "396", "ration", "ration", "no ration", ComplaintChannel.CALL, "en", null, "c-1"),
                "Food and Civil Supplies", "agent1", T0);
        TicketStep opened = ComplaintTickets.stepOf(c);
        assertThat(opened).isEqualTo(new TicketStep("MP-396-000005/v1", "MP-396-000005", "396",
                "Food and Civil Supplies", "ration", Commodity.RATION, TicketEventType.OPENED, T0,
                org.warroom.contracts.event.Priority.NORMAL, "register", "c-1", "desk"));
        c = lifecycle.act(c, new ActionRequest(ComplaintAction.FORWARD, "wrong desk", null, "Revenue", 1), "o", T0.plusMinutes(1));
        assertThat(ComplaintTickets.stepOf(c)).satisfies(s -> {
            assertThat(s.event()).isEqualTo(TicketEventType.ASSIGNED);
            assertThat(s.department()).isEqualTo("Revenue");
            assertThat(s.note()).isEqualTo("forward: wrong desk");
            assertThat(s.id()).isEqualTo("MP-396-000005/v2");
        });
        c = lifecycle.act(c, new ActionRequest(ComplaintAction.REJECT, "duplicate", null, null, 2), "o", T0.plusMinutes(2));
        assertThat(ComplaintTickets.stepOf(c).event()).isEqualTo(TicketEventType.RESOLVED);
        c = lifecycle.act(c, new ActionRequest(ComplaintAction.REOPEN, "not solved", null, null, 3), "o", T0.plusMinutes(3));
        assertThat(ComplaintTickets.stepOf(c).event()).isEqualTo(TicketEventType.REOPENED);
    }
}
