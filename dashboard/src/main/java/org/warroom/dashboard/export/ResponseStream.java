package org.warroom.dashboard.export;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@link OutputStream} onto a chunked HTTP response, for a writer on a worker thread: bytes are gathered into
 * chunks of {@link #CHUNK} and written to the response; while the response's write queue is full (a slow client),
 * the writer thread waits for the drain, so an export holds at most one chunk plus Vert.x's write queue in memory,
 * whatever its size. A client that went away (or stays full for {@link #STALL_SECONDS}) makes the next write throw
 * {@link ExportCutOff}.
 */
final class ResponseStream extends OutputStream {
    static final int CHUNK = 64 * 1024;
    static final int STALL_SECONDS = 120;

    private final HttpServerResponse response;
    private final byte[] chunk = new byte[CHUNK];
    private int used;
    private long written;
    private long waits;
    private long waitedNanos;
    private volatile boolean closed;

    ResponseStream(HttpServerResponse response) {
        this.response = response;
        response.closeHandler(v -> closed = true);
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) {
            send();
        }
        chunk[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == CHUNK) {
                send();
            }
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        if (used > 0) {
            send();
        }
    }

    /** Bytes handed to the response so far. */
    long written() {
        return written;
    }

    /** How often, and how long in all (ms), the writer waited for a slow client. */
    String waited() {
        return waits + " waits, " + waitedNanos / 1_000_000 + " ms";
    }

    private void send() throws IOException {
        if (closed || response.closed()) {
            throw new ExportCutOff("the client closed the connection");
        }
        response.write(Buffer.buffer(used).appendBytes(chunk, 0, used));
        written += used;
        used = 0;
        waitWhileFull();
    }

    private void waitWhileFull() throws IOException {
        if (!response.writeQueueFull()) {
            return;
        }
        waits++;
        long start = System.nanoTime();
        try {
            waitForDrain(start + TimeUnit.SECONDS.toNanos(STALL_SECONDS));
        } finally {
            waitedNanos += System.nanoTime() - start;
        }
    }

    private void waitForDrain(long deadline) throws IOException {
        while (response.writeQueueFull()) {
            if (closed || response.closed()) {
                throw new ExportCutOff("the client closed the connection");
            }
            CompletableFuture<Void> drained = new CompletableFuture<>();
            response.drainHandler(v -> drained.complete(null));
            if (!response.writeQueueFull()) { // drained before the handler was set
                return;
            }
            try {
                drained.get(20, TimeUnit.MILLISECONDS); // short: a close, or a drain before the handler was set, ends it
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new ExportCutOff("the client took nothing for " + STALL_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExportCutOff("interrupted");
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }
}
