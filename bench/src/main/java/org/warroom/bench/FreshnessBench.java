package org.warroom.bench;

/**
 * {@code freshness}: at half the sustained rate (the last pipeline run's, or {@code --rate}), the time from sending
 * an event to a websocket client seeing its effect: a probe report every {@code --probe-ms} (250) whose new stock
 * must appear in the client's {@code shortages} update. {@code --minutes} (3).
 */
final class FreshnessBench {
    private FreshnessBench() {
    }

    static void run(Rig rig, Options o) throws Exception {
        double rate = o.number("rate", rig.sustainedRate(5_000) / 2);
        double minutes = o.number("minutes", 3);
        long probeMs = o.whole("probe-ms", 250);
        o.checkAllRead();
        Report report = new Report("freshness");
        try (LiveClients live = new LiveClients(rig.vertx, rig.stack);
             FreshnessProbe probe = new FreshnessProbe(rig.vertx, rig.stack, rig.run);
             Intake intake = new Intake(rig.vertx, rig.stack, rig.events(43), 500, 16)) {
            probe.watch(live);
            probe.start(probeMs);
            intake.run(rate, 15, s -> { });
            probe.latency.clear();
            long sent0 = probe.sentCount();
            long acceptedBefore = intake.accepted.get();
            long t0 = System.nanoTime();
            intake.run(rate, minutes * 60, s -> {
                if (s % 15 == 0) {
                    Rig.log("t=%3ds freshness %s", s, probe.latency.describe());
                }
            });
            double took = (System.nanoTime() - t0) / 1e9;
            probe.stop();
            Thread.sleep(3_000);
            long sent = probe.sentCount() - sent0;
            long p50 = probe.latency.percentile(50);
            long p99 = probe.latency.percentile(99);
            report.figure("load", String.format("%,.0f ev/s for %.0f s (accepted %,d)", (intake.accepted.get() - acceptedBefore) / took, took,
                            intake.accepted.get() - acceptedBefore))
                    .figure("send → websocket", probe.latency.describe())
                    .figure("probes", String.format("%d sent, %d seen", sent, probe.latency.count()))
                    .figure("generator CPU", report.generatorCpu())
                    .verdict(p50 >= 0 && p50 <= 300 && p99 <= 1_000 && probe.latency.count() >= sent * 0.99,
                            "p50 ≤ 300 ms, p99 ≤ 1 s");
        }
        report.publish(rig.stack);
    }
}
