package org.warroom.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.config.Settings;

/** What a topic is created with: compaction, or the retention its kind asks for. */
class TopicCreatorTest {
    private static final Topic<String, String> AUDIT =
            new Topic<>("warroom.audit", Serdes.String(), Serdes.String(), false, Topic.Retention.AUDIT);
    private static final long DAY = 86_400_000L;

    @Test
    void auditLogIsKeptAYearByDefaultAndPersonalDataNinetyDays() {
        TopicCreator creator = new TopicCreator(KafkaSettings.from(Settings.ofKeys(Map.of())));

        assertThat(creator.newTopic(AUDIT).configs()).containsEntry("retention.ms", Long.toString(365 * DAY));
        assertThat(creator.newTopic(Topics.MESSAGES).configs()).containsEntry("retention.ms", Long.toString(90 * DAY));
        assertThat(creator.newTopic(Topics.WORKERS).configs()).containsEntry("cleanup.policy", "compact")
                .doesNotContainKey("retention.ms");
        assertThat(creator.newTopic(ResultTopics.SHORTAGES).configs()).as("segments close after 10 min, so compaction keeps up")
                .containsEntry("cleanup.policy", "compact").containsEntry("segment.ms", "600000");
        assertThat(creator.newTopic(Topics.MESSAGES).configs()).as("a log keeps Kafka's segments").doesNotContainKey("segment.ms");
        assertThat(creator.newTopic(Topics.REPORTS).configs()).doesNotContainKey("retention.ms");
        assertThat(Topics.personalData()).containsExactly(Topics.CALLS, Topics.TICKETS, Topics.MESSAGES, Topics.DEAD_LETTER);
    }

    @Test
    void retentionsComeFromConfiguration() {
        TopicCreator creator = new TopicCreator(KafkaSettings.from(Settings.ofKeys(
                Map.of("audit.retention", "730d", "personal.data.retention", "30d", "topic.compacted.segment", "1h"))));

        assertThat(creator.newTopic(AUDIT).configs()).containsEntry("retention.ms", Long.toString(730 * DAY));
        assertThat(creator.newTopic(Topics.CALLS).configs()).containsEntry("retention.ms", Long.toString(30 * DAY));
        assertThat(creator.newTopic(ResultTopics.BACKLOGS).configs()).containsEntry("segment.ms", "3600000");
    }

    @Test
    void anAuditRetentionUnderADayIsRefusedByName() {
        assertThatThrownBy(() -> KafkaSettings.from(Settings.ofKeys(Map.of("audit.retention", "2h"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("audit.retention");
    }
}
