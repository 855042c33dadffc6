package org.warroom.dashboard.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of {@link IndexAction}s through one {@link BulkIngester} and reports the {@link Outcome} of every
 * single one: the listener looks at each item of each bulk response. The ingester itself retries items refused with
 * 429 (a short exponential backoff); everything else retryable comes back as {@link Outcome.Kind#RETRY} for the
 * indexer to retry with its own, longer backoff.
 */
final class BulkWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
    /** A bulk request answers well within this, or the transport gives up first (socket timeout 30 s). */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);

    /** One batch awaiting its outcomes. */
    private static final class Batch {
        final Outcome[] outcomes;
        final CountDownLatch done;

        Batch(int size) {
            outcomes = new Outcome[size];
            done = new CountDownLatch(size);
        }

        void complete(int slot, Outcome outcome) {
            if (outcomes[slot] == null) {
                outcomes[slot] = outcome;
                done.countDown();
            }
        }
    }

    /** The ingester's context of one operation: which slot of which batch it fills. */
    private record Slot(Batch batch, int index) {
    }

    private final BulkIngester<Slot> ingester;
    private final IndexerMetrics metrics;

    BulkWriter(ElasticsearchClient client, IndexerConfig config, IndexerMetrics metrics) {
        this.metrics = metrics;
        this.ingester = BulkIngester.of(b -> b
                .client(client)
                .maxOperations(config.bulkActions())
                .maxSize(config.bulkBytes())
                .maxConcurrentRequests(config.bulkConcurrency())
                .backoffPolicy(BackoffPolicy.exponentialBackoff(50L, 4))
                .listener(new Listener()));
    }

    /**
     * Writes every action and waits for Elasticsearch's answer about each; the outcomes are in the order of
     * {@code actions}. Blocks the calling thread (the indexer's consumer thread).
     */
    List<Outcome> write(List<IndexAction> actions) throws InterruptedException {
        Batch batch = new Batch(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            ingester.add(actions.get(i).operation(), new Slot(batch, i));
        }
        ingester.flush();
        if (!batch.done.await(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("no answer from Elasticsearch within {} for {} of {} writes; retrying them",
                    ANSWER_TIMEOUT, batch.done.getCount(), actions.size());
            Outcome timeout = new Outcome(Outcome.Kind.RETRY, 0, "no answer within " + ANSWER_TIMEOUT);
            for (int i = 0; i < actions.size(); i++) {
                batch.complete(i, timeout);
            }
        }
        return Arrays.asList(batch.outcomes);
    }

    @Override
    public void close() {
        ingester.close();
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
                    slot.batch().complete(slot.index(), new Outcome(Outcome.Kind.RETRY, 0, "no item in the response"));
                    continue;
                }
                BulkResponseItem item = items.get(i);
                Outcome outcome = item.error() == null
                        ? Outcome.of(item.status(), null, null)
                        : Outcome.of(item.status(), item.error().type(), item.error().reason());
                slot.batch().complete(slot.index(), outcome);
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Slot> contexts, Throwable failure) {
            metrics.bulkFailed();
            LOG.debug("bulk request of {} writes failed: {}", contexts.size(), failure.toString());
            Outcome outcome = Outcome.unreachable(failure);
            for (Slot slot : contexts) {
                slot.batch().complete(slot.index(), outcome);
            }
        }
    }
}
