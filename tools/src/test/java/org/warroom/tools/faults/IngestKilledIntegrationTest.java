package org.warroom.tools.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.warroom.ingest.auth.ApiKeys;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * The ingest service killed with SIGKILL in the middle of a steady load (a separate JVM, so nothing is flushed or
 * closed on the way out): every event it acknowledged is in Kafka; the client re-sends the batch that got no answer
 * to the restarted service, and then Kafka holds exactly the events that were acknowledged — none lost, none that
 * nobody acknowledged — and every refused event is in the dead-letter topic.
 */
@ExtendWith(RealKafka.class)
class IngestKilledIntegrationTest {
    private static final Duration START = Duration.ofSeconds(180);

    @Test
    @DisplayName("kill -9 of ingest under load loses no acknowledged event; after re-sending, Kafka holds exactly what was acknowledged")
    void killedIngestLosesNothingItAcknowledged(LocalKafka kafka, @TempDir Path dir) throws Exception {
        String key = ApiKeys.generate();
        int port = freePort();
        String run = "kill" + System.nanoTime();
        Process first = startIngest(kafka, port, key, dir.resolve("first"));
        try {
            awaitHealthy(port, first, dir.resolve("first"));
            AcceptedTimeline timeline = new AcceptedTimeline(0);
            AtomicBoolean stop = new AtomicBoolean();
            LoadGenerator load;
            Thread sending;
            try (Ledger ledger = new Ledger(dir.resolve("ledger"), run)) {
                load = new LoadGenerator(URI.create("http://127.0.0.1:" + port), key, run, 300, ledger, timeline);
                sending = new Thread(() -> {
                    try {
                        load.run(stop::get);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                sending.start();
                eventually(Duration.ofSeconds(60), () -> assertThat(timeline.workers()).isGreaterThanOrEqualTo(200));

                first.destroyForcibly().waitFor();
                Set<String> acknowledgedBeforeKill = accepted(dir);
                assertThat(ids(kafka, run)).as("every event acknowledged before the kill is in Kafka")
                        .containsAll(acknowledgedBeforeKill);

                Process second = startIngest(kafka, port, key, dir.resolve("second"));
                try {
                    awaitHealthy(port, second, dir.resolve("second"));
                    long before = timeline.workers();
                    eventually(START, () -> assertThat(timeline.workers()).isGreaterThan(before + 50));
                    stop.set(true);
                    sending.join(60_000);
                } finally {
                    second.destroyForcibly().waitFor();
                }
            }
            assertThat(load.retries()).as("the client had to re-send while ingest was down").isPositive();
            assertThat(load.anomalies()).isZero();
            assertThat(ids(kafka, run)).as("Kafka holds exactly the acknowledged events").isEqualTo(accepted(dir));
            Set<String> refused = Ledger.readAll(dir.resolve("ledger")).get(LoadEvent.Kind.INVALID).keySet();
            assertThat(refused).isNotEmpty();
            assertThat(new TopicIds(props(kafka)).read("warroom.deadletter", true).keySet()).containsAll(refused);
        } finally {
            first.destroyForcibly();
        }
    }

    private static Set<String> accepted(Path dir) {
        return Ledger.readAll(dir.resolve("ledger")).entrySet().stream()
                .filter(e -> e.getKey() != LoadEvent.Kind.INVALID)
                .flatMap(e -> e.getValue().keySet().stream()).collect(Collectors.toSet());
    }

    private static Set<String> ids(LocalKafka kafka, String run) {
        TopicIds topics = new TopicIds(props(kafka));
        return LoadEvent.Kind.accepted().stream().map(LoadEvent.Kind::topic).distinct()
                .flatMap(t -> topics.read(t, false).keySet().stream()).filter(id -> id.contains(run))
                .collect(Collectors.toSet());
    }

    private static Properties props(LocalKafka kafka) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        return p;
    }

    /** The real ingest service in its own JVM (the test's class path), configured like bin/warroom does. */
    private static Process startIngest(LocalKafka kafka, int port, String key, Path dataDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.warroom.ingest.IngestMain");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("WARROOM_"));
        env.put("WARROOM_KAFKA_BOOTSTRAP", kafka.bootstrap());
        env.put("WARROOM_INGEST_HOST", "127.0.0.1");
        env.put("WARROOM_INGEST_PORT", Integer.toString(port));
        env.put("WARROOM_INGEST_KEY", key);
        env.put("WARROOM_DATA_DIR", dataDir.toString());
        Files.createDirectories(dataDir);
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("ingest.log").toFile());
        return pb.start();
    }

    private static void awaitHealthy(int port, Process process, Path dataDir) {
        HttpClient http = HttpClient.newHttpClient();
        eventually(START, () -> {
            if (!process.isAlive()) {
                throw new Error("ingest exited: " + log(dataDir));
            }
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new AssertionError("ingest does not answer yet: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            assertThat(status).isEqualTo(200);
        });
    }

    private static String log(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("ingest.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
