package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.topic.Topics;
import org.warroom.contracts.triage.AliasProposal;
import org.warroom.contracts.triage.AliasStatus;
import org.warroom.contracts.triage.TriageTopics;
import org.warroom.ingest.reference.DirectoryPlaces;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Triage teaches ingest (docs/TRIAGE.md): a spelling no table knows ("bhpoal") leaves a message unplaced; once an
 * administrator accepted it as an alias of Bhopal (a record on {@code warroom.district-aliases}), the next message with
 * that spelling is placed at intake, without a restart; a proposal still under review teaches nothing.
 */
@ExtendWith(RealKafka.class)
class LearnedAliasesIntegrationTest {
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void shouldPlaceTheNextMessageWithAnAcceptedSpelling(LocalKafka kafka) {
        String run = "alias" + System.nanoTime();
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        DirectoryPlaces places = DirectoryPlaces.load(Optional.empty(), List.of("23"));
        try (RunningIngest ingest = RunningIngest.start(kafka, Map.of(), Clock.systemUTC(), places);
             KafkaProducer<String, AliasProposal> producer = new KafkaProducer<>(kafka.kafkaSettings().client(),
                     TriageTopics.ALIASES.keySerde().serializer(), TriageTopics.ALIASES.valueSerde().serializer())) {
            assertThat(send(ingest, run + "-m1", now).districtSource()).isEqualTo(CitizenMessage.DISTRICT_UNKNOWN);

            AliasProposal proposed = new AliasProposal("Bhpoal", "396", 1, AliasStatus.PROPOSED, null,
                    OffsetDateTime.now(ZoneOffset.UTC), 1);
            producer.send(new ProducerRecord<>(TriageTopics.ALIASES.name(), proposed.key(), proposed));
            AliasProposal other = new AliasProposal("Qwertpur", "397", 1, AliasStatus.ACCEPTED, "admin",
                    OffsetDateTime.now(ZoneOffset.UTC), 2);
            producer.send(new ProducerRecord<>(TriageTopics.ALIASES.name(), other.key(), other));
            producer.flush();
            // The other acceptance came after the proposal on the same partition or not: wait until it is learned.
            eventually(WITHIN, () -> assertThat(places.recognise("water gone in qwertpur")).isPresent());
            assertThat(send(ingest, run + "-m2", now).district()).as("proposed, not accepted: nothing learned").isNull();

            AliasProposal accepted = new AliasProposal("Bhpoal", "396", 1, AliasStatus.ACCEPTED, "admin",
                    OffsetDateTime.now(ZoneOffset.UTC), 2);
            producer.send(new ProducerRecord<>(TriageTopics.ALIASES.name(), accepted.key(), accepted));
            producer.flush();
            eventually(WITHIN, () -> assertThat(places.recognise("bhpoal mein doodh nahi")).isPresent());
            CitizenMessage placed = send(ingest, run + "-m3", now);
            assertThat(placed.district()).isEqualTo("396");
            assertThat(placed.districtSource()).isEqualTo(CitizenMessage.DISTRICT_RECOGNISED);
        }
    }

    private static CitizenMessage send(RunningIngest ingest, String id, String now) {
        String line = new JsonObject().put("id", id).put("channel", "sms").put("from", "+919812345679")
                .put("text", "bhpoal mein doodh nahi mil raha").put("at", now).encode();
        assertThat(ingest.postNdjson("/v1/messages", ingest.key, line).statusCode()).isEqualTo(202);
        return RunningIngest.read(ingest.kafka, Topics.MESSAGES, m -> m.id().equals(id)).get(0).value();
    }
}
