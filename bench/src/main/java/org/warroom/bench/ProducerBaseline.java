package org.warroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The baseline: Kafka's own {@code ProducerPerformance} (kafka-tools, on the broker's classpath that
 * {@code bin/warroom up} fetched) against the same broker, same record size and partition count, with ingest's
 * producer settings (acks=all, idempotent, linger 5 ms, 128 KiB batches), in the same run.
 */
final class ProducerBaseline {
    private static final Pattern FINAL = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    private ProducerBaseline() {
    }

    static double run(Rig rig, int recordSize, int partitions, long records) throws Exception {
        Path cp = rig.stack.root.resolve(".warroom/dist/kafka.classpath");
        if (!Files.exists(cp)) {
            throw new IllegalStateException(cp + " is missing: run bin/warroom up once");
        }
        String topic = "warroom-bench.producer-perf-" + rig.run;
        rig.lag.admin().createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try {
            Process p = new ProcessBuilder("java", "-Xmx512m", "-cp", Files.readString(cp).strip(),
                    "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", Long.toString(records),
                    "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
                    "bootstrap.servers=" + rig.stack.kafkaBootstrap(), "acks=all", "enable.idempotence=true", "linger.ms=5",
                    "batch.size=131072").redirectErrorStream(true).start();
            double rate = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = FINAL.matcher(line);
                    if (m.find() && Long.parseLong(m.group(1)) == records) {
                        rate = Double.parseDouble(m.group(2));
                    }
                }
            }
            if (p.waitFor() != 0 || rate < 0) {
                throw new IOException("ProducerPerformance failed (exit " + p.exitValue() + ")");
            }
            return rate;
        } finally {
            rig.lag.admin().deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }
}
