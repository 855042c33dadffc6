package org.warroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;
import static org.warroom.testkit.FeedEvents.BHOPAL;
import static org.warroom.testkit.FeedEvents.INDORE;
import static org.warroom.testkit.FeedEvents.T0;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.IndexTemplates;
import org.warroom.testkit.FeedEvents;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/** Several polls in flight at once, and a restart in the middle of them: nothing lost, nothing doubled. */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
class IndexerPipelineIntegrationTest {
    private static final int MESSAGES = 3000;
    private static final int WORKERS = 300;

    @Test
    @DisplayName("with many small polls in flight, a stop half-way and a restart index every event exactly once")
    void shouldLoseAndDoubleNothingAcrossARestartWithPollsInFlight(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        kafka.ensure(Topics.feeds());
        kafka.ensure(ResultTopics.all());
        String run = "pipe" + System.nanoTime();
        IndexerConfig config = IndexerConfig.from(Settings.ofKeys(Map.of(
                "kafka.bootstrap", kafka.bootstrap(), "es.url", es.url(), "es.index.prefix", run,
                "indexer.group", run, "management.port", "0", "indexer.lag.interval", "300ms",
                // small polls and small bulks, so that many polls are written at the same time
                "indexer.max.poll.records", "25", "indexer.bulk.actions", "10", "indexer.max.in.flight.polls", "6")));
        try (ElasticsearchClient client = ElasticClientFactory.create(config.elastic());
             TestFeed feed = new TestFeed(kafka)) {
            IndexTemplates.install(client, config.elastic());
            IndexNames names = config.elastic().names();
            for (int i = 0; i < MESSAGES; i++) {
                feed.sendLater(Topics.MESSAGES, run + "-m" + i,
                        FeedEvents.message(run + "-m" + i, i % 2 == 0 ? BHOPAL : INDORE, "राशन नहीं मिला " + i, T0.plusSeconds(i)));
            }
            for (int i = 0; i < WORKERS; i++) { // each worker twice: home first, then where they work now
                feed.sendLater(Topics.WORKERS, run + "-w" + i, FeedEvents.worker(run + "-w" + i, "Ravi Kumar", "+919800000" + (100 + i),
                        BHOPAL, null, WorkerStatus.HOME, T0));
                feed.sendLater(Topics.WORKERS, run + "-w" + i, FeedEvents.worker(run + "-w" + i, "Ravi Kumar", "+919800000" + (100 + i),
                        BHOPAL, INDORE, WorkerStatus.WORKING, T0.plusDays(1)));
            }
            feed.flush();

            AtomicInteger mostInFlight = new AtomicInteger();
            try (Indexer first = new Indexer(config, client, new IndexerMetrics())) {
                first.start();
                eventually(Duration.ofSeconds(90), () -> {
                    mostInFlight.accumulateAndGet(first.metrics().pollsInFlight(), Math::max);
                    assertThat(first.metrics().indexedTotal()).isGreaterThanOrEqualTo(MESSAGES / 3);
                });
            } // stopped with polls still in flight: their offsets are not committed
            assertThat(mostInFlight.get()).as("polls written at the same time").isGreaterThan(1);

            try (Indexer second = new Indexer(config, client, new IndexerMetrics())) {
                second.start();
                eventually(Duration.ofSeconds(120), () -> {
                    assertThat(IndexerIntegrationTest.count(client, names, IndexFamily.MESSAGES, run)).isEqualTo(MESSAGES);
                    assertThat(IndexerIntegrationTest.count(client, names, IndexFamily.WORKERS, run)).isEqualTo(WORKERS);
                    assertThat(second.metrics().lag()).isZero();
                });
                long reread = second.metrics().indexedTotal() + second.metrics().duplicatesTotal();
                assertThat(reread).as("the second run starts from the first one's commits, not from the start")
                        .isLessThan(MESSAGES + WORKERS * 2L);
                assertThat(second.metrics().deadLettersTotal()).isZero();
            }
            for (int i = 0; i < WORKERS; i += 37) {
                assertThat(IndexerIntegrationTest.source(client, names.pattern(IndexFamily.WORKERS), run + "-w" + i)
                        .get("currentDistrict").asText()).as("the newer version of worker " + i).isEqualTo(INDORE);
            }
            assertThat(IndexerIntegrationTest.count(client, names, IndexFamily.MESSAGES, run)).isEqualTo(MESSAGES);
        }
    }
}
