package org.warroom.contracts.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.directive.DirectiveRefused.Reason;
import org.warroom.contracts.json.Json;

class DirectiveLifecycleTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-01T14:00:00+05:30");
    private final DirectiveLifecycle lifecycle = new DirectiveLifecycle();

    private Directive issued() {
        return lifecycle.issue("D-1", new DirectiveOrder("396", null, "send 200 kits of medicine to Indore",
                T0.plusHours(4), DirectivePriority.HIGH, "shortage-critical|396|medicine|1", "396|medicine"), "op1", T0);
    }

    private Directive act(Directive d, DirectiveAction action, String note, int minutes) {
        return lifecycle.act(d, new DirectiveRequest(action, note, d.version()), "cmdr", T0.plusMinutes(minutes));
    }

    @Test
    @DisplayName("issued: version 1, the issuer kept, links and priority as given, normal when none")
    void shouldIssue() {
        Directive d = issued();
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.state()).isEqualTo(DirectiveState.ISSUED);
        assertThat(d.issuedBy()).isEqualTo("op1");
        assertThat(d.alert()).isEqualTo("shortage-critical|396|medicine|1");
        assertThat(d.priority()).isEqualTo(DirectivePriority.HIGH);
        assertThat(d.history()).singleElement().satisfies(s -> assertThat(s.action()).isEqualTo(DirectiveAction.ISSUE));
        Directive plain = lifecycle.issue("D-2", new DirectiveOrder("396", "Health", "t", T0, null, null, null), "op1", T0);
        assertThat(plain.priority()).isEqualTo(DirectivePriority.NORMAL);
    }

    @Test
    @DisplayName("issued → acknowledged → progress → closed → returned → closed → accepted: one version per step")
    void shouldWalkTheWholeLifecycle() {
        Directive d = act(issued(), DirectiveAction.ACKNOWLEDGE, null, 5);
        assertThat(d.state()).isEqualTo(DirectiveState.ACKNOWLEDGED);
        d = act(d, DirectiveAction.PROGRESS, "100 kits loaded", 60);
        assertThat(d.state()).isEqualTo(DirectiveState.ACKNOWLEDGED);
        d = act(d, DirectiveAction.CLOSE, "200 kits delivered", 180);
        assertThat(d.state()).isEqualTo(DirectiveState.CLOSED);
        d = lifecycle.act(d, new DirectiveRequest(DirectiveAction.RETURN, "only 150 counted", d.version()), "op1",
                T0.plusMinutes(190));
        assertThat(d.state()).isEqualTo(DirectiveState.ACKNOWLEDGED);
        d = act(d, DirectiveAction.CLOSE, "50 more delivered", 200);
        d = lifecycle.act(d, new DirectiveRequest(DirectiveAction.ACCEPT, null, d.version()), "op1", T0.plusMinutes(210));
        assertThat(d.state()).isEqualTo(DirectiveState.ACCEPTED);
        assertThat(d.version()).isEqualTo(7);
        assertThat(d.history()).extracting(DirectiveStep::action).containsExactly(DirectiveAction.ISSUE,
                DirectiveAction.ACKNOWLEDGE, DirectiveAction.PROGRESS, DirectiveAction.CLOSE, DirectiveAction.RETURN,
                DirectiveAction.CLOSE, DirectiveAction.ACCEPT);
        assertThat(d.history().get(4).by()).isEqualTo("op1");
        assertThat(d.history().get(4).note()).isEqualTo("only 150 counted");
        assertThat(d.updatedAt()).isEqualTo(T0.plusMinutes(210));
    }

    @Test
    @DisplayName("a closed directive may be closed straight from issued; accepted takes no more steps (422 naming the state)")
    void shouldRefuseActionsNotAllowedInTheState() {
        Directive closed = act(issued(), DirectiveAction.CLOSE, "done", 10);
        assertThat(closed.state()).isEqualTo(DirectiveState.CLOSED);
        assertThatThrownBy(() -> act(closed, DirectiveAction.ACKNOWLEDGE, null, 11))
                .isInstanceOfSatisfying(DirectiveRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED);
                    assertThat(e.getMessage()).contains("it is closed").contains("allowed: accept, return");
                });
        Directive accepted = act(closed, DirectiveAction.ACCEPT, null, 12);
        assertThat(DirectiveTransitions.allowedIn(accepted.state())).isEmpty();
        assertThatThrownBy(() -> act(accepted, DirectiveAction.RETURN, "again", 13))
                .isInstanceOfSatisfying(DirectiveRefused.class, e -> assertThat(e.getMessage()).contains("it is accepted"));
        assertThatThrownBy(() -> act(issued(), DirectiveAction.ACCEPT, null, 1))
                .isInstanceOfSatisfying(DirectiveRefused.class, e -> assertThat(e.getMessage()).contains("it is issued"));
    }

    @Test
    @DisplayName("a stale version is refused with the current directive, unchanged")
    void shouldRefuseStaleVersion() {
        Directive d = act(issued(), DirectiveAction.ACKNOWLEDGE, null, 5);
        assertThatThrownBy(() -> lifecycle.act(d, new DirectiveRequest(DirectiveAction.CLOSE, "done", 1), "x", T0))
                .isInstanceOfSatisfying(DirectiveRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STALE);
                    assertThat(e.field()).isEqualTo("version");
                    assertThat(e.current()).isSameAs(d);
                });
    }

    @Test
    @DisplayName("progress, close and return need a note (field named); acknowledge and accept do not")
    void shouldRequireNotes() {
        for (DirectiveAction a : new DirectiveAction[] {DirectiveAction.PROGRESS, DirectiveAction.CLOSE}) {
            assertThatThrownBy(() -> act(issued(), a, "  ", 1)).isInstanceOfSatisfying(DirectiveRefused.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.INVALID);
                assertThat(e.field()).isEqualTo("note");
            });
        }
        Directive closed = act(issued(), DirectiveAction.CLOSE, "done", 1);
        assertThatThrownBy(() -> act(closed, DirectiveAction.RETURN, null, 2))
                .isInstanceOfSatisfying(DirectiveRefused.class, e -> assertThat(e.field()).isEqualTo("note"));
    }

    @Test
    @DisplayName("overdue: past the deadline and neither closed nor accepted; never before the deadline")
    void shouldBeOverdueOnlyPastDeadlineWhileOpen() {
        Directive d = issued();
        assertThat(d.overdueAt(T0.plusHours(4).toInstant())).isFalse();
        assertThat(d.overdueAt(T0.plusHours(4).plusSeconds(1).toInstant())).isTrue();
        Directive acknowledged = act(d, DirectiveAction.ACKNOWLEDGE, null, 1);
        assertThat(acknowledged.overdueAt(T0.plusHours(5).toInstant())).isTrue();
        Directive closed = act(acknowledged, DirectiveAction.CLOSE, "done late", 300);
        assertThat(closed.overdueAt(T0.plusHours(6).toInstant())).isFalse();
        Directive returned = lifecycle.act(closed, new DirectiveRequest(DirectiveAction.RETURN, "not done", 3), "op1",
                T0.plusHours(6));
        assertThat(returned.overdueAt(T0.plusHours(6).toInstant())).isTrue();
    }

    @Test
    @DisplayName("a directive survives its JSON round trip (the topic's serde)")
    void shouldRoundTripJson() throws Exception {
        Directive d = act(issued(), DirectiveAction.PROGRESS, "half way", 30);
        String json = Json.mapper().writeValueAsString(d);
        assertThat(json).contains("\"state\":\"acknowledged\"").contains("\"priority\":\"high\"");
        assertThat(Json.mapper().readValue(json, Directive.class)).isEqualTo(d);
    }
}
