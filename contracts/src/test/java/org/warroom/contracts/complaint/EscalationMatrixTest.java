package org.warroom.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

class EscalationMatrixTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-01T18:00:00+05:30");
    private final ComplaintLifecycle lifecycle = new ComplaintLifecycle(ComplaintSla.defaults());
    private final EscalationMatrix matrix = EscalationMatrix.defaults();

    private Complaint registered(String category) {
        Registration r = new Registration("+919876543210", "Ram", "396", category, null, "no ration for a week",
                ComplaintChannel.CALL, "en", null, null);
        return lifecycle.register(new ComplaintNumber("MP", "396", 7), r, "Food and Civil Supplies", "agent1", T0);
    }

    private Complaint act(Complaint c, ComplaintAction action, String note, String department, OffsetDateTime at) {
        return lifecycle.act(c, new ActionRequest(action, note, null, department, c.version()), "officer1", at);
    }

    @Test
    @DisplayName("default: level 1 until the SLA, 2 from exactly the SLA, 3 from exactly twice the SLA (ration 24 h)")
    void shouldEscalateAtExactBoundaries() {
        Complaint c = registered("ration");
        assertThat(matrix.levelOf(c, T0)).isEqualTo(1);
        assertThat(matrix.levelOf(c, T0.plusHours(24).minusNanos(1_000_000))).isEqualTo(1);
        assertThat(matrix.levelOf(c, T0.plusHours(24))).isEqualTo(2);
        assertThat(matrix.levelOf(c, T0.plusHours(48).minusSeconds(1))).isEqualTo(2);
        assertThat(matrix.levelOf(c, T0.plusHours(48))).isEqualTo(3);
        assertThat(matrix.levelOf(c, T0.plusDays(30))).isEqualTo(3);
        Complaint health = registered("health");
        assertThat(matrix.levelOf(health, T0.plusMinutes(59))).isEqualTo(1);
        assertThat(matrix.levelOf(health, T0.plusHours(1))).isEqualTo(2);
        assertThat(matrix.levelOf(health, T0.plusHours(2))).isEqualTo(3);
    }

    @Test
    @DisplayName("resolved or rejected: never escalates (level 0), however long it stays closed")
    void shouldNeverEscalateAClosedComplaint() {
        Complaint resolved = act(registered("ration"), ComplaintAction.RESOLVE, "delivered", null, T0.plusHours(1));
        assertThat(matrix.levelOf(resolved, T0.plusDays(10))).isZero();
        Complaint rejected = act(registered("ration"), ComplaintAction.REJECT, "not ours", null, T0.plusHours(30));
        assertThat(matrix.levelOf(rejected, T0.plusDays(10))).isZero();
    }

    @Test
    @DisplayName("reopened: back to level 1 from the reopening, the clock restarts with a full SLA; forward keeps the clock")
    void shouldRestartAReopenedComplaint() {
        Complaint c = act(registered("ration"), ComplaintAction.RESOLVE, "delivered", null, T0.plusHours(50));
        OffsetDateTime reopened = T0.plusHours(60);
        c = act(c, ComplaintAction.REOPEN, "not received", null, reopened);
        assertThat(matrix.levelOf(c, reopened)).isEqualTo(1);
        assertThat(matrix.levelOf(c, reopened.plusHours(24).minusSeconds(1))).isEqualTo(1);
        assertThat(matrix.levelOf(c, reopened.plusHours(24))).isEqualTo(2);
        Complaint forwarded = act(registered("ration"), ComplaintAction.FORWARD, "Labour's", "Labour", T0.plusHours(25));
        assertThat(matrix.levelOf(forwarded, T0.plusHours(25))).as("the citizen's wait goes on").isEqualTo(2);
    }

    @Test
    @DisplayName("configurable per category: levels and multiples; others keep the default")
    void shouldReadPerCategoryLevels() {
        EscalationMatrix m = EscalationMatrix.from(Settings.ofKeys(Map.of(
                "complaint.escalation.health", "2=0.5; 3=1; 4=3", "complaint.escalation.default", "2=2")));
        assertThat(m.levels("health")).containsExactly(new EscalationMatrix.Level(2, 0.5),
                new EscalationMatrix.Level(3, 1), new EscalationMatrix.Level(4, 3));
        assertThat(m.levels("ration")).containsExactly(new EscalationMatrix.Level(2, 2));
        Complaint health = registered("health");
        assertThat(m.levelOf(health, T0.plusMinutes(30))).isEqualTo(2);
        assertThat(m.levelOf(health, T0.plusHours(3))).isEqualTo(4);
        assertThat(m.levelOf(registered("ration"), T0.plusHours(47))).isEqualTo(1);
        assertThat(EscalationMatrix.defaults().levels("water")).extracting(EscalationMatrix.Level::multiple)
                .isEqualTo(List.of(1.0, 2.0));
    }

    @Test
    @DisplayName("bad matrix: a clear configuration error naming the key")
    void shouldRefuseABadMatrix() {
        for (String bad : List.of("3=1", "2=1; 3=1", "2=0", "2", "2=x")) {
            assertThatThrownBy(() -> EscalationMatrix.from(Settings.ofKeys(Map.of("complaint.escalation.ration", bad))))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("complaint.escalation.ration");
        }
    }
}
