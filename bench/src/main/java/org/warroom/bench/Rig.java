package org.warroom.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What every benchmark uses: the stack, a Vert.x for the clients, the lag sampler, and results kept between runs. */
final class Rig implements AutoCloseable {
    final Stack stack;
    final Vertx vertx;
    final LagSampler lag;
    final String run = Long.toString(System.currentTimeMillis(), 36);

    Rig(Map<String, String> env) {
        this.stack = new Stack(env);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setBlockedThreadCheckInterval(60_000));
        this.lag = new LagSampler(stack.kafkaBootstrap());
    }

    EventFactory events(long seed) {
        return new EventFactory(run, FreshnessProbe.DISTRICT, seed);
    }

    /** The sustained rate the last pipeline run found (the default "full load"; half of it for "half rate"). */
    double sustainedRate(double fallback) {
        try {
            return Double.parseDouble(Files.readString(memo("pipeline.rate")).strip());
        } catch (IOException | NumberFormatException e) {
            return fallback;
        }
    }

    void rememberSustainedRate(double rate) throws IOException {
        Files.createDirectories(memo("x").getParent());
        Files.writeString(memo("pipeline.rate"), Long.toString(Math.round(rate)));
    }

    private Path memo(String name) {
        return stack.data.resolve("bench").resolve(name);
    }

    /** Waits until every consumer group's lag is at most {@code slack}, up to {@code seconds}; the seconds it took. */
    double awaitDrained(long slack, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        while ((System.nanoTime() - start) / 1e9 < seconds) {
            if (LagSampler.stages(lag.sample()) <= slack) {
                break;
            }
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.printf("  " + format + "%n", args);
    }

    @Override
    public void close() {
        lag.close();
        vertx.close().await();
    }
}
