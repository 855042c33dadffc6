package org.warroom.streams.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;
import org.warroom.streams.WarroomTopology;
import org.warroom.streams.config.BoundedRocksDbMemory;
import org.warroom.streams.workers.BucketNames;

/**
 * Throughput of the whole topology alone (no broker, no exactly-once commits): {@link MixedLoad} through a
 * {@link TestDriver} (a fifth of them first to warm up), 1,000 events per second of event and wall-clock time, so the 5 s punctuators fire as they
 * would under that load. Reports wall-clock records/s and records per CPU second of the piping thread (the driver
 * processes on it; the second figure depends less on a shared machine's load). Runs only when asked:
 * {@code mvn -q -o -pl streams -am test -Dtest=TopologyThroughputBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dwarroom.throughput.records=60000} (add {@code -Dwarroom.throughput.rocksdb.memory=134217728} for production's
 * RocksDB bounds); prints and writes {@code target/topology-throughput.txt}. A benchmark, not a test: its name keeps it out
 * of the test run (surefire runs classes named {@code *Test}), so a normal run neither runs nor skips it.
 */
class TopologyThroughputBench {
    private static final int PER_SECOND = 1_000;

    @Test
    void shouldMeasureRecordsPerSecond() throws IOException {
        int records = Integer.parseInt(System.getProperty("warroom.throughput.records", "60000"));
        int warmUp = records / 5;
        try (TestDriver driver = TestDriver.of(rocksDb(), sources -> WarroomTopology.build(sources.builder(), TestDriver.rules(),
                BucketNames.none()))) {
            Feeds feeds = new Feeds(driver);
            MixedLoad load = new MixedLoad();
            feeds.pipe(load, warmUp);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = System.nanoTime();
            long startedCpu = threads.getCurrentThreadCpuTime();
            feeds.pipe(load, records);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e9;
            Map<String, ?> backlogs = driver.output(ResultTopics.BACKLOGS).readKeyValuesToMap();
            assertThat(backlogs).isNotEmpty();
            String line = String.format("topology alone: %,d records in %.1f s = %,.0f records/s; thread CPU %.1f s = "
                    + "%,.0f records per CPU second (after %,d warm-up records; RocksDB %s; load average %s)%n", records, seconds,
                    records / seconds, cpuSeconds, records / cpuSeconds, warmUp, rocksDb().isEmpty() ? "defaults"
                    : "bounded", loadAverage());
            System.out.print(line);
            Files.writeString(Path.of("target", "topology-throughput.txt"), line);
        }
    }

    /** With {@code -Dwarroom.throughput.rocksdb.memory=BYTES}: the stores bounded as in production; else RocksDB's defaults. */
    private static Map<String, Object> rocksDb() {
        String bytes = System.getProperty("warroom.throughput.rocksdb.memory");
        return bytes == null ? Map.of() : Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class,
                BoundedRocksDbMemory.TOTAL_BYTES, bytes);
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
    }

    /** The five feed topics, piped with event time = wall clock, the clock advanced every {@value #PER_SECOND}. */
    private static final class Feeds {
        private final TestDriver driver;
        private final TestInputTopic<String, TicketStep> tickets;
        private final TestInputTopic<String, CallStep> calls;
        private final TestInputTopic<String, CitizenMessage> messages;
        private final TestInputTopic<String, DistrictReport> reports;
        private final TestInputTopic<String, WorkerRecord> workers;
        private long piped;

        Feeds(TestDriver driver) {
            this.driver = driver;
            this.tickets = driver.input(Topics.TICKETS);
            this.calls = driver.input(Topics.CALLS);
            this.messages = driver.input(Topics.MESSAGES);
            this.reports = driver.input(Topics.REPORTS);
            this.workers = driver.input(Topics.WORKERS);
        }

        void pipe(MixedLoad load, int count) {
            for (int i = 0; i < count; i++) {
                Instant now = driver.now();
                Object event = load.next(now);
                if (event instanceof TicketStep t) {
                    tickets.pipeInput(t.ticket(), t, now);
                } else if (event instanceof CallStep c) {
                    calls.pipeInput(c.call(), c, now);
                } else if (event instanceof CitizenMessage m) {
                    messages.pipeInput(m.id(), m, now);
                } else if (event instanceof DistrictReport r) {
                    reports.pipeInput(r.district(), r, now);
                } else {
                    WorkerRecord w = (WorkerRecord) event;
                    workers.pipeInput(w.id(), w, now);
                }
                if (++piped % PER_SECOND == 0) {
                    driver.advance(Duration.ofSeconds(1));
                }
            }
        }
    }
}
