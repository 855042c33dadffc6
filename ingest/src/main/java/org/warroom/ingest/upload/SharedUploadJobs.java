package org.warroom.ingest.upload;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.ingest.feed.Outgoing;
import org.warroom.ingest.kafka.CompactedTopicView;
import org.warroom.ingest.kafka.FeedProducer;

/**
 * The {@link UploadJobs.Ledger} of replicated ingest instances: progress written to the compacted topic
 * {@code warroom.upload-jobs} and followed by every instance, so that {@code GET /v1/jobs/<id>} answers wherever
 * the proxy sends it.
 */
public final class SharedUploadJobs implements UploadJobs.Ledger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedUploadJobs.class);

    private final Map<String, UploadJobStatus> known = new ConcurrentHashMap<>();
    private final FeedProducer producer;
    private final CompactedTopicView<UploadJobStatus> view;

    public SharedUploadJobs(KafkaSettings kafka, FeedProducer producer) {
        this.producer = producer;
        this.view = new CompactedTopicView<>(kafka, UploadJobStatus.TOPIC, "warroom-ingest-upload-jobs", (id, status) -> {
            if (status == null) {
                known.remove(id);
            } else {
                known.merge(id, status, (mine, theirs) -> theirs.updatedAt().isBefore(mine.updatedAt()) ? mine : theirs);
            }
        });
    }

    /** Starts following the topic; completes once the jobs recorded at start are known. */
    public CompletableFuture<Void> start() {
        return view.start();
    }

    @Override
    public void publish(UploadJobStatus status) {
        known.put(status.job(), status);
        producer.sendAll(List.of(FeedProducer.record(new Outgoing<>(UploadJobStatus.TOPIC, status.job(), status, null))))
                .exceptionally(e -> {
                    LOG.warn("could not share the progress of upload {}: {}", status.job(), e.toString());
                    return null;
                });
    }

    @Override
    public Optional<UploadJobStatus> find(String id) {
        return Optional.ofNullable(known.get(id));
    }

    @Override
    public void close() {
        view.close();
    }
}
