package org.warroom.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pages in a real browser: Debian's headless chromium driven by Playwright ({@code src/test/browser}, npm with a
 * lock file, no browser download) against {@link ProtocolStandIn} — the real {@link WebRoutes} and assets, and a
 * stand-in for the server half of the dashboard protocol. Signs in, sees the map with every district, watches a count
 * change within a second of an event, loses and regains the live connection, drills into a district, acknowledges an
 * alert, shows a {@code <script>} message inert, switches to Hindi; screenshots in {@code target/screenshots}.
 *
 * <p>Skipped (not failed) when chromium ({@code /usr/bin/chromium} or {@code $WARROOM_CHROMIUM}) or node is missing,
 * or when {@code npm ci} cannot install playwright-core.
 */
class PagesBrowserIntegrationTest {
    private static final Path BROWSER_DIR = Path.of("src/test/browser");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    @DisplayName("every page works in headless chromium under CSP, live, in Hindi and English, for each role")
    void shouldPassEveryBrowserStep() throws Exception {
        String chromium = System.getenv().getOrDefault("WARROOM_CHROMIUM", "/usr/bin/chromium");
        assumeTrue(Files.isExecutable(Path.of(chromium)), "no chromium at " + chromium + " (apt-get install chromium)");
        assumeTrue(run(List.of("node", "--version"), BROWSER_DIR, Duration.ofSeconds(20)).exit() == 0, "no node");
        if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), BROWSER_DIR, Duration.ofMinutes(3));
            assumeTrue(install.exit() == 0, "npm ci failed:\n" + install.output());
        }
        ProtocolStandIn standIn = new ProtocolStandIn(vertx);
        int port = standIn.start().await();
        Files.createDirectories(SCREENSHOTS);

        ProcessBuilder builder = new ProcessBuilder("node", "pages.test.mjs").directory(BROWSER_DIR.toFile())
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        builder.environment().put("EVENT_MODE", "standin");
        builder.environment().put("CHROMIUM", chromium);
        builder.environment().put("SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString());
        Result result = run(builder, Duration.ofMinutes(4));
        System.out.println(result.output());

        assertThat(result.exit()).as("browser steps:\n%s", result.output()).isZero();
        assertThat(result.output()).contains("0 failed");
        List<JsonObject> acks = standIn.acks();
        assertThat(acks).hasSize(1);
        assertThat(acks.get(0).getString("by")).isEqualTo("responder");
        assertThat(acks.get(0).getString("comment")).contains("PHC restocked");
        for (String shot : List.of("login", "wall", "wall-hi", "wall-disconnected", "district", "search", "workers",
                "report", "alerts", "wall-commander", "admin")) {
            assertThat(SCREENSHOTS.resolve(shot + ".png")).as("screenshot " + shot).isNotEmptyFile();
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path dir, Duration limit) throws IOException, InterruptedException {
        return run(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true), limit);
    }

    private static Result run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        Path log = Files.createTempFile("warroom-browser", ".log");
        try {
            Thread copier = new Thread(() -> {
                try {
                    Files.copy(process.getInputStream(), log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    // the process died; what was read is kept
                }
            });
            copier.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                copier.join(5000);
                return new Result(-2, "timed out after " + limit + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            copier.join(5000);
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
