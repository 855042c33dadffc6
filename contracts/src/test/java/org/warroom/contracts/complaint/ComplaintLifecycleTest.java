package org.warroom.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.complaint.ComplaintRefused.Reason;

class ComplaintLifecycleTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-01T18:00:00+05:30");
    private final ComplaintLifecycle lifecycle = new ComplaintLifecycle(ComplaintSla.defaults());

    private Complaint registered(String category) {
        Registration r = new Registration("+919876543210", "Ram", "396", category, null, "no ration for a week",
                ComplaintChannel.CALL, "en", null, null);
        return lifecycle.register(new ComplaintNumber("MP", "396", 123), r, "Food and Civil Supplies", "agent1", T0);
    }

    private Complaint act(Complaint c, ComplaintAction action, String note, String assignee, String department, int minutes) {
        return lifecycle.act(c, new ActionRequest(action, note, assignee, department, c.version()), "officer1",
                T0.plusMinutes(minutes));
    }

    @Test
    @DisplayName("registration: version 1, open at the routed desk, SLA clock from the category (24 h ration, 1 h health)")
    void shouldRegisterOpenWithSla() {
        Complaint c = registered("ration");
        assertThat(c.number()).isEqualTo("MP-396-000123");
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.state()).isEqualTo(ComplaintState.OPEN);
        assertThat(c.slaDueAt()).isEqualTo(T0.plusHours(24));
        assertThat(c.history()).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(ComplaintAction.REGISTER);
            assertThat(s.by()).isEqualTo("agent1");
        });
        assertThat(registered("health").slaDueAt()).isEqualTo(T0.plusHours(1));
    }

    @Test
    @DisplayName("open → assigned → resolved → reopened → forwarded → rejected: each step one version, who/when/why kept")
    void shouldWalkTheWholeLifecycle() {
        Complaint c = act(registered("ration"), ComplaintAction.ASSIGN, null, "officer2", null, 5);
        assertThat(c.state()).isEqualTo(ComplaintState.ASSIGNED);
        assertThat(c.assignee()).isEqualTo("officer2");
        c = act(c, ComplaintAction.COMMENT, "called the dealer", null, null, 6);
        assertThat(c.state()).isEqualTo(ComplaintState.ASSIGNED);
        c = act(c, ComplaintAction.RESOLVE, "ration delivered", null, null, 30);
        assertThat(c.state()).isEqualTo(ComplaintState.RESOLVED);
        c = act(c, ComplaintAction.REOPEN, "citizen says not received", null, null, 90);
        assertThat(c.state()).isEqualTo(ComplaintState.REOPENED);
        assertThat(c.openSince()).isEqualTo(T0.plusMinutes(90));
        assertThat(c.slaDueAt()).isEqualTo(T0.plusMinutes(90).plus(Duration.ofHours(24)));
        assertThat(c.openedAt()).isEqualTo(T0);
        c = act(c, ComplaintAction.FORWARD, "dealer is under Revenue", null, "Revenue", 95);
        assertThat(c.state()).isEqualTo(ComplaintState.OPEN);
        assertThat(c.department()).isEqualTo("Revenue");
        assertThat(c.assignee()).isNull();
        c = act(c, ComplaintAction.REJECT, "duplicate of MP-396-000124", null, null, 100);
        assertThat(c.state()).isEqualTo(ComplaintState.REJECTED);
        assertThat(c.version()).isEqualTo(7);
        assertThat(c.history()).extracting(ComplaintStep::action).containsExactly(ComplaintAction.REGISTER,
                ComplaintAction.ASSIGN, ComplaintAction.COMMENT, ComplaintAction.RESOLVE, ComplaintAction.REOPEN,
                ComplaintAction.FORWARD, ComplaintAction.REJECT);
        assertThat(c.lastStep().note()).isEqualTo("duplicate of MP-396-000124");
        assertThat(c.lastStep().at()).isEqualTo(T0.plusMinutes(100));
    }

    @Test
    @DisplayName("a stale version is refused with the current complaint, unchanged")
    void shouldRefuseStaleVersion() {
        Complaint c = act(registered("ration"), ComplaintAction.ASSIGN, null, "officer2", null, 5);
        assertThatThrownBy(() -> lifecycle.act(c, new ActionRequest(ComplaintAction.RESOLVE, "done", null, null, 1),
                "officer3", T0.plusMinutes(6)))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STALE);
                    assertThat(e.current()).isSameAs(c);
                    assertThat(e.getMessage()).contains("version 2", "assigned");
                });
    }

    @Test
    @DisplayName("resolve a rejected one, reopen an open one: refused naming the state")
    void shouldRefuseActionsNotAllowedInTheState() {
        Complaint rejected = act(registered("ration"), ComplaintAction.REJECT, "not ours", null, null, 5);
        assertThatThrownBy(() -> act(rejected, ComplaintAction.RESOLVE, "done", null, null, 6))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED);
                    assertThat(e.getMessage()).contains("cannot resolve", "it is rejected", "allowed: reopen");
                });
        assertThatThrownBy(() -> act(registered("ration"), ComplaintAction.REOPEN, "again", null, null, 6))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.getMessage()).contains("it is open"));
        assertThatThrownBy(() -> act(rejected, ComplaintAction.COMMENT, "hello", null, null, 6))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED));
    }

    @Test
    @DisplayName("each action's required field is named: assignee, department + reason, resolution note, rejection reason")
    void shouldNameMissingFields() {
        Complaint c = registered("ration");
        assertThatThrownBy(() -> act(c, ComplaintAction.ASSIGN, null, " ", null, 1))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.field()).isEqualTo("assignee"));
        assertThatThrownBy(() -> act(c, ComplaintAction.FORWARD, "wrong desk", null, null, 1))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.field()).isEqualTo("department"));
        assertThatThrownBy(() -> act(c, ComplaintAction.FORWARD, null, null, "Labour", 1))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThatThrownBy(() -> act(c, ComplaintAction.FORWARD, "same", null, "food and civil supplies", 1))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.getMessage()).contains("already at"));
        assertThatThrownBy(() -> act(c, ComplaintAction.RESOLVE, "", null, null, 1))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.field()).isEqualTo("note"));
        assertThatThrownBy(() -> act(c, ComplaintAction.REJECT, null, null, null, 1))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    }

    @Test
    @DisplayName("the citizen rates a resolved complaint once: state kept, a later rating and a bad one refused")
    void shouldRateOnceAfterResolution() {
        Complaint open = registered("ration");
        assertThatThrownBy(() -> lifecycle.act(open, new ActionRequest(ComplaintAction.RATE, null, null, null, 1, "4"),
                "citizen", T0)).isInstanceOfSatisfying(ComplaintRefused.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED));
        Complaint resolved = act(open, ComplaintAction.RESOLVE, "ration delivered", null, null, 30);
        assertThatThrownBy(() -> lifecycle.act(resolved, new ActionRequest(ComplaintAction.RATE, null, null, null, 2,
                "6"), "citizen", T0)).isInstanceOfSatisfying(ComplaintRefused.class,
                e -> assertThat(e.field()).isEqualTo("rating"));
        Complaint rated = lifecycle.act(resolved, new ActionRequest(ComplaintAction.RATE, "citizen message m-1: 4",
                null, null, 2, "4"), "citizen:+91******3210", T0.plusMinutes(40));
        assertThat(rated.rating()).isEqualTo(4);
        assertThat(rated.state()).isEqualTo(ComplaintState.RESOLVED);
        assertThat(rated.version()).isEqualTo(3);
        assertThat(rated.lastStep().by()).isEqualTo("citizen:+91******3210");
        assertThat(ComplaintTickets.isTicketStep(rated)).isFalse();
        assertThatThrownBy(() -> lifecycle.act(rated, new ActionRequest(ComplaintAction.RATE, null, null, null, 3,
                "5"), "citizen", T0)).isInstanceOfSatisfying(ComplaintRefused.class,
                e -> assertThat(e.getMessage()).contains("rated already (4)"));
        Complaint reopened = act(rated, ComplaintAction.REOPEN, "citizen: not solved", null, null, 50);
        assertThat(reopened.rating()).isEqualTo(4);
        assertThat(ComplaintTickets.stepOf(reopened).event().wire()).isEqualTo("reopened");
    }

    @Test
    @DisplayName("the diagram: closed states allow only reopen; desk states allow every action but reopen")
    void shouldFollowTheDiagram() {
        for (ComplaintState s : ComplaintState.values()) {
            assertThat(ComplaintTransitions.next(s, ComplaintAction.REGISTER)).isEmpty();
            if (s == ComplaintState.RESOLVED) {
                assertThat(ComplaintTransitions.allowedIn(s)).containsExactly(ComplaintAction.REOPEN,
                        ComplaintAction.RATE);
            } else if (s.closed()) {
                assertThat(ComplaintTransitions.allowedIn(s)).containsExactly(ComplaintAction.REOPEN);
            } else {
                assertThat(ComplaintTransitions.allowedIn(s)).containsExactly(ComplaintAction.ASSIGN,
                        ComplaintAction.COMMENT, ComplaintAction.FORWARD, ComplaintAction.RESOLVE, ComplaintAction.REJECT);
            }
        }
    }
}
