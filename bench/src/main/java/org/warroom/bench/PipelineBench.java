package org.warroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code pipeline}: the highest rate of realistic mixed events (NDJSON batches over HTTP) that ingest, Kafka,
 * Streams, the indexer and the websocket sustain with every stage's lag bounded, held for {@code --minutes} (3),
 * against Kafka's ProducerPerformance with the same record size and partitions.
 *
 * <p>The rate is found by steps of {@code --step-seconds} (30) at 250, 500, 1 000, 2 500, 5 000, 7 500, 10 000, 15 000, 20 000
 * events/s (or given with {@code --rate}), from 250; a step holds when intake accepted 95% of what was due, every consumer group's lag at
 * the end is under 5 seconds' worth of events, and probes still reach the websocket within 5 s. Then the best
 * rate runs for the full duration; lag is bounded when it never exceeds 5 seconds' worth in the last half. Before the
 * steps, {@code --warmup-seconds} (60) at the first step's rate, not measured, until every stage has caught up.
 * After the run: the records streams wrote per input record in it, and the engine's own baseline
 * ({@link StreamsBaseline#feeds}: a minimal Kafka Streams application reading every feed from the start through one
 * count per feed, same broker and settings; {@code --streams-baseline 0} skips it); the sustained rate divided by the
 * baseline's records/s is the ratio that does not depend on how busy the machine is.
 */
final class PipelineBench {
    private static final double[] STEPS = {250, 500, 1_000, 2_500, 5_000, 7_500, 10_000, 15_000, 20_000};

    private PipelineBench() {
    }

    static void run(Rig rig, Options o) throws Exception {
        double minutes = o.number("minutes", 3);
        double stepSeconds = o.number("step-seconds", 30);
        int batch = (int) o.whole("batch", 500);
        int partitions = (int) o.whole("partitions", Long.parseLong(rig.stack.env.getOrDefault("WARROOM_TOPIC_PARTITIONS", "3")));
        long baselineRecords = o.whole("baseline-records", 500_000);
        double warmupSeconds = o.number("warmup-seconds", 60);
        Double fixed = o.has("rate") ? o.number("rate", 0) : null;
        boolean streamsBaseline = o.whole("streams-baseline", 1) != 0;
        o.checkAllRead();
        Report report = new Report("pipeline");

        EventFactory sizing = rig.events(7);
        long bytes = 0;
        long n = 0;
        for (int i = 0; i < 200; i++) {
            EventFactory.Batch b = sizing.batch(sizing.nextFeed(), batch);
            bytes += b.body().length;
            n += b.events();
        }
        int recordSize = (int) (bytes / n);
        Rig.log("baseline: ProducerPerformance, %,d records of %d bytes, %d partitions", baselineRecords, recordSize, partitions);
        double baseline = ProducerBaseline.run(rig, recordSize, partitions, baselineRecords);
        Rig.log("baseline: %,.0f records/s", baseline);

        try (LiveClients live = new LiveClients(rig.vertx, rig.stack);
             FreshnessProbe probe = new FreshnessProbe(rig.vertx, rig.stack, rig.run);
             Intake intake = new Intake(rig.vertx, rig.stack, rig.events(42), batch, 16)) {
            probe.watch(live);
            probe.start(500);
            Rig.log("waiting until every stage has read what came before (at most 5 min)");
            rig.awaitDrained(100, 300);
            if (warmupSeconds > 0) {
                // Why: a just-started stack runs its JVMs' first minutes in the interpreter and meets every district of
                // India for the first time (new keys in every store, first documents of new indices); a war room runs for
                // weeks, so steps start from a stack that has seen the load.
                Rig.log("warming up: %,.0f ev/s for %.0f s, then waiting until every stage has caught up", STEPS[0], warmupSeconds);
                intake.run(STEPS[0], warmupSeconds, s -> { });
                Rig.log("  caught up %.0f s after the warm-up", rig.awaitDrained(100, 600));
            }
            double rate;
            if (fixed != null) {
                rate = fixed;
            } else {
                rate = 0;
                for (double step : STEPS) {
                    probe.latency.clear();
                    long due = Math.round(step * stepSeconds);
                    long got = intake.run(step, stepSeconds, s -> { });
                    long lag = LagSampler.stages(rig.lag.sample());
                    boolean holds = got >= 0.95 * due && lag <= step * 5 && probe.latency.percentile(99) <= 5_000;
                    Rig.log("step %,.0f ev/s: accepted %,d of %,d, lag %,d, freshness %s -> %s", step, got, due, lag,
                            probe.latency.describe(), holds ? "holds" : "does not hold");
                    double drained = rig.awaitDrained(Math.round(step), 120);
                    if (!holds) {
                        break;
                    }
                    rate = step;
                    Rig.log("  drained in %.0f s", drained);
                }
                if (rate == 0) {
                    rate = STEPS[0];
                }
            }
            Rig.log("sustaining %,.0f ev/s for %.1f min", rate, minutes);
            probe.latency.clear();
            Map<String, Double> cpu0 = rig.stack.cpu();
            List<Map<String, Long>> lags = new ArrayList<>();
            double seconds = minutes * 60;
            long acceptedBefore = intake.accepted.get();
            WrittenByStreams written = new WrittenByStreams(rig.lag.admin(),
                    org.warroom.contracts.topic.Topics.feeds().stream().map(org.warroom.contracts.topic.Topic::name)
                            .collect(java.util.stream.Collectors.toSet()));
            long t0 = System.nanoTime();
            long got = intake.run(rate, seconds, s -> {
                if (s % 10 == 0) {
                    Map<String, Long> l = rig.lag.sample();
                    lags.add(l);
                    Rig.log("t=%3ds accepted %,d lag %s freshness p99 %d ms", s, intake.accepted.get() - acceptedBefore, l,
                            probe.latency.percentile(99));
                }
            });
            double took = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> cpu1 = rig.stack.cpu();
            rig.awaitDrained(Math.round(rate), 120);
            String writes = written.describe();
            Rig.log("written by streams: %s", writes);
            Map<String, Long> worst = new TreeMap<>();
            for (Map<String, Long> l : lags.subList(lags.size() / 2, lags.size())) {
                l.forEach((g, v) -> worst.merge(g, v, Math::max));
            }
            long worstLag = worst.values().stream().mapToLong(Long::longValue).max().orElse(0);
            boolean bounded = worstLag <= rate * 5;
            double sustained = got / took;
            rig.rememberSustainedRate(bounded ? sustained : sustained / 2);
            StreamsBaseline.Result engine = null;
            if (streamsBaseline) {
                engine = StreamsBaseline.feeds(rig, 900);
            }
            StringBuilder parts = new StringBuilder();
            cpu1.forEach((p, c) -> parts.append(p).append(' ').append(String.format("%.0f%%", 100 * (c - cpu0.getOrDefault(p, c)) / took)).append(", "));
            report.figure("sustained", String.format("%,.0f ev/s for %.0f s (target %,.0f)", sustained, took, rate))
                    .figure("baseline ProducerPerformance", String.format("%,.0f rec/s (%d B, %d partitions)", baseline, recordSize, partitions))
                    .figure("ratio", Report.ratio(sustained / baseline))
                    .figure("engine baseline (one count by district per feed, same broker and settings)",
                            engine == null ? "not run" : engine.describe())
                    .figure("ratio to the engine baseline", engine == null ? "-" : Report.ratio(sustained / engine.rate()))
                    .figure("written by streams", writes)
                    .figure("worst lag in 2nd half", worst + (bounded ? " (bounded)" : " (NOT bounded)"))
                    .figure("freshness meanwhile", probe.latency.describe())
                    .figure("intake", intake.describe())
                    .figure("CPU by part", parts.toString().replaceAll(", $", ""))
                    .figure("generator CPU", report.generatorCpu())
                    .verdict(bounded && sustained >= 0.25 * baseline && sustained >= 5_000, "≥ 0.25 × baseline and ≥ 5,000 ev/s, lag bounded");
        }
        report.publish(rig.stack);
    }
}
