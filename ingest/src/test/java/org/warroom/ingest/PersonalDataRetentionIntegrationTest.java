package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.topic.Topics;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** The topics holding personal data are created with a bounded retention; the worker registry is compacted. */
@ExtendWith(RealKafka.class)
class PersonalDataRetentionIntegrationTest {

    @Test
    @DisplayName("calls, tickets, messages and dead letters keep records personal.data.retention (90 days by default); workers are compacted")
    void shouldBoundRetentionOfPersonalData(LocalKafka kafka) throws Exception {
        try (RunningIngest ingest = RunningIngest.start(kafka, Map.of());
             Admin admin = Admin.create(kafka.kafkaSettings().client())) {
            List<ConfigResource> topics = Topics.feeds().stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
            Map<String, Config> configs = admin.describeConfigs(topics).all().get(60, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
            String ninetyDays = Long.toString(KafkaSettings.DEFAULT_PERSONAL_DATA_RETENTION.toMillis());
            for (var topic : Topics.personalData()) {
                assertThat(configs.get(topic.name()).get("retention.ms").value()).as(topic.name()).isEqualTo(ninetyDays);
            }
            assertThat(configs.get(Topics.WORKERS.name()).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(Topics.REPORTS.name()).get("retention.ms").value()).isNotEqualTo(ninetyDays);
            assertThat(ingest.get("/health").statusCode()).isEqualTo(200);
        }
    }
}
