package org.warroom.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code recovery}: at the sustained rate, {@code kill -9} the streams process after {@code --before} (60) seconds,
 * start it again at once ({@code bin/warroom up}, as a supervisor would), keep the load on until {@code --after}
 * (120) seconds past the kill. Measures the time from the kill until the probe's results reach the websocket within
 * a second again, and checks the registry total afterwards: it must have grown by exactly the number of new
 * workers ingest accepted (exactly-once: nothing lost, nothing counted twice).
 */
final class RecoveryBench {
    private RecoveryBench() {
    }

    static void run(Rig rig, Options o) throws Exception {
        double rate = o.number("rate", rig.sustainedRate(5_000));
        double before = o.number("before", 60);
        double after = o.number("after", 120);
        int drainSeconds = (int) o.whole("drain-seconds", 300);
        o.checkAllRead();
        Report report = new Report("recovery");
        AtomicLong total = new AtomicLong(-1);
        try (LiveClients live = new LiveClients(rig.vertx, rig.stack);
             FreshnessProbe probe = new FreshnessProbe(rig.vertx, rig.stack, rig.run);
             Intake intake = new Intake(rig.vertx, rig.stack, rig.events(45), 500, 16)) {
            live.connect(List.of("worker-totals"), null, frame -> totalOf(frame, total));
            probe.watch(live);
            rig.awaitDrained(100, 120);
            awaitStable(total);
            long totalBefore = total.get();
            long workersBefore = intake.workersAccepted.get();
            Rig.log("registry total before: %,d", totalBefore);
            probe.start(250);
            intake.run(rate, before, s -> { });
            long killedAt = System.nanoTime();
            rig.stack.kill("streams", true);
            Rig.log("streams killed (-9)");
            long restartAt = System.nanoTime();
            Thread restart = new Thread(() -> {
                try {
                    rig.stack.up();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            restart.start();
            long[] freshAt = {-1};
            long[] healthyAt = {-1};
            FreshnessProbe watcher = probe;
            intake.run(rate, after, s -> {
                if (healthyAt[0] < 0 && !restart.isAlive()) {
                    healthyAt[0] = System.nanoTime();
                }
                if (freshAt[0] < 0 && watcher.lastSeenNanos > killedAt && watcher.recentMillis() <= 1_000) {
                    freshAt[0] = watcher.lastSeenNanos;
                }
                if (s % 10 == 0) {
                    Rig.log("t=%3ds after kill: lag %s, last probe %d ms", s, rig.lag.sample(), watcher.recentMillis());
                }
            });
            restart.join();
            probe.stop();
            double drained = rig.awaitDrained(100, drainSeconds);
            awaitStable(total);
            long added = intake.workersAccepted.get() - workersBefore;
            long totalAfter = total.get();
            boolean exact = totalAfter == totalBefore + added;
            double fresh = freshAt[0] < 0 ? -1 : (freshAt[0] - killedAt) / 1e9;
            report.figure("load", String.format("%,.0f ev/s target, %s", rate, intake.describe()))
                    .figure("streams healthy again after", String.format("%.1f s", (healthyAt[0] - restartAt) / 1e9))
                    .figure("results fresh (probe ≤ 1 s) again after", fresh < 0 ? "never within the run" : String.format("%.1f s", fresh))
                    .figure("lag drained after load", drained >= drainSeconds ? "not within " + drainSeconds + " s" : String.format("%.0f s", drained))
                    .figure("registry total", String.format("%,d → %,d, new workers accepted %,d: %s", totalBefore, totalAfter, added,
                            exact ? "exact" : "OFF BY " + (totalAfter - totalBefore - added)))
                    .verdict(fresh >= 0 && fresh <= 30 && exact, "fresh again ≤ 30 s; totals exact");
        }
        report.publish(rig.stack);
    }

    private static void totalOf(String frame, AtomicLong total) {
        JsonObject f = new JsonObject(frame);
        if ("snapshot".equals(f.getString("type"))) {
            JsonArray items = f.getJsonArray("items");
            if (items != null && !items.isEmpty()) {
                total.set(items.getJsonObject(0).getLong("total"));
            }
        } else if ("update".equals(f.getString("type")) && f.getJsonObject("value") != null) {
            total.set(f.getJsonObject("value").getLong("total"));
        }
    }

    /** Waits until the total has not changed for 5 s (at most 120 s). */
    private static void awaitStable(AtomicLong total) throws InterruptedException {
        long last = Long.MIN_VALUE;
        long since = System.nanoTime();
        long start = since;
        while ((System.nanoTime() - start) / 1e9 < 120) {
            long now = total.get();
            if (now != last || now < 0) {
                last = now;
                since = System.nanoTime();
            } else if ((System.nanoTime() - since) / 1e9 >= 5) {
                return;
            }
            Thread.sleep(250);
        }
    }
}
