package org.warroom.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

class ReportScheduleTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Test
    @DisplayName("by default the report goes out at 08:00 and 20:00 IST, in English and Hindi; the next edition follows the clock")
    void shouldFindTheNextEdition() {
        ReportSchedule s = ReportSchedule.from(Settings.ofKeys(Map.of()));
        assertThat(s.times()).containsExactly(LocalTime.of(8, 0), LocalTime.of(20, 0));
        assertThat(s.languages()).containsExactly("en", "hi");
        assertThat(s.enabled()).isTrue();
        // 07:59 IST = 02:29 UTC
        assertThat(s.next(Instant.parse("2026-12-07T02:29:00Z"), IST))
                .isEqualTo(new ReportSchedule.Edition(LocalDate.of(2026, 12, 7), LocalTime.of(8, 0)));
        // exactly 08:00 IST: that edition is done, the next is 20:00
        assertThat(s.next(Instant.parse("2026-12-07T02:30:00Z"), IST))
                .isEqualTo(new ReportSchedule.Edition(LocalDate.of(2026, 12, 7), LocalTime.of(20, 0)));
        // 21:00 IST: tomorrow 08:00
        assertThat(s.next(Instant.parse("2026-12-07T15:30:00Z"), IST))
                .isEqualTo(new ReportSchedule.Edition(LocalDate.of(2026, 12, 8), LocalTime.of(8, 0)));
        assertThat(ReportSchedule.at(new ReportSchedule.Edition(LocalDate.of(2026, 12, 8), LocalTime.of(8, 0)), IST))
                .isEqualTo(Instant.parse("2026-12-08T02:30:00Z"));
    }

    @Test
    @DisplayName("a schedule that is not times of day, or a language other than en/hi, is refused naming the key")
    void shouldRefuseBadSchedules() {
        assertThatThrownBy(() -> ReportSchedule.from(Settings.ofKeys(Map.of("report.schedule", "8am"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("report.schedule");
        assertThatThrownBy(() -> ReportSchedule.from(Settings.ofKeys(Map.of("report.mail.languages", "en,fr"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("report.mail.languages");
        assertThat(ReportSchedule.from(Settings.ofKeys(Map.of("report.schedule", "20:00, 06:30"))).times())
                .containsExactly(LocalTime.of(6, 30), LocalTime.of(20, 0));
    }
}
