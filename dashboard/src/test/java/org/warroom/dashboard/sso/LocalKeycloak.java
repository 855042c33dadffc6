package org.warroom.dashboard.sso;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.warroom.testkit.Eventually;

/**
 * A real Keycloak for the single sign-on tests: the distribution from Maven Central ({@code
 * org.keycloak:keycloak-quarkus-dist}, unpacked by the build into {@code .warroom/dist/keycloak-VERSION}), started
 * in development mode on free ports with an in-memory database and the test realm imported from
 * {@code keycloak/warroom-realm.json} (a client, three users with role and district claims). Keycloak needs Java
 * 21 or later: {@code WARROOM_KEYCLOAK_JAVA_HOME}, else the newest JDK of 21+ under {@code /usr/lib/jvm} (the
 * machines carry Temurin's). Its log goes to {@code target/keycloak-PORT.log}.
 */
final class LocalKeycloak implements AutoCloseable {
    static final String REALM = "warroom";
    static final String CLIENT_ID = "warroom-dashboard";
    static final String CLIENT_SECRET = "test-only-client-secret";
    private static final Duration START_DEADLINE = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    final Duration startedIn;

    private LocalKeycloak(Process process, int port, Duration startedIn) {
        this.process = process;
        this.port = port;
        this.startedIn = startedIn;
    }

    static LocalKeycloak start() {
        try {
            Path home = home();
            Path java = javaHome().orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21 or later: set "
                    + "WARROOM_KEYCLOAK_JAVA_HOME or install a JDK 21+ under /usr/lib/jvm"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = LocalKeycloak.class.getResourceAsStream("/keycloak/warroom-realm.json")) {
                Files.copy(realm, imports.resolve("warroom-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            Path log = Path.of("target").toAbsolutePath().resolve("keycloak-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
                    "--db=dev-mem", "--import-realm", "--cache=local"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", java.toString());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // Java 24+: JBoss threads resets thread locals through java.lang internals (Keycloak logs the hint).
            builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            long begin = System.nanoTime();
            Process process = builder.start();
            LocalKeycloak keycloak = new LocalKeycloak(process, port, Duration.ZERO);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            try {
                Eventually.await(START_DEADLINE, "Keycloak's discovery document", () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak stopped; see " + log);
                    }
                    try {
                        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(keycloak.issuer()
                                + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        return answer.statusCode() == 200 ? Boolean.TRUE : null;
                    } catch (IOException e) {
                        return null;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                });
            } catch (RuntimeException | AssertionError e) {
                keycloak.close();
                throw new IllegalStateException("Keycloak did not start within " + START_DEADLINE + "; see " + log, e);
            }
            return new LocalKeycloak(process, port, Duration.ofNanos(System.nanoTime() - begin));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak", e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** The resident memory of Keycloak's JVM in MiB (for the record in docs/SECURITY.md), or -1 when unknown. */
    long residentMiB() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().map(p -> rss(p.pid())).orElse(-1L);
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static Path home() {
        String version = System.getProperty("warroom.keycloak.version", "26.4.7");
        Path root = Path.of(System.getProperty("warroom.home", "..")).toAbsolutePath().normalize();
        Path home = root.resolve(".warroom/dist/keycloak-" + version);
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + ": the dashboard's build unpacks it (mvn -pl dashboard -am verify)");
        }
        return home;
    }

    /** A JDK of version 21 or later, from WARROOM_KEYCLOAK_JAVA_HOME or /usr/lib/jvm (the newest). */
    static Optional<Path> javaHome() throws IOException {
        String given = System.getenv("WARROOM_KEYCLOAK_JAVA_HOME");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && !Files.isSymbolicLink(h))
                    .filter(h -> feature(h) >= 21).max(Comparator.comparingInt(LocalKeycloak::feature));
        }
    }

    private static int feature(Path home) {
        try (InputStream in = Files.newInputStream(home.resolve("release"))) {
            Properties release = new Properties();
            release.load(in);
            String version = release.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
