package org.warroom.streams.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;

class WorkerDistributionTopologyTest {
    private static final String BIHAR = "10";
    private static final String MAHARASHTRA = "27";
    private static final String PATNA = "230";
    private static final String PUNE = "519";
    private static final String MUMBAI = "518";

    private TestDriver driver;
    private TestInputTopic<String, WorkerRecord> workers;
    private TestOutputTopic<String, DistributionBucket> buckets;
    private TestOutputTopic<String, WorkerTotals> totals;

    @BeforeEach
    void start() {
        BucketNames names = (by, key) -> by.equals(DistributionBucket.BY_CURRENT_STATE) && key.equals(MAHARASHTRA)
                ? "Maharashtra" : null;
        // With the store cache on, as streams runs (the pending deltas' store caches between commits).
        driver = TestDriver.of(Map.of(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 1 << 20),
                sources -> WorkerDistributionTopology.build(sources,
                        TestDriver.rules(Map.of("streams.punctuate.interval", "1h")), names));
        workers = driver.input(Topics.WORKERS);
        buckets = driver.output(ResultTopics.WORKER_DISTRIBUTION);
        totals = driver.output(ResultTopics.WORKER_TOTALS);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** Sends one record and lets the pending deltas flush. */
    private void send(WorkerRecord worker) {
        workers.pipeInput(worker.id(), worker, TestDriver.T0);
        flush();
    }

    private void flush() {
        driver.advance(WorkerDistributionTopology.FLUSH_INTERVAL);
    }

    private long count(String by, String key) {
        Long count = driver.<Long>store(WorkerDistributionTopology.COUNTS_STORE).get(DistributionBucket.key(by, key));
        return count == null ? 0 : count;
    }

    @Test
    void shouldCountWorkerOnceInEveryDimension() {
        send(worker("w1", PATNA, List.of("Mason", "carpenter"), WorkerStatus.WORKING, MAHARASHTRA, PUNE, null));

        Map<String, DistributionBucket> latest = buckets.readKeyValuesToMap();
        assertThat(latest).containsOnly(
                Map.entry("currentState|27", new DistributionBucket("currentState", MAHARASHTRA, "Maharashtra", 1)),
                Map.entry("currentDistrict|519", new DistributionBucket("currentDistrict", PUNE, null, 1)),
                Map.entry("homeDistrict|230", new DistributionBucket("homeDistrict", PATNA, null, 1)),
                Map.entry("status|working", new DistributionBucket("status", "working", null, 1)),
                Map.entry("skill|mason", new DistributionBucket("skill", "mason", null, 1)),
                Map.entry("skill|carpenter", new DistributionBucket("skill", "carpenter", null, 1)));
        assertThat(totals.readValuesToList()).containsExactly(new WorkerTotals(1, 0, 0.0, 30));
    }

    @Test
    void shouldMoveWorkerBetweenBuckets() {
        send(worker("w1", PATNA, List.of("mason"), WorkerStatus.WORKING, MAHARASHTRA, PUNE, null));
        send(worker("w2", PATNA, List.of("mason"), WorkerStatus.WORKING, MAHARASHTRA, PUNE, null));
        send(worker("w1", PATNA, List.of("mason"), WorkerStatus.HOME, BIHAR, PATNA, null));      // goes home
        send(worker("w1", PATNA, List.of("mason"), WorkerStatus.WORKING, MAHARASHTRA, MUMBAI, null)); // leaves again

        assertThat(count("currentState", MAHARASHTRA)).isEqualTo(2);
        assertThat(count("currentState", BIHAR)).isZero();
        assertThat(count("currentDistrict", PUNE)).isEqualTo(1);
        assertThat(count("currentDistrict", MUMBAI)).isEqualTo(1);
        assertThat(count("currentDistrict", PATNA)).isZero();
        assertThat(count("status", "working")).isEqualTo(2);
        assertThat(count("status", "home")).isZero();
        assertThat(count("homeDistrict", PATNA)).isEqualTo(2);
        assertThat(count("skill", "mason")).isEqualTo(2);

        Map<String, DistributionBucket> latest = buckets.readKeyValuesToMap();
        assertThat(latest.get("currentState|10").count()).isZero();
        assertThat(latest.get("currentState|27").count()).isEqualTo(2);
        assertThat(latest.get("currentDistrict|230").count()).isZero();
        assertThat(latest.get("currentDistrict|519").count()).isEqualTo(1);
        assertThat(latest.get("currentDistrict|518").count()).isEqualTo(1);
        assertThat(latest.get("status|home").count()).isZero();
        assertThat(totals.readValuesToList()).containsExactly(new WorkerTotals(1, 0, 0.0, 30), new WorkerTotals(2, 0, 0.0, 30));
    }

    @Test
    void shouldCountEachSkillOnceAndForgetDroppedSkills() {
        send(worker("w1", PATNA, List.of("mason", "Mason ", "carpenter"), WorkerStatus.HOME, null, null, null));
        send(worker("w2", PATNA, List.of("carpenter"), WorkerStatus.HOME, null, null, null));
        send(worker("w1", PATNA, List.of("mason", "welder"), WorkerStatus.HOME, null, null, null));

        assertThat(count("skill", "mason")).isEqualTo(1);
        assertThat(count("skill", "carpenter")).isEqualTo(1);
        assertThat(count("skill", "welder")).isEqualTo(1);
        assertThat(count("currentState", DistributionBucket.UNKNOWN)).isEqualTo(2);
        Map<String, DistributionBucket> latest = buckets.readKeyValuesToMap();
        assertThat(latest.get("skill|carpenter").count()).isEqualTo(1);
        assertThat(latest.get("currentDistrict|unknown").count()).isEqualTo(2);
    }

    @Test
    void shouldForgetDeletedWorker() {
        send(worker("w1", PATNA, List.of("mason"), WorkerStatus.HOME, BIHAR, PATNA, null));
        workers.pipeInput("w1", null, TestDriver.T0);
        flush();

        assertThat(count("currentState", BIHAR)).isZero();
        assertThat(count("skill", "mason")).isZero();
        assertThat(buckets.readKeyValuesToMap().values()).extracting(DistributionBucket::count).containsOnly(0L);
        assertThat(totals.readValuesToList()).containsExactly(new WorkerTotals(1, 0, 0.0, 30), new WorkerTotals(0, 0, 0.0, 30));
    }

    @Test
    void shouldShareWorkersVerifiedInTheLast30Days() {
        send(worker("w1", PATNA, List.of(), WorkerStatus.HOME, BIHAR, PATNA, Duration.ofDays(-2)));
        send(worker("w2", PATNA, List.of(), WorkerStatus.HOME, BIHAR, PATNA, Duration.ofDays(-40)));
        send(worker("w3", PATNA, List.of(), WorkerStatus.HOME, BIHAR, PATNA, null));
        assertThat(totals.readValuesToList()).last().isEqualTo(new WorkerTotals(3, 1, 1 / 3.0, 30));

        driver.advance(Duration.ofDays(27));
        assertThat(totals.isEmpty()).as("verified 29 days ago: still recent").isTrue();
        driver.advance(Duration.ofDays(2));
        assertThat(totals.readValuesToList()).containsExactly(new WorkerTotals(3, 0, 0.0, 30));

        send(worker("w2", PATNA, List.of(), WorkerStatus.HOME, BIHAR, PATNA, Duration.ofDays(29))); // re-verified today
        assertThat(totals.readValuesToList()).last().isEqualTo(new WorkerTotals(3, 1, 1 / 3.0, 30));
    }

    @Test
    void shouldSendABulkUploadAsOneDeltaPerBucketPerFlush() {
        for (int i = 0; i < 1_000; i++) {
            workers.pipeInput("w" + i, worker("w" + i, i % 2 == 0 ? PATNA : PUNE, List.of("mason"), WorkerStatus.WORKING,
                    MAHARASHTRA, i % 2 == 0 ? PUNE : MUMBAI, null), TestDriver.T0);
        }
        assertThat(buckets.isEmpty()).as("nothing before the flush").isTrue();
        flush();

        // currentState, 2 current districts, 2 home districts, status, skill: 7 deltas for 1,000 workers
        assertThat(driver.repartition(WorkerDistributionTopology.BUCKET_DELTAS).getQueueSize()).isEqualTo(7);
        assertThat(driver.repartition(WorkerDistributionTopology.TOTALS_DELTAS).getQueueSize()).isEqualTo(1);
        assertThat(count("currentState", MAHARASHTRA)).isEqualTo(1_000);
        assertThat(count("currentDistrict", PUNE)).isEqualTo(500);
        assertThat(totals.readValuesToList()).containsExactly(new WorkerTotals(1_000, 0, 0.0, 30));
    }

    @Test
    void shouldEqualAStraightRecountAfterRandomUpdatesMovesRepeatsAndDeletes() {
        Random random = new Random(25);
        String[] states = {BIHAR, MAHARASHTRA, "09", null, " "};
        String[] districts = {PATNA, PUNE, MUMBAI, "170", null};
        String[] skills = {"mason", "Mason", "welder", "driver ", "cook"};
        WorkerStatus[] statuses = {WorkerStatus.HOME, WorkerStatus.WORKING, null};
        Map<String, WorkerRecord> latest = new HashMap<>();
        Map<String, DistributionBucket> sent = new HashMap<>();
        List<WorkerTotals> sentTotals = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            int records = 1 + random.nextInt(60);
            for (int i = 0; i < records; i++) {
                String id = "w" + random.nextInt(50);
                WorkerRecord before = latest.get(id);
                int what = random.nextInt(10);
                if (what == 0) {
                    workers.pipeInput(id, null, TestDriver.T0);                       // deleted
                    latest.remove(id);
                    continue;
                }
                WorkerRecord next = what == 1 && before != null ? before              // the same record again
                        : worker(id, districts[random.nextInt(districts.length)],
                                List.of(skills[random.nextInt(skills.length)], skills[random.nextInt(skills.length)]),
                                statuses[random.nextInt(statuses.length)], states[random.nextInt(states.length)],
                                districts[random.nextInt(districts.length)],
                                random.nextBoolean() ? null : Duration.ofDays(-random.nextInt(60)));
                workers.pipeInput(id, next, TestDriver.T0);
                latest.put(id, next);
            }
            flush();
            sent.putAll(buckets.readKeyValuesToMap());
            sentTotals.addAll(totals.readValuesToList());

            Map<String, Long> expected = recount(latest.values());
            Map<String, Long> counted = new TreeMap<>();
            sent.forEach((key, bucket) -> {
                if (bucket.count() != 0) {
                    counted.put(key, bucket.count());
                }
            });
            assertThat(counted).as("round %d: the latest count of every bucket", round).isEqualTo(expected);
            long recent = latest.values().stream().filter(w -> w.verifiedAt() != null
                    && w.verifiedAt().toInstant().isAfter(TestDriver.T0.minus(Duration.ofDays(30)))).count();
            if (!sentTotals.isEmpty()) {
                WorkerTotals last = sentTotals.get(sentTotals.size() - 1);
                assertThat(last.total()).as("round %d: registry size", round).isEqualTo(latest.size());
                assertThat(last.verifiedRecently()).as("round %d: verified in 30 days", round).isEqualTo(recent);
            }
        }
    }

    /** The distributions counted from scratch over the latest record of every worker. */
    private static Map<String, Long> recount(Iterable<WorkerRecord> workers) {
        Map<String, Long> counts = new TreeMap<>();
        for (WorkerRecord w : workers) {
            counts.merge(DistributionBucket.key("currentState", WorkerDistributionTopology.bucket(w.currentState())), 1L, Long::sum);
            counts.merge(DistributionBucket.key("currentDistrict", WorkerDistributionTopology.bucket(w.currentDistrict())), 1L, Long::sum);
            counts.merge(DistributionBucket.key("homeDistrict", WorkerDistributionTopology.bucket(w.homeDistrict())), 1L, Long::sum);
            counts.merge(DistributionBucket.key("status", WorkerDistributionTopology.bucket(w.status() == null ? null : w.status().wire())), 1L, Long::sum);
            w.skills().stream().map(WorkerDistributionTopology::skillKey).filter(s -> !s.isEmpty()).distinct()
                    .forEach(s -> counts.merge(DistributionBucket.key("skill", s), 1L, Long::sum));
        }
        return counts;
    }
}
