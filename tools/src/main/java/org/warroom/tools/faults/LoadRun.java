package org.warroom.tools.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.json.Json;

/**
 * {@code load}: runs the reconciliation load, the freshness monitor and the screens until the file
 * {@code <ledger>/<run>/stop} appears (or {@code --seconds} pass), then waits (at most {@code --settle} seconds)
 * until the live total and every screen show every accepted worker, and writes {@code summary.json}. While the file
 * {@code <ledger>/<run>/pause-screen} exists the slow screen (with {@code --slow-screen 1}) reads nothing.
 */
final class LoadRun {
    private LoadRun() {
    }

    static int run(Args a) throws Exception {
        Path root = Path.of(a.get("ledger"));
        String run = a.get("run");
        Path dir = root.resolve(run);
        long earlierWorkers = Ledger.readAll(root).get(LoadEvent.Kind.WORKER).size();
        Files.createDirectories(dir);
        AcceptedTimeline timeline = new AcceptedTimeline(earlierWorkers);
        DashboardApi dashboard = new DashboardApi(URI.create(a.get("dashboard")), "admin", a.file("password-file"));
        ElasticApi elastic = new ElasticApi(URI.create(a.get("es")));
        String workersAlias = a.get("es-prefix", "warroom") + "-workers";
        long seconds = a.number("seconds", 0);
        HttpClient http = HttpClient.newHttpClient();
        List<Screen> screens = new ArrayList<>();
        for (int i = 0; i < a.number("screens", 0); i++) {
            screens.add(openPatiently(http, dashboard));
        }
        Screen slow = a.number("slow-screen", 0) > 0 ? openPatiently(http, dashboard) : null;
        boolean slowWanted = slow != null;
        List<String> slowClosures = new ArrayList<>();
        try (Ledger ledger = new Ledger(root, run)) {
            LoadGenerator generator = new LoadGenerator(URI.create(a.get("ingest")), a.file("key-file"), run,
                    a.number("rate", 100), ledger, timeline);
            FreshnessMonitor monitor = new FreshnessMonitor(dashboard, elastic, workersAlias, timeline,
                    dir.resolve("fresh.csv"));
            Thread monitoring = new Thread(monitor, "freshness");
            monitoring.start();
            long started = System.currentTimeMillis();
            Path stopFile = dir.resolve("stop");
            Path pauseFile = dir.resolve("pause-screen");
            Thread sending = new Thread(() -> {
                try {
                    generator.run(() -> Files.exists(stopFile)
                            || (seconds > 0 && System.currentTimeMillis() - started > seconds * 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load");
            sending.start();
            boolean paused = false;
            long nextReconnect = 0;
            while (sending.isAlive()) {
                if (System.currentTimeMillis() >= nextReconnect) {
                    nextReconnect = System.currentTimeMillis() + 500;
                    reconnect(screens, http, dashboard);
                    if (slowWanted && (slow == null || slow.closed())) {
                        if (slow != null) {
                            slowClosures.add(slow.closeReason());
                        }
                        slow = tryOpen(http, dashboard);
                        if (slow != null && paused) {
                            slow.pause();
                        }
                    }
                }
                if (slow != null && Files.exists(pauseFile) != paused) {
                    paused = !paused;
                    if (paused) {
                        slow.pause();
                    } else {
                        slow.resume();
                    }
                }
                sending.join(200);
            }
            if (slow != null) {
                slow.resume();
            }
            long settleDeadline = System.currentTimeMillis() + a.number("settle", 180) * 1000;
            long live = -1;
            while (System.currentTimeMillis() < settleDeadline) {
                try {
                    live = dashboard.overview().path("workersTracked").asLong();
                } catch (Exception e) {
                    live = -1;
                }
                long target = timeline.workers();
                boolean screensAgree = screens.stream().allMatch(s -> s.workersTotal() == target)
                        && (slow == null || slow.workersTotal() == target || slow.closed());
                if (live == target && screensAgree) {
                    break;
                }
                reconnect(screens, http, dashboard);
                Thread.sleep(500);
            }
            Thread.sleep(3000); // a few samples after catching up, so the recovery is measured, not guessed
            monitor.stop();
            monitoring.join(5000);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("run", run);
            summary.put("rate", a.number("rate", 100));
            summary.put("seconds", (System.currentTimeMillis() - started) / 1000);
            summary.put("sent", generator.sent());
            summary.put("retries", generator.retries());
            summary.put("anomalies", generator.anomalies());
            summary.put("acceptedWorkersTotal", timeline.workers());
            summary.put("liveWorkersAtEnd", live);
            summary.put("screens", screens.stream().map(LoadRun::describe).toList());
            summary.put("screenReconnects", reconnects);
            summary.put("longestScreenGapMs", ScreenGaps.longest(replaced, screens));
            summary.put("logins", dashboard.logins());
            if (slow != null) {
                summary.put("slowScreen", describe(slow));
                summary.put("slowScreenClosedBy", slowClosures);
            }
            Files.writeString(dir.resolve("summary.json"),
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary), StandardCharsets.UTF_8);
            System.out.println(Json.mapper().writeValueAsString(summary));
        } finally {
            screens.forEach(Screen::close);
            if (slow != null) {
                slow.close();
            }
        }
        return 0;
    }

    private static int reconnects;
    /** Every screen connection that was replaced, in order, per slot (for the longest gap a wall screen saw). */
    private static final List<List<Screen>> replaced = new ArrayList<>();

    /** Replaces the closed screens by new connections (a wall screen reconnects by itself after a restart). */
    private static void reconnect(List<Screen> screens, HttpClient http, DashboardApi dashboard) {
        for (int i = 0; i < screens.size(); i++) {
            if (screens.get(i).closed()) {
                Screen fresh = tryOpen(http, dashboard);
                if (fresh == null) {
                    return;
                }
                while (replaced.size() <= i) {
                    replaced.add(new ArrayList<>());
                }
                replaced.get(i).add(screens.get(i));
                screens.set(i, fresh);
                reconnects++;
            }
        }
    }

    /** A busy dashboard may take a while to log in (password hashing): try for two minutes. */
    private static Screen openPatiently(HttpClient http, DashboardApi dashboard) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Screen s = tryOpen(http, dashboard);
            if (s != null) {
                return s;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("could not open a websocket to " + dashboard.base() + " in 2 minutes");
            }
            Thread.sleep(1000);
        }
    }

    private static Screen tryOpen(HttpClient http, DashboardApi dashboard) {
        try {
            return Screen.open(http, dashboard.base(), dashboard.token());
        } catch (Exception e) {
            dashboard.forgetToken();
            return null;
        }
    }

    private static Map<String, Object> describe(Screen s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshots", s.snapshots());
        m.put("updates", s.updates());
        m.put("bytes", s.bytes());
        m.put("workersTotal", s.workersTotal());
        m.put("closed", s.closed() ? s.closeReason() : "open");
        return m;
    }
}
