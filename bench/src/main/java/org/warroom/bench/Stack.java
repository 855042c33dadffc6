package org.warroom.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running local stack as {@code bin/warroom} started it: ports from the same {@code WARROOM_*} variables, the
 * data dir with its pid files and generated secrets. Parts can be stopped, killed and started again through
 * {@code bin/warroom up}, which starts only what is missing.
 */
final class Stack {
    static final List<String> PARTS = List.of("kafka", "elasticsearch", "ingest", "streams", "indexer", "notifier", "dashboard");

    final Path root;
    final Path data;
    final Map<String, String> env;

    Stack(Map<String, String> env) {
        this.env = env;
        this.root = Path.of(env.getOrDefault("WARROOM_BENCH_ROOT", ".")).toAbsolutePath().normalize();
        this.data = Path.of(env.getOrDefault("WARROOM_DATA_DIR", root.resolve(".warroom").toString())).toAbsolutePath().normalize();
    }

    private int port(String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, Integer.toString(fallback)));
    }

    URI ingest() {
        return URI.create("http://127.0.0.1:" + port("WARROOM_INGEST_PORT", 8081));
    }

    int dashboardPort() {
        return port("WARROOM_DASHBOARD_PORT", 8080);
    }

    URI dashboard() {
        return URI.create("http://127.0.0.1:" + dashboardPort());
    }

    URI elasticsearch() {
        return URI.create("http://127.0.0.1:" + port("WARROOM_ES_PORT", 9200));
    }

    URI management(String part) {
        return switch (part) {
            case "streams" -> URI.create("http://127.0.0.1:" + port("WARROOM_STREAMS_MANAGEMENT_PORT", 8082));
            case "indexer" -> URI.create("http://127.0.0.1:" + port("WARROOM_INDEXER_MANAGEMENT_PORT", 8083));
            case "notifier" -> URI.create("http://127.0.0.1:" + port("WARROOM_NOTIFIER_MANAGEMENT_PORT", 8084));
            default -> throw new IllegalArgumentException(part);
        };
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + port("WARROOM_KAFKA_PORT", 9092);
    }

    String ingestKey() {
        return env.containsKey("WARROOM_INGEST_KEY") ? env.get("WARROOM_INGEST_KEY") : secret("ingest-key");
    }

    String adminPassword() {
        return env.containsKey("WARROOM_ADMIN_PASSWORD") ? env.get("WARROOM_ADMIN_PASSWORD") : secret("admin-password");
    }

    private String secret(String name) {
        try {
            return Files.readString(data.resolve("secrets").resolve(name)).strip();
        } catch (IOException e) {
            throw new IllegalStateException("no " + name + " in " + data.resolve("secrets") + ": is the stack up (bin/warroom up)?", e);
        }
    }

    Optional<Long> pid(String part) {
        try {
            long pid = Long.parseLong(Files.readString(data.resolve("run").resolve(part + ".pid")).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Resident memory (MiB) of every running part, its child processes included. */
    Map<String, Long> rss() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String part : PARTS) {
            pid(part).ifPresent(pid -> out.put(part, Machine.tree(pid).stream().mapToLong(Machine::rssMiB).filter(v -> v > 0).sum()));
        }
        return out;
    }

    /** CPU seconds used so far by every running part. */
    Map<String, Double> cpu() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : PARTS) {
            pid(part).ifPresent(pid -> out.put(part, Machine.tree(pid).stream().mapToDouble(Machine::cpuSeconds)
                    .filter(Double::isFinite).sum()));
        }
        return out;
    }

    /** kill -9 (or -TERM) the part's process group, as {@code bin/warroom} launched it with setsid. */
    void kill(String part, boolean hard) throws IOException, InterruptedException {
        long pid = pid(part).orElseThrow(() -> new IllegalStateException(part + " is not running"));
        new ProcessBuilder("kill", hard ? "-KILL" : "-TERM", "--", "-" + pid).inheritIO().start().waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }

    /** {@code bin/warroom up --no-simulator}: starts whatever part is missing and waits until it is healthy. */
    void up() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(root.resolve("bin/warroom").toString(), "up", "--no-simulator")
                .redirectErrorStream(true).redirectOutput(data.resolve("logs").resolve("bench-up.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("bin/warroom up failed; see " + data.resolve("logs/bench-up.log"));
        }
    }
}
