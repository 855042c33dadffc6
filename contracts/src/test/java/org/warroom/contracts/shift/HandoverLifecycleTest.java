package org.warroom.contracts.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.shift.HandoverRefused.Reason;

class HandoverLifecycleTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-01T20:00:00+05:30");
    private final HandoverLifecycle lifecycle = new HandoverLifecycle();

    private Handover drafted() {
        HandoverDraft draft = new HandoverDraft(null, List.of(new HandoverItem("a|1", "396", "shortage-critical",
                0.5, "Indore: medicine", "इंदौर: दवा", T0)), List.of(), List.of(), List.of(), List.of(), List.of());
        return lifecycle.draft("H-1", draft, "lead1", T0);
    }

    @Test
    @DisplayName("drafted → signed with the outgoing lead's summary → acknowledged by another lead")
    void shouldSignThenAcknowledge() {
        Handover signed = lifecycle.sign(drafted(), "  quiet night; watch Indore  ", "lead1", T0.plusMinutes(5));
        assertThat(signed.state()).isEqualTo(HandoverState.SIGNED);
        assertThat(signed.summary()).isEqualTo("quiet night; watch Indore");
        assertThat(signed.signedBy()).isEqualTo("lead1");
        assertThat(signed.version()).isEqualTo(2);
        Handover acked = lifecycle.acknowledge(signed, "lead2", T0.plusMinutes(7));
        assertThat(acked.state()).isEqualTo(HandoverState.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo("lead2");
        assertThat(acked.summary()).isEqualTo("quiet night; watch Indore");
        assertThat(acked.draft()).isEqualTo(drafted().draft());
    }

    @Test
    @DisplayName("the one who signed cannot acknowledge; steps out of order are refused naming the state")
    void shouldRefuseOutOfOrderAndSelfAcknowledge() {
        Handover signed = lifecycle.sign(drafted(), null, "lead1", T0);
        assertThatThrownBy(() -> lifecycle.acknowledge(signed, "lead1", T0))
                .isInstanceOfSatisfying(HandoverRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED);
                    assertThat(e.getMessage()).contains("lead1 signed");
                });
        assertThatThrownBy(() -> lifecycle.acknowledge(drafted(), "lead2", T0))
                .isInstanceOfSatisfying(HandoverRefused.class, e -> assertThat(e.getMessage()).contains("is drafted"));
        assertThatThrownBy(() -> lifecycle.sign(signed, "x", "lead1", T0))
                .isInstanceOfSatisfying(HandoverRefused.class, e -> assertThat(e.getMessage()).contains("is signed"));
        assertThatThrownBy(() -> lifecycle.sign(drafted(), "x".repeat(HandoverLifecycle.MAX_SUMMARY + 1), "lead1", T0))
                .isInstanceOfSatisfying(HandoverRefused.class, e -> assertThat(e.field()).isEqualTo("summary"));
    }

    @Test
    @DisplayName("a handover survives its JSON round trip (the topic's serde)")
    void shouldRoundTripJson() throws Exception {
        Handover h = lifecycle.sign(drafted(), "ok", "lead1", T0);
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(h), Handover.class)).isEqualTo(h);
    }
}
