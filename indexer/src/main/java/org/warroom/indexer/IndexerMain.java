package org.warroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.TopicCreator;
import org.warroom.contracts.topic.Topics;
import org.warroom.elastic.DependencyHealth;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.IndexTemplates;

/**
 * The indexer process: reads configuration ({@link IndexerConfig}), serves {@code /health} and {@code /metrics} on
 * the management port, waits for Elasticsearch to install the index templates, makes sure the topics exist, then
 * indexes until it is stopped (SIGTERM: the current batch is abandoned uncommitted and read again next time).
 */
public final class IndexerMain {
    private static final Logger LOG = LoggerFactory.getLogger(IndexerMain.class);

    private IndexerMain() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        IndexerConfig config = IndexerConfig.from(settings);
        ElasticsearchClient elastic = ElasticClientFactory.create(config.elastic());
        Admin admin = Admin.create(config.kafka().client());
        ServiceMetrics services = ServiceMetrics.create();
        IndexerMetrics metrics = new IndexerMetrics(services);
        metrics.bind(admin);
        ManagementServer management = new ManagementServer(config.managementHost(), config.managementPort(),
                new DependencyHealth(admin, elastic), metrics);
        LOG.info("indexer management on http://{}:{}/ (health, metrics)", config.managementHost(), management.port());

        installTemplates(elastic, config);
        List<Topic<?, ?>> topics = new ArrayList<>(Topics.feeds());
        topics.addAll(ResultTopics.all());
        topics.add(new Topic<>(DocumentMapper.AUDIT_TOPIC, Serdes.String(), Serdes.ByteArray(), false));
        topics.add(org.warroom.contracts.notify.NotifyTopics.DELIVERIES);
        topics.add(org.warroom.contracts.campaign.CampaignTopics.CALLS);
        new TopicCreator(config.kafka()).ensure(topics);

        Indexer indexer = new Indexer(config, elastic, metrics);
        java.util.concurrent.ScheduledExecutorService retention = startRetention(elastic, config, settings, services);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("indexer stopping");
            retention.shutdownNow();
            indexer.close();
            management.close();
            admin.close(Duration.ofSeconds(5));
            try {
                elastic.close();
            } catch (IOException e) {
                LOG.warn("closing the Elasticsearch client: {}", e.getMessage());
            }
            stopped.countDown();
        }, "indexer-shutdown"));
        indexer.start();
        management.watch(indexer);
        LOG.info("indexer consuming {} as group {}", indexer.topics(), config.group());
        stopped.await();
    }

    /**
     * Applies the retention of the monthly indices ({@code retention.*}, docs/RETENTION.md) now and every
     * {@code retention.check.interval} (1h), on a thread of its own.
     */
    private static java.util.concurrent.ScheduledExecutorService startRetention(ElasticsearchClient elastic,
            IndexerConfig config, Settings settings, ServiceMetrics services) {
        org.warroom.elastic.Retention retention = org.warroom.elastic.Retention.from(settings);
        Duration every = settings.getDuration("retention.check.interval", Duration.ofHours(1));
        if (every.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new org.warroom.contracts.config.ConfigException("retention.check.interval", "must be at least 1m");
        }
        RetentionJob job = new RetentionJob(elastic, config.elastic().names(), retention, java.time.Clock.systemUTC(),
                services.registry());
        java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "indexer-retention");
                    t.setDaemon(true);
                    return t;
                });
        LOG.info("{}, checked every {}", retention, every);
        scheduler.scheduleWithFixedDelay(job::runQuietly, 0, every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return scheduler;
    }

    /** Installs the templates and creates this month's indices, waiting (with backoff) for Elasticsearch to come up; a refused template is fatal. */
    private static void installTemplates(ElasticsearchClient elastic, IndexerConfig config) throws InterruptedException {
        Duration backoff = config.retryInitial();
        while (true) {
            try {
                IndexTemplates.install(elastic, config.elastic());
                // The first documents of a fresh stack would otherwise wait for their indices to be created.
                IndexTemplates.createIndices(elastic, config.elastic(), java.time.Instant.now());
                return;
            } catch (RuntimeException e) {
                if (e instanceof IndexTemplates.Refused refused) {
                    throw refused; // a template Elasticsearch will never take (e.g. an unknown analyser)
                }
                LOG.warn("cannot install index templates yet ({}); retrying in {}", e.getMessage(), backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(config.retryMax()) > 0 ? config.retryMax()
                        : backoff.multipliedBy(2);
            }
        }
    }
}
