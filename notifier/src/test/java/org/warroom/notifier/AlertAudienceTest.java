package org.warroom.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;

class AlertAudienceTest {
    private static final AlertAudience AUDIENCE = new AlertAudience(DistrictDirectory.load());
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 4, 1, 18, 13, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));

    private static UserAccount operator(List<String> states) {
        return new UserAccount("op", "$argon2id$unused", "operator", List.of(), List.of(), null, false, Instant.EPOCH,
                Instant.EPOCH, "admin", List.of(), states);
    }

    private static Alert alert(String district) {
        return new Alert("shortage-critical|" + district + "|medicine|1", "shortage-critical", district, Commodity.MEDICINE,
                Severity.CRITICAL, AlertState.ACTIVE, AT, null, null, null, district + "|medicine", 1, 0.5, 1.0,
                "medicine below 1 day of cover", null, AT, 0);
    }

    @Test
    @DisplayName("an operator limited to Madhya Pradesh is sent MP's alerts only; an all-India operator every one")
    void shouldKeepStateLimitedOperatorsToTheirStates() {
        UserAccount mp = operator(List.of("23"));
        assertThat(AUDIENCE.covers(mp, Role.OPERATOR, alert("392"), Set.of())).as("Balaghat, MP").isTrue();
        assertThat(AUDIENCE.covers(mp, Role.OPERATOR, alert("230"), Set.of())).as("Patna, Bihar").isFalse();
        assertThat(AUDIENCE.covers(mp, Role.OPERATOR, alert(null), Set.of())).as("an all-India alert").isFalse();
        UserAccount india = operator(List.of());
        assertThat(AUDIENCE.covers(india, Role.OPERATOR, alert("230"), Set.of())).isTrue();
        assertThat(AUDIENCE.covers(india, Role.OPERATOR, alert(null), Set.of())).isTrue();
    }
}
