package org.warroom.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bin/warroom} as a user runs it (issue 19, defect 5), with a data folder of its own so that nothing of a
 * real local stack is touched: help exits 0, an unknown command 2, {@code logs} names every part, and {@code down}
 * stops the parts it started side by side, the services before Kafka and Elasticsearch. The parts of {@code down}
 * are stand-ins: processes marked like bin/warroom marks its parts, each taking a while to stop on SIGTERM.
 */
class WarroomScriptTest {
    private static final Path ROOT = Path.of(System.getProperty("warroom.home", "..")).toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("bin/warroom");

    private Path data;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void dataDir() throws IOException {
        data = Files.createTempDirectory("warroom-script-test");
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private record Run(int exit, String out, String err, Duration took) {
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("WARROOM_DATA_DIR", data.toString());
        Path out = data.resolve("out.txt");
        Path err = data.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long start = System.nanoTime();
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bin/warroom %s finished", String.join(" ", args)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err), took);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "-h", "--help"})
    @DisplayName("help, -h and --help print the commands and exit 0")
    void help(String arg) throws Exception {
        Run r = run(arg);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("bin/warroom up", "bin/warroom down", "bin/warroom logs SERVICE");
    }

    @Test
    @DisplayName("an unknown command prints the help, names the command and exits 2")
    void unknownCommand() throws Exception {
        Run r = run("frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bin/warroom up").contains("frobnicate");
    }

    @Test
    @DisplayName("logs without a part names every part, the notifier too")
    void logsUsage() throws Exception {
        Run r = run("logs");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("kafka", "elasticsearch", "ingest", "streams", "indexer", "notifier", "dashboard",
                "simulator", "build");
    }

    /**
     * A stand-in part: a process group of its own whose command line carries {@code -Dwarroom.part=NAME} (as
     * bin/warroom's parts do), which on SIGTERM writes when it was asked to stop, takes {@code seconds} to stop,
     * and writes when it stopped.
     */
    private void part(String name, double seconds) throws IOException {
        Path log = data.resolve("stops.log");
        String body = "trap 'echo \"$(date +%s%N) term " + name + "\" >> " + log + "; sleep " + seconds
                + "; echo \"$(date +%s%N) gone " + name + "\" >> " + log + "; exit 0' TERM; "
                + "echo " + name + " >> " + data.resolve("ready.log") + "; while :; do sleep 0.1; done";
        Process p = new ProcessBuilder("setsid", "bash", "-c", body, "stand-in", "-Dwarroom.part=" + name)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        Files.createDirectories(data.resolve("run"));
        Files.writeString(data.resolve("run").resolve(name + ".pid"), Long.toString(p.pid()));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("down stops the services side by side, then Elasticsearch and Kafka: as long as the slowest, not the sum")
    void downStopsSideBySide() throws Exception {
        List<String> services = List.of("dashboard", "notifier", "indexer", "streams", "ingest");
        for (String s : services) {
            part(s, 4);
        }
        part("elasticsearch", 4);
        part("kafka", 4);
        part("cds", 1); // the background writer of class-data-sharing archives
        // each stand-in says when its SIGTERM trap is set
        eventually(Duration.ofSeconds(30), () -> assertThat(lines(data.resolve("ready.log"))).hasSize(8));

        Run r = run("down");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(started).allSatisfy(p -> assertThat(p.isAlive()).isFalse());
        // One after the other: 7 × 4 s + 1 s = 29 s; in three steps side by side about 1 + 4 + 4 = 9 s. The order of
        // the stops proves it without a clock (a loaded machine took 19.6 s for the 9): every service is asked to
        // stop before any of them is gone.
        assertThat(r.took()).isLessThan(Duration.ofSeconds(28));
        Map<String, Long> term = new HashMap<>();
        Map<String, Long> gone = new HashMap<>();
        for (String line : Files.readAllLines(data.resolve("stops.log"), StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            (f[1].equals("term") ? term : gone).put(f[2], Long.parseLong(f[0]));
        }
        assertThat(term).as("the background archive writer is stopped too").containsKey("cds");
        long lastService = services.stream().mapToLong(gone::get).max().orElseThrow();
        long firstServiceGone = services.stream().mapToLong(gone::get).min().orElseThrow();
        assertThat(services).as("the services are stopped side by side").allSatisfy(
                s -> assertThat(term.get(s)).isLessThan(firstServiceGone));
        assertThat(term.get("kafka")).as("Kafka is asked to stop after every service stopped").isGreaterThan(lastService);
        assertThat(term.get("elasticsearch")).as("Elasticsearch too").isGreaterThan(lastService);
    }
}
