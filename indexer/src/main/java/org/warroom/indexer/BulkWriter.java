package org.warroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link Submission}s through one {@link BulkIngester} without waiting: the listener looks at each item of
 * each bulk response, fills in the {@link Outcome} of every single write and hands a submission whose writes are all
 * answered to the caller's callback (on the ingester's thread). The ingester itself retries items refused with 429
 * (a short exponential backoff); everything else retryable comes back as {@link Outcome.Kind#RETRY} for the indexer
 * to retry with its own, longer backoff.
 *
 * <p>A partly filled bulk request is sent after {@code indexer.bulk.flush.interval} at the latest, or at once on
 * {@link #flush()}; {@link #submit} blocks only while {@code indexer.bulk.concurrency} requests are in flight and the
 * next one is full (the ingester's own back-pressure).
 */
final class BulkWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);

    /** The ingester's context of one operation: which slot of which submission it fills. */
    private record Slot(Submission submission, int index) {
    }

    private final BulkIngester<Slot> ingester;
    private final HandOffTransport transport;
    private final IndexerMetrics metrics;
    private final Consumer<Submission> answered;

    /** @param answered called (on an ingester thread) once every write of a submission has its outcome */
    BulkWriter(ElasticsearchClient client, IndexerConfig config, IndexerMetrics metrics, Consumer<Submission> answered) {
        this.metrics = metrics;
        this.answered = answered;
        this.transport = new HandOffTransport(client._transport(), "indexer-bulk-answers");
        ElasticsearchAsyncClient async = new ElasticsearchAsyncClient(transport, client._transportOptions());
        this.ingester = BulkIngester.of(b -> b
                .client(async)
                .maxOperations(config.bulkActions())
                .maxSize(config.bulkBytes())
                .maxConcurrentRequests(config.bulkConcurrency())
                .flushInterval(config.bulkFlushInterval().toMillis(), TimeUnit.MILLISECONDS)
                .backoffPolicy(BackoffPolicy.exponentialBackoff(50L, 4))
                .listener(new Listener()));
    }

    /** Hands every write of the submission to the ingester; the answers arrive later through the callback. */
    void submit(Submission submission) {
        List<IndexAction> actions = submission.actions();
        if (actions.isEmpty()) {
            answered.accept(submission);
            return;
        }
        for (int i = 0; i < actions.size(); i++) {
            ingester.add(actions.get(i).operation(), new Slot(submission, i));
        }
    }

    /** Sends what is buffered now instead of waiting for a full request or the flush interval. */
    void flush() {
        ingester.flush();
    }

    /** Gives up waiting for a submission's missing answers: they count as retryable; a late answer is ignored. */
    void expire(Submission submission, String reason) {
        LOG.warn("no answer from Elasticsearch for {} of {} writes: {}; retrying them", submission.unanswered(),
                submission.actions().size(), reason);
        if (submission.expire(new Outcome(Outcome.Kind.RETRY, 0, reason))) {
            answered.accept(submission);
        }
    }

    @Override
    public void close() {
        ingester.close();
        transport.close();
    }

    private void complete(Slot slot, Outcome outcome) {
        if (slot.submission().complete(slot.index(), outcome)) {
            answered.accept(slot.submission());
        }
    }

    private final class Listener implements BulkListener<Slot> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Slot> contexts) {
            metrics.bulkSent(contexts.size());
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Slot> contexts, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < contexts.size(); i++) {
                Slot slot = contexts.get(i);
                if (i >= items.size()) {
                    complete(slot, new Outcome(Outcome.Kind.RETRY, 0, "no item in the response"));
                    continue;
                }
                BulkResponseItem item = items.get(i);
                Outcome outcome = item.error() == null
                        ? Outcome.of(item.status(), null, null)
                        : Outcome.of(item.status(), item.error().type(), item.error().reason());
                complete(slot, outcome);
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Slot> contexts, Throwable failure) {
            metrics.bulkFailed();
            LOG.debug("bulk request of {} writes failed: {}", contexts.size(), failure.toString());
            Outcome outcome = Outcome.unreachable(failure);
            for (Slot slot : contexts) {
                complete(slot, outcome);
            }
        }
    }
}
