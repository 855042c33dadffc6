package org.warroom.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fanout}: {@code --clients} (1 000) websocket clients on the wall screen's subscription (narrowed to the state
 * {@code --state}, 23 = Madhya Pradesh, as the wall does) for {@code --minutes}
 * (5), the pipeline otherwise idle, while one shortage changes twice a second (2 updates/s to every client): the
 * probe writes the status straight to the result topic {@code warroom.shortages}, so this measures the dashboard's
 * fan-out (result topic → dashboard → every client), not streams. Delivery = written → each client received.
 * Baseline: a single client, same probes, same run, first {@code --baseline-seconds} (60). Reports delivery p99,
 * disconnects, the dashboard's resident memory over time.
 */
final class FanoutBench {
    private FanoutBench() {
    }

    static void run(Rig rig, Options o) throws Exception {
        int clients = (int) o.whole("clients", 1_000);
        double minutes = o.number("minutes", 5);
        double baselineSeconds = o.number("baseline-seconds", 60);
        String state = o.text("state", "23");
        o.checkAllRead();
        Report report = new Report("fanout");
        long dashboardPid = rig.stack.pid("dashboard").orElseThrow(() -> new IllegalStateException("dashboard is not running"));
        try (LiveClients live = new LiveClients(rig.vertx, rig.stack);
             FreshnessProbe probe = new FreshnessProbe(rig.vertx, rig.stack, rig.run);
             ResultProbe writer = new ResultProbe(rig.stack, probe)) {
            live.connectToState(LiveClients.WALL, state, probe::seen);
            live.keepAlive();
            writer.start(500);
            Thread.sleep((long) (baselineSeconds * 1000));
            String baseline = probe.latency.describe();
            long baselineP99 = probe.latency.percentile(99);
            Rig.log("baseline, 1 client: %s", baseline);
            long rss0 = Machine.rssMiB(dashboardPid);
            long c0 = System.nanoTime();
            for (int i = 1; i < clients; i++) {
                live.connectToState(LiveClients.WALL, state, probe::seen);
            }
            Rig.log("%d clients connected in %.1f s; dashboard RSS %d MiB", live.open(), (System.nanoTime() - c0) / 1e9, Machine.rssMiB(dashboardPid));
            Thread.sleep(5_000);
            probe.latency.clear();
            long sent0 = writer.sent.get();
            List<Long> rss = new ArrayList<>();
            long end = System.nanoTime() + (long) (minutes * 60e9);
            while (System.nanoTime() < end) {
                Thread.sleep(30_000);
                rss.add(Machine.rssMiB(dashboardPid));
                Rig.log("%d open, %d closed; delivery %s; dashboard RSS %d MiB", live.open(), live.closed.get(),
                        probe.latency.describe(), rss.get(rss.size() - 1));
            }
            writer.close();
            Thread.sleep(2_000);
            long expected = (writer.sent.get() - sent0) * live.open();
            long p99 = probe.latency.percentile(99);
            report.figure("clients", String.format("%d (wall subscription of state %s), %d disconnects", clients, state, live.closed.get()))
                    .figure("delivery (result written → each client)", probe.latency.describe())
                    .figure("deliveries", String.format("%,d of %,d expected", probe.latency.count(), expected))
                    .figure("baseline (1 client, same probes)", baseline)
                    .figure("dashboard RSS", String.format("%d MiB before clients, then %s MiB", rss0, rss))
                    .figure("generator CPU", report.generatorCpu())
                    .verdict(p99 >= 0 && p99 <= 250 && live.closed.get() == 0, "p99 ≤ 250 ms, 0 disconnects, memory flat");
            Rig.log("baseline p99 %d ms", baselineP99);
        }
        report.publish(rig.stack);
    }
}
