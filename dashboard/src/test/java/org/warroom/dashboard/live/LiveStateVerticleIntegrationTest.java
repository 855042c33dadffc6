package org.warroom.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.Results;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * A dashboard that starts over topics holding many versions of each key (not compacted yet) ends with the newest of
 * each, tombstones applied; then follows the topics record by record.
 */
@ExtendWith(RealKafka.class)
class LiveStateVerticleIntegrationTest {
    /** Few: the shared broker's result topics are read from the start by other tests (the indexer's among them). */
    private static final int VERSIONS = 20;

    @Test
    void shouldStartFromTheNewestRecordOfEveryKeyThenFollow(LocalKafka kafka) throws Exception {
        kafka.ensure(ResultTopics.all());
        kafka.ensure(DirectiveTopics.all()); // the live state reads the directives' channel too
        String run = Long.toString(System.nanoTime(), 36);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", kafka.bootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= VERSIONS; i++) {
                for (String line : new String[] {run + "-a", run + "-b", run + "-gone"}) {
                    producer.send(new ProducerRecord<>(ResultTopics.CALL_LOAD.name(), line, bytes(Results.line(line, i, 400))));
                }
            }
            producer.send(new ProducerRecord<>(ResultTopics.CALL_LOAD.name(), run + "-gone", null));
            producer.flush();
        }
        Vertx vertx = Vertx.vertx();
        try {
            LiveState state = new LiveState();
            vertx.deployVerticle(new LiveStateVerticle(kafka.kafkaSettings(), state, run))
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

            // The reader calls itself caught up by the consumer's position, which runs ahead of the records the Vert.x
            // client has handed over yet by up to a poll: the last of them land just after the deployment completes.
            eventually(Duration.ofSeconds(20), () -> {
                assertThat(load(state, run + "-a").inProgress()).as("the newest of its versions").isEqualTo(VERSIONS);
                assertThat(load(state, run + "-b").inProgress()).isEqualTo(VERSIONS);
                assertThat(state.get(LiveChannel.CALL_LOAD, run + "-gone")).as("deleted by its tombstone").isEmpty();
            });

            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Map.<String, Object>of("bootstrap.servers", kafka.bootstrap()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(ResultTopics.CALL_LOAD.name(), run + "-a", bytes(Results.line(run + "-a", VERSIONS + 1, 400))));
            }
            eventually(Duration.ofSeconds(20), () -> assertThat(load(state, run + "-a").inProgress()).isEqualTo(VERSIONS + 1));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static LineLoad load(LiveState state, String line) {
        return (LineLoad) state.get(LiveChannel.CALL_LOAD, line).orElseThrow().value();
    }

    private static byte[] bytes(LineLoad load) {
        return ResultTopics.CALL_LOAD.valueSerde().serializer().serialize(ResultTopics.CALL_LOAD.name(), load);
    }
}
