package org.warroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;
import static org.warroom.testkit.FeedEvents.BHOPAL;
import static org.warroom.testkit.FeedEvents.T0;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexTemplates;
import org.warroom.testkit.FeedEvents;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** Elasticsearch goes away while events flow, and comes back: nothing is lost, nothing is doubled. */
@ExtendWith(RealKafka.class)
class ElasticsearchOutageIntegrationTest {

    @Test
    @DisplayName("events sent while Elasticsearch is down are all indexed once it is back, and offsets wait for it")
    void shouldLoseNothingWhileElasticsearchIsAway(LocalKafka kafka) throws Exception {
        kafka.ensure(Topics.feeds());
        kafka.ensure(ResultTopics.all());
        String run = "outage" + System.nanoTime();
        try (LocalElasticsearch es = LocalElasticsearch.start("outage")) {
            IndexerConfig config = IndexerConfig.from(Settings.ofKeys(Map.of(
                    "kafka.bootstrap", kafka.bootstrap(), "es.url", es.url(), "es.index.prefix", run,
                    "indexer.group", run, "indexer.retry.initial", "100ms", "indexer.retry.max", "1s",
                    "indexer.lag.interval", "300ms")));
            try (ElasticsearchClient client = ElasticClientFactory.create(config.elastic());
                 TestFeed feed = new TestFeed(kafka)) {
                IndexTemplates.install(client, config.elastic());
                try (Indexer indexer = new Indexer(config, client, new IndexerMetrics())) {
                    indexer.start();
                    for (int i = 0; i < 50; i++) {
                        feed.send(Topics.MESSAGES, run + "-a" + i,
                                FeedEvents.message(run + "-a" + i, BHOPAL, "राशन की कमी " + i, T0.plusSeconds(i)));
                    }
                    // a fresh node creates its indices first: slow on a loaded machine
                    eventually(Duration.ofSeconds(90), () -> assertThat(
                            IndexerIntegrationTest.count(client, config.elastic().names(), IndexFamily.MESSAGES, run)).isEqualTo(50));

                    es.stop();
                    for (int i = 0; i < 200; i++) {
                        feed.send(Topics.MESSAGES, run + "-b" + i,
                                FeedEvents.message(run + "-b" + i, BHOPAL, "पानी नहीं " + i, T0.plusMinutes(i)));
                    }
                    eventually(Duration.ofSeconds(30), () -> {
                        assertThat(indexer.metrics().isRetrying()).isTrue();
                        assertThat(indexer.metrics().retriesTotal()).isPositive();
                        assertThat(indexer.metrics().lag()).as("nothing committed while Elasticsearch is away").isPositive();
                    });
                    assertThat(indexer.alive()).isTrue();

                    es.start();
                    eventually(Duration.ofSeconds(90), () -> {
                        assertThat(IndexerIntegrationTest.count(client, config.elastic().names(), IndexFamily.MESSAGES, run))
                                .isEqualTo(250);
                        assertThat(indexer.metrics().lag()).isZero();
                        assertThat(indexer.metrics().isRetrying()).isFalse();
                    });
                    assertThat(indexer.metrics().deadLettersTotal()).isZero();
                }
            }
        }
    }
}
