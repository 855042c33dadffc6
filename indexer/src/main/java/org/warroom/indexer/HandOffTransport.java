package org.warroom.indexer;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Elasticsearch transport with every asynchronous answer handed to a thread of its own before anyone sees it.
 *
 * <p>Why: the low-level REST client completes a request that cannot get a connection (Elasticsearch down: connection
 * refused) on its I/O reactor thread <em>while holding its connection pool's lock</em>. {@code BulkIngester} reacts to
 * that answer by taking its own lock, and it sends its next request while holding that same lock, which needs the
 * pool's lock: the two threads wait for each other forever. The fault suite found it (stop Elasticsearch under load:
 * the indexer stopped for good, jstack "Found one Java-level deadlock"). Completing the answers here, off the reactor
 * thread, breaks the cycle.
 */
final class HandOffTransport implements ElasticsearchTransport {
    private final ElasticsearchTransport delegate;
    private final ExecutorService answers;

    HandOffTransport(ElasticsearchTransport delegate, String threadName) {
        this.delegate = delegate;
        this.answers = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        CompletableFuture<ResponseT> handedOff = new CompletableFuture<>();
        delegate.performRequestAsync(request, endpoint, options).whenComplete((answer, failure) -> answers.execute(() -> {
            if (failure != null) {
                handedOff.completeExceptionally(failure);
            } else {
                handedOff.complete(answer);
            }
        }));
        return handedOff;
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    /** Stops the answer thread once the answers already handed over are delivered; the shared transport stays open. */
    @Override
    public void close() {
        answers.shutdown();
        try {
            answers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
