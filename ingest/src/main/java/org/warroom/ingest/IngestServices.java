package org.warroom.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.TopicCreator;
import org.warroom.contracts.triage.TriageTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.auth.FirstKey;
import org.warroom.ingest.auth.KeyRegistry;
import org.warroom.ingest.auth.RateLimiter;
import org.warroom.ingest.config.IngestConfig;
import org.warroom.ingest.feed.CallsDecoder;
import org.warroom.ingest.feed.CommodityRecognizer;
import org.warroom.ingest.feed.DecoderWarmup;
import org.warroom.ingest.feed.Feed;
import org.warroom.ingest.feed.FeedDecoder;
import org.warroom.ingest.feed.MessagesDecoder;
import org.warroom.ingest.feed.Outgoing;
import org.warroom.ingest.feed.ReportsDecoder;
import org.warroom.ingest.feed.WorkersDecoder;
import org.warroom.ingest.intake.Deliverer;
import org.warroom.ingest.kafka.FeedProducer;
import org.warroom.ingest.kafka.KafkaHealth;
import org.warroom.ingest.metrics.IngestMetrics;
import org.warroom.ingest.kafka.AcceptedAliases;
import org.warroom.ingest.reference.DirectoryPlaces;
import org.warroom.ingest.reference.Places;
import org.warroom.ingest.upload.SharedUploadJobs;
import org.warroom.ingest.upload.UploadJobStatus;
import org.warroom.ingest.upload.UploadJobs;
import org.warroom.ingest.webhook.CallSteps;

/**
 * The long-lived parts of the ingest service, opened once (blocking: topics, Kafka clients, the API key view
 * caught up, the first key's grant in place) and closed on shutdown. Handlers get what they need from here.
 */
public final class IngestServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestServices.class);

    final IngestConfig config;
    final Places places;
    final Clock clock;
    final IngestMetrics metrics;
    final KafkaHealth health;
    final KeyRegistry keys;
    final FeedProducer producer;
    final RateLimiter limiter;
    final CommodityRecognizer commodities = new CommodityRecognizer();
    final MessagesDecoder messages;
    final WorkersDecoder workers;
    final Map<Feed, FeedDecoder> decoders;
    final Deliverer deliverer;
    final CallSteps callSteps;
    final SharedUploadJobs sharedJobs;
    final UploadJobs jobs;
    /** The aliases accepted in triage, taught to {@link #places} live; null when the places cannot learn. */
    final AcceptedAliases aliases;

    private IngestServices(IngestConfig config, Places places, Clock clock, ServiceMetrics serviceMetrics) {
        this.config = config;
        this.metrics = new IngestMetrics(serviceMetrics);
        this.places = places;
        this.clock = clock;
        this.health = new KafkaHealth(config.kafka());
        this.keys = new KeyRegistry(config.kafka());
        this.producer = new FeedProducer(config.kafka(), config.kafkaTimeout());
        producer.bindTo(serviceMetrics);
        this.limiter = new RateLimiter(config.rateEventsPerSecond(), config.rateBurst(), clock);
        this.messages = new MessagesDecoder(places, commodities, clock);
        this.workers = new WorkersDecoder(places, clock);
        this.decoders = Map.of(
                Feed.CALLS, new CallsDecoder(places, config.lines(), clock),
                Feed.MESSAGES, messages,
                Feed.REPORTS, new ReportsDecoder(places, clock),
                Feed.WORKERS, workers);
        this.deliverer = new Deliverer(producer, metrics, config.kafkaTimeout(), config.maxErrorsShown(), clock);
        this.callSteps = new CallSteps(config.telephony(), places);
        this.sharedJobs = new SharedUploadJobs(config.kafka(), producer);
        this.jobs = new UploadJobs(config.maxErrorsShown(), sharedJobs);
        this.aliases = places instanceof DirectoryPlaces learning ? new AcceptedAliases(config.kafka(), learning) : null;
    }

    /** Opens everything; blocking (seconds). Fails when Kafka cannot be reached. */
    public static IngestServices open(IngestConfig config, FirstKey firstKey, Places places, Clock clock,
            ServiceMetrics serviceMetrics) {
        List<Topic<?, ?>> topics = new ArrayList<>(Topics.feeds());
        topics.add(UploadJobStatus.TOPIC);
        List<Topic<?, ?>> created = new ArrayList<>(topics);
        created.add(TriageTopics.ALIASES); // read only; created here too so ingest starts before the dashboard
        new TopicCreator(config.kafka()).ensure(created);
        IngestServices s = new IngestServices(config, places, clock, serviceMetrics);
        try {
            s.health.start();
            s.keys.start().get(60, TimeUnit.SECONDS);
            s.sharedJobs.start().get(60, TimeUnit.SECONDS);
            if (s.aliases != null) {
                s.aliases.start().get(60, TimeUnit.SECONDS);
            }
            s.ensureGrant(firstKey.grant(clock.instant()));
            s.warm(topics);
            return s;
        } catch (Exception e) {
            s.close();
            throw new IllegalStateException("cannot start ingest: " + e.getMessage(), e);
        }
    }

    /**
     * Warms the path of the first event before ingest listens: the producer's metadata of every topic it writes, and
     * one sample event of each feed decoded (not sent), so the first real event pays neither a metadata round trip
     * nor the first use of its decoder.
     */
    private void warm(List<Topic<?, ?>> topics) {
        long start = System.nanoTime();
        Map<String, Integer> partitions = producer.warm(topics.stream().map(Topic::name).toList());
        new DecoderWarmup(decoders, clock).run();
        LOG.info("warmed in {} ms: metadata of {} topics {}", (System.nanoTime() - start) / 1_000_000, partitions.size(),
                partitions);
    }

    /** Writes the grant unless the same key (same hash) is already known. */
    private void ensureGrant(ApiKeyGrant grant) throws Exception {
        var known = keys.grant(grant.keyId());
        if (known.isPresent() && known.get().sha256().equals(grant.sha256()) && known.get().revokedAt() == null) {
            return;
        }
        ProducerRecord<byte[], byte[]> record = FeedProducer.record(new Outgoing<>(Topics.API_KEYS, grant.keyId(), grant, null));
        producer.sendAll(java.util.List.of(record)).get(config.kafkaTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        keys.remember(grant);
        LOG.info("stored the grant of the first ingest key {}", grant.keyId());
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {keys, sharedJobs, producer, health, aliases}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("while closing {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
