package org.warroom.bench;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code footprint}: the peak resident memory of every process of the local stack while the pipeline runs at the
 * sustained rate for {@code --minutes} (2), sampled every 5 s from /proc (children included: Elasticsearch's server
 * JVM); then the time {@code bin/warroom up --no-simulator} takes to start everything again with a built tree
 * after {@code bin/warroom down} (skip with {@code --up no}).
 */
final class FootprintBench {
    private FootprintBench() {
    }

    static void run(Rig rig, Options o) throws Exception {
        double rate = o.number("rate", rig.sustainedRate(5_000));
        double minutes = o.number("minutes", 2);
        boolean up = !o.text("up", "yes").equals("no");
        o.checkAllRead();
        Report report = new Report("footprint");
        Map<String, Long> peak = new TreeMap<>();
        long[] peakTotal = {0};
        try (Intake intake = new Intake(rig.vertx, rig.stack, rig.events(44), 500, 16)) {
            intake.run(rate, minutes * 60, s -> {
                if (s % 5 == 0) {
                    Map<String, Long> rss = rig.stack.rss();
                    rss.forEach((p, v) -> peak.merge(p, v, Math::max));
                    peakTotal[0] = Math.max(peakTotal[0], rss.values().stream().mapToLong(Long::longValue).sum());
                }
            });
            report.figure("load", String.format("%,.0f ev/s target, %s", rate, intake.describe()));
        }
        StringBuilder parts = new StringBuilder();
        peak.forEach((p, v) -> parts.append(p).append(' ').append(v).append(" MiB, "));
        report.figure("peak RSS", parts.toString().replaceAll(", $", ""))
                .figure("peak total", peakTotal[0] + " MiB");
        double upSeconds = -1;
        if (up) {
            upSeconds = timeUp(rig);
            report.figure("bin/warroom up (built tree, after down)", String.format("%.1f s", upSeconds));
        }
        report.verdict(peakTotal[0] <= 4096 && (!up || upSeconds <= 60), "≤ 4 GB in all; up ≤ 60 s");
        report.publish(rig.stack);
    }

    private static double timeUp(Rig rig) throws IOException, InterruptedException {
        Process down = new ProcessBuilder(rig.stack.root.resolve("bin/warroom").toString(), "down").inheritIO().start();
        if (down.waitFor() != 0) {
            throw new IllegalStateException("bin/warroom down failed");
        }
        long t0 = System.nanoTime();
        rig.stack.up();
        return (System.nanoTime() - t0) / 1e9;
    }
}
