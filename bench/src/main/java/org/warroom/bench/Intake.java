package org.warroom.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator: NDJSON batches to ingest's feeds at a target rate (open loop: batches are due by the clock,
 * not by answers), keep-alive connections, several requests in flight. Batches are generated ahead on their own
 * thread. A batch refused with 429 or 503 is sent again (ids make re-sending harmless); "behind" counts the
 * moments the in-flight cap held a due batch back, i.e. the intake could not keep up.
 */
final class Intake implements AutoCloseable {
    private final Vertx vertx;
    private final HttpClientAgent http;
    private final Stack stack;
    private final String auth;
    private final EventFactory events;
    private final int batchSize;
    private final int maxInFlight;
    private final BlockingQueue<EventFactory.Batch> ready = new ArrayBlockingQueue<>(256);
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong workersAccepted = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong behind = new AtomicLong();
    final Percentiles answerMillis = new Percentiles();
    private volatile boolean generating = true;
    private final Thread generator;

    Intake(Vertx vertx, Stack stack, EventFactory events, int batchSize, int maxInFlight) {
        this.vertx = vertx;
        this.stack = stack;
        this.auth = "Bearer " + stack.ingestKey();
        this.events = events;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1")
                .setDefaultPort(stack.ingest().getPort()), new PoolOptions().setHttp1MaxSize(maxInFlight));
        this.generator = new Thread(this::generate, "bench-generator");
        generator.setDaemon(true);
        generator.start();
    }

    private void generate() {
        try {
            while (generating) {
                ready.put(events.batch(events.nextFeed(), batchSize));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends at {@code rate} events/s for {@code seconds} (0 or less: until {@code stop} is set), returning events accepted.
     * Calls {@code tick} about once a second with the seconds elapsed.
     */
    long run(double rate, double seconds, java.util.function.IntConsumer tick) throws InterruptedException {
        long start = System.nanoTime();
        long sentEvents = 0;
        long acceptedBefore = accepted.get();
        int lastSecond = -1;
        while (true) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= seconds) {
                break;
            }
            int second = (int) elapsed;
            if (second != lastSecond) {
                lastSecond = second;
                tick.accept(second);
            }
            double owed = rate * elapsed - sentEvents;
            if (owed >= batchSize / 2.0) {
                if (inFlight.get() >= maxInFlight) {
                    behind.incrementAndGet();
                    Thread.sleep(2);
                    continue;
                }
                EventFactory.Batch batch = ready.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    sentEvents += batch.events();
                    send(batch);
                }
            } else {
                Thread.sleep(2);
            }
        }
        drain(30);
        return accepted.get() - acceptedBefore;
    }

    /** Waits up to {@code seconds} until no request is in flight. */
    void drain(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    void send(EventFactory.Batch batch) {
        inFlight.incrementAndGet();
        long t0 = System.nanoTime();
        post("/v1/" + batch.feed().name().toLowerCase(Locale.ROOT), batch.body()).onComplete(ar -> {
            inFlight.decrementAndGet();
            answerMillis.add((System.nanoTime() - t0) / 1_000_000);
            if (ar.failed()) {
                failed.incrementAndGet();
                return;
            }
            int status = ar.result().status();
            if (status == 202 || status == 200) {
                int ok = ar.result().accepted();
                accepted.addAndGet(ok);
                rejected.addAndGet(batch.events() - ok);
                if (batch.feed() == EventFactory.Feed.WORKERS) {
                    workersAccepted.addAndGet(ok);
                }
            } else if (status == 429 || status == 503) {
                retried.incrementAndGet();
                vertx.setTimer(200, t -> send(batch));
            } else {
                rejected.addAndGet(batch.events());
            }
        });
    }

    /** Ingest's answer: the status and how many events it accepted. */
    record Answer(int status, int accepted) {
    }

    private static final java.util.regex.Pattern ACCEPTED = java.util.regex.Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    /** One POST of an NDJSON body; the answer's status and accepted count. */
    Future<Answer> post(String path, byte[] body) {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                        .putHeader("Authorization", auth).putHeader("Content-Type", "application/x-ndjson"))
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> {
                    java.util.regex.Matcher m = ACCEPTED.matcher(b.toString());
                    return new Answer(resp.statusCode(), m.find() ? Integer.parseInt(m.group(1)) : 0);
                }));
    }

    String describe() {
        return String.format(Locale.ROOT, "accepted %,d, refused %,d, retried batches %,d, failed %,d, answer %s",
                accepted.get(), rejected.get(), retried.get(), failed.get(), answerMillis.describe());
    }

    @Override
    public void close() {
        generating = false;
        generator.interrupt();
        http.close();
    }
}
