package org.warroom.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

class RetentionTest {
    private static final IndexNames NAMES = new IndexNames("warroom");
    private static final Retention DEFAULTS = Retention.from(Settings.ofKeys(Map.of()));

    @Test
    @DisplayName("defaults: messages and deliveries 180 days, calls, tickets, complaints and campaign calls 365, audit 1095; history kept")
    void shouldKeepPersonalDataForItsRetentionOnly() {
        assertThat(DEFAULTS.of(IndexFamily.MESSAGES)).contains(Duration.ofDays(180));
        assertThat(DEFAULTS.of(IndexFamily.DELIVERIES)).contains(Duration.ofDays(180));
        assertThat(DEFAULTS.of(IndexFamily.CALLS)).contains(Duration.ofDays(365));
        assertThat(DEFAULTS.of(IndexFamily.TICKETS)).contains(Duration.ofDays(365));
        assertThat(DEFAULTS.of(IndexFamily.COMPLAINTS)).contains(Duration.ofDays(365));
        assertThat(DEFAULTS.of(IndexFamily.CAMPAIGN_CALLS)).contains(Duration.ofDays(365));
        assertThat(DEFAULTS.of(IndexFamily.AUDIT)).contains(Duration.ofDays(1095));
        for (IndexFamily kept : List.of(IndexFamily.SNAPSHOTS, IndexFamily.ALERTS, IndexFamily.REPORTS,
                IndexFamily.DIRECTIVES, IndexFamily.SHIFT, IndexFamily.WORKERS)) {
            assertThat(DEFAULTS.of(kept)).as(kept.word()).isEmpty();
        }
        assertThat(DEFAULTS.toString()).contains("messages=180d").contains("snapshots=keep");
    }

    @Test
    @DisplayName("a month's index is due when its month's end plus the retention has come, not a millisecond before")
    void shouldFindDueIndicesByNameAndClock() {
        Retention r = Retention.from(Settings.ofKeys(Map.of("retention.messages", "30d", "retention.audit", "keep")));
        // May 2026 ends 2026-06-01T00:00Z; + 30 days = 2026-07-01T00:00Z
        assertThat(Retention.dueAt(YearMonth.of(2026, 5), Duration.ofDays(30))).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        List<String> indices = List.of("warroom-messages-2026.04", "warroom-messages-2026.05", "warroom-messages-2026.06",
                "warroom-messages-2026.07", "warroom-audit-2020.01", "warroom-snapshots-2020.01", "warroom-workers-v1",
                "warroom-messages-2026.13", "warroom-messages-old", "other-messages-2020.01", "warroom-calls-2025.06");
        assertThat(r.due(NAMES, indices, Instant.parse("2026-06-30T23:59:59.999Z")))
                .as("a millisecond before: May's messages and June 2025's calls (365 days after 2025-07-01) not yet")
                .extracting(Retention.Due::index).containsExactly("warroom-messages-2026.04");
        List<Retention.Due> due = r.due(NAMES, indices, Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(due).extracting(Retention.Due::index)
                .containsExactly("warroom-calls-2025.06", "warroom-messages-2026.04", "warroom-messages-2026.05");
        assertThat(due.get(2)).isEqualTo(new Retention.Due("warroom-messages-2026.05", IndexFamily.MESSAGES,
                YearMonth.of(2026, 5), Duration.ofDays(30)));
        assertThat(r.due(NAMES, indices, Instant.parse("2026-06-01T00:00:00Z"))).extracting(Retention.Due::index)
                .containsExactly("warroom-messages-2026.04");
    }

    @Test
    @DisplayName("index names: the month of a family's monthly index, nothing for anything else")
    void shouldReadTheMonthFromTheName() {
        assertThat(NAMES.month(IndexFamily.MESSAGES, "warroom-messages-2026.11")).contains(YearMonth.of(2026, 11));
        assertThat(NAMES.month(IndexFamily.MESSAGES, "warroom-messages-2026.00")).isEmpty();
        assertThat(NAMES.month(IndexFamily.MESSAGES, "warroom-messages-2026.11-restored")).isEmpty();
        assertThat(NAMES.month(IndexFamily.CALLS, "warroom-messages-2026.11")).isEmpty();
        assertThat(NAMES.month(IndexFamily.WORKERS, "warroom-workers-v1")).isEmpty();
        assertThat(NAMES.lifecyclePolicy(IndexFamily.TICKETS)).isEqualTo("warroom-tickets-retention");
        assertThat(NAMES.lifecycleComponent(IndexFamily.TICKETS)).isEqualTo("warroom-tickets-lifecycle");
    }

    @Test
    @DisplayName("a retention shorter than a day, or not a duration, is a configuration error naming the key")
    void shouldRefuseBadRetentions() {
        assertThatThrownBy(() -> Retention.from(Settings.ofKeys(Map.of("retention.tickets", "2h"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("retention.tickets");
        assertThatThrownBy(() -> Retention.from(Settings.ofKeys(Map.of("retention.calls", "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("retention.calls");
    }
}
