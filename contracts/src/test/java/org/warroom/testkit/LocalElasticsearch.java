package org.warroom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.warroom.contracts.config.Settings;

/**
 * A real Elasticsearch node (the unpacked distribution) in a child process on free loopback ports, with its own
 * data folder, single-node, security off: the local profile. {@link #stop()} and {@link #start()} may be called
 * again to take it away and bring it back with its data, for fault tests.
 */
public final class LocalElasticsearch implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Path home;
    private final Path base;
    private final int httpPort;
    private final int transportPort;
    private Process process;

    private LocalElasticsearch(Path home, Path base, int httpPort, int transportPort) {
        this.home = home;
        this.base = base;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
    }

    /** Starts a new node with an empty data folder and waits until its cluster health is at least yellow. */
    public static LocalElasticsearch start(String name) {
        try {
            Path base = Files.createTempDirectory("warroom-es-" + name + "-");
            Path dist = ElasticsearchDistribution.home();
            Path config = base.resolve("config");
            Files.createDirectories(config);
            try (Stream<Path> files = Files.list(dist.resolve("config"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, config.resolve(f.getFileName()));
                }
            }
            Files.createDirectories(base.resolve("data"));
            Files.createDirectories(base.resolve("logs"));
            Files.createDirectories(base.resolve("tmp"));
            Path home = ElasticsearchDistribution.prepare(dist, base);
            LocalElasticsearch node = new LocalElasticsearch(home, base, freePort(), freePort());
            // A test JVM that ends without closing the node must not leave an Elasticsearch behind.
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "stop-elasticsearch-" + name));
            node.start();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** (Re)starts the node process on the same ports and data, and waits until it is ready. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.writeString(base.resolve("config/elasticsearch.yml"), String.join("\n",
                    "cluster.name: warroom-test",
                    "node.name: test",
                    "path.data: " + base.resolve("data"),
                    "path.logs: " + base.resolve("logs"),
                    "network.host: 127.0.0.1",
                    "http.port: " + httpPort,
                    "transport.port: " + transportPort,
                    "discovery.type: single-node",
                    "xpack.security.enabled: false",
                    "action.destructive_requires_name: false",
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    ""), StandardCharsets.UTF_8);
            Path jvmOptions = base.resolve("config/jvm.options.d");
            Files.createDirectories(jvmOptions);
            Files.writeString(jvmOptions.resolve("heap.options"), "-Xms512m\n-Xmx512m\n");
            ElasticsearchDistribution.prepare(home, base);
            List<String> command = new ArrayList<>(ElasticsearchDistribution.asServiceUser());
            command.addAll(List.of("env",
                    "ES_JAVA_HOME=" + System.getProperty("java.home"),
                    "ES_PATH_CONF=" + base.resolve("config"),
                    "ES_TMPDIR=" + base.resolve("tmp"),
                    home.resolve("bin/elasticsearch").toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(base.resolve("console.log").toFile())
                    .start();
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the node (as a crash would not: gracefully, so it can start again on the same data). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> tree = new ArrayList<>(handle.descendants().toList());
        tree.add(handle);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            p.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
                p.destroyForcibly();
                return p;
            }).join();
        }
        process = null;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Settings (as the services read them) pointing at this node. */
    public Settings settings() {
        return Settings.ofKeys(Map.of("es.url", url()));
    }

    /** Where the node's logs are, for a failing test's message. */
    public Path logs() {
        return base.resolve("logs");
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is not worth failing a test run for
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(
                URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s")).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with " + process.exitValue() + "; see "
                        + base.resolve("console.log") + ":\n" + tail(base.resolve("console.log")));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.onSpinWait();
            process.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        stop();
        throw new IllegalStateException("Elasticsearch was not ready within " + START_TIMEOUT + "; see " + base);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no console output)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
