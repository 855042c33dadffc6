package org.warroom.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures freshness end to end: every interval it sends one supply report for the probe district (never used by
 * the load) whose stock is a fresh marker number, through ingest like any report; a websocket client subscribed to
 * that district's shortages sees the marker arrive in an {@code update}. Freshness = receive time − send time.
 * Reports are sent with strictly increasing times so none is discarded as late.
 */
final class FreshnessProbe implements AutoCloseable {
    static final String DISTRICT = "396";
    static final String COMMODITY = "sanitary";
    private static final Pattern STOCK = Pattern.compile("\"key\":\"" + DISTRICT + "\\|" + COMMODITY + "\".*?\"stock\":([0-9.E]+)");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final Vertx vertx;
    private final HttpClientAgent http;
    private final String auth;
    private final String run;
    private final Map<Long, Long> sent = new ConcurrentHashMap<>();
    private long marker = 1_000_000;
    private OffsetDateTime lastAt = OffsetDateTime.MIN;
    private long timer = -1;
    private final java.util.concurrent.atomic.AtomicLong probes = new java.util.concurrent.atomic.AtomicLong();
    final Percentiles latency = new Percentiles();
    volatile long lastSeenNanos = System.nanoTime();
    private volatile long lastLatencyMillis = -1;

    FreshnessProbe(Vertx vertx, Stack stack, String run) {
        this.vertx = vertx;
        this.run = run;
        this.auth = "Bearer " + stack.ingestKey();
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1")
                .setDefaultPort(stack.ingest().getPort()));
    }

    /** Subscribes a client for the probe district's shortages on the given clients. */
    void watch(LiveClients clients) {
        clients.connect(java.util.List.of("shortages"), DISTRICT, this::seen);
    }

    /** A text frame from any client: records the latency when it carries an outstanding marker (each client counts). */
    void seen(String frame) {
        if (!frame.startsWith("{\"type\":\"update\"") || !frame.contains(DISTRICT + "|" + COMMODITY)) {
            return;
        }
        Matcher m = STOCK.matcher(frame);
        if (m.find()) {
            long now = System.nanoTime();
            Long at = sent.get((long) Double.parseDouble(m.group(1)));
            if (at != null) {
                latency.add((now - at) / 1_000_000);
                lastLatencyMillis = (now - at) / 1_000_000;
                lastSeenNanos = now;
            }
        }
    }

    /** Starts sending one probe every {@code intervalMillis}. */
    void start(long intervalMillis) {
        timer = vertx.setPeriodic(intervalMillis, t -> probe());
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Registers a marker sent by another route (the fan-out probe writes results directly). */
    void expect(long m) {
        sent.put(m, System.nanoTime());
        long old = System.nanoTime() - 60_000_000_000L;
        sent.values().removeIf(v -> v < old);
    }

    /** Probes sent so far. */
    long sentCount() {
        return probes.get();
    }

    private synchronized void probe() {
        long m = ++marker;
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).truncatedTo(ChronoUnit.MILLIS);
        if (!at.isAfter(lastAt)) {
            at = lastAt.plus(1, ChronoUnit.MILLIS);
        }
        lastAt = at;
        String body = "{\"id\":\"probe-" + run + "-" + m + "\",\"district\":\"" + DISTRICT + "\",\"at\":\"" + at.format(AT)
                + "\",\"items\":[{\"commodity\":\"" + COMMODITY + "\",\"stock\":" + m + ",\"dailyNeed\":1,\"unit\":\"kg\"}]}";
        sent.put(m, System.nanoTime());
        probes.incrementAndGet();
        http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/v1/reports")
                        .putHeader("Authorization", auth).putHeader("Content-Type", "application/json"))
                .compose(req -> req.send(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    if (ar.failed() || ar.result() >= 300) {
                        sent.remove(m);
                    }
                });
        // Forget markers older than a minute: their update never came (counted as lost by the caller via lost()).
        long old = System.nanoTime() - 60_000_000_000L;
        sent.values().removeIf(v -> v < old);
    }

    /** The latency of the latest marker seen, or, when none arrived for longer, the time since then. */
    long recentMillis() {
        return Math.max(lastLatencyMillis, (System.nanoTime() - lastSeenNanos) / 1_000_000);
    }

    /** Seconds since any client last saw a marker. */
    double staleSeconds() {
        return (System.nanoTime() - lastSeenNanos) / 1e9;
    }

    @Override
    public void close() {
        stop();
        http.close();
    }
}
