package org.warroom.bench;

import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warroom.tools.simulator.WorkerRegistry;

/**
 * {@code campaign}: a verification-call campaign over the whole registry (at least {@code --rows}, 1 600 000
 * workers; uploaded first through ingest when the worker index holds fewer), created by a supervisor through the
 * dashboard's API, then {@code --agents} (200) agents asking "next worker" at once and recording an outcome for each
 * for {@code --seconds} (60). Measures: campaign ready (the {@code 201} of its creation: members selected and
 * written), "next worker" latency percentiles, workers handed out twice (must be 0: an agent records each one's
 * outcome at once, so nobody is due again within the run) and the dashboard's resident memory.
 */
final class CampaignBench {
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final Pattern STRING = Pattern.compile("\"%s\"\\s*:\\s*\"([^\"]*)\"");
    private static final String[] OUTCOMES = {"verified", "verified", "verified", "not-reachable", "not-reachable",
        "wrong-number", "refused"};

    private CampaignBench() {
    }

    static void run(Rig rig, Options o) throws Exception {
        long rows = o.whole("rows", 1_600_000);
        int agents = (int) o.whole("agents", 200);
        double seconds = o.number("seconds", 60);
        double waitMinutes = o.number("wait-minutes", 45);
        o.checkAllRead();
        Report report = new Report("campaign");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String prefix = rig.stack.env.getOrDefault("WARROOM_ES_INDEX_PREFIX", "warroom");
        URI count = rig.stack.elasticsearch().resolve("/" + prefix + "-workers/_count");
        long present = count(http, count);
        if (present < rows) {
            Rig.log("the worker index holds %,d workers; uploading a registry of %,d", present, rows);
            upload(http, rig.stack, rows);
            long t0 = System.nanoTime();
            double logged = 0;
            while ((present = count(http, count)) < rows) {
                double t = (System.nanoTime() - t0) / 1e9;
                if (t > waitMinutes * 60) {
                    throw new IllegalStateException("only " + present + " workers searchable after " + waitMinutes + " minutes");
                }
                if (t - logged >= 30) {
                    logged = t;
                    Rig.log("t=%4.0fs %,d workers searchable", t, present);
                }
                Thread.sleep(1000);
            }
        }
        report.figure("registry", String.format("%,d workers", present));

        String admin = new LiveClients(rig.vertx, rig.stack).token();
        String password = "bench-" + Long.toHexString(new SplittableRandom().nextLong());
        String run = Long.toString(System.currentTimeMillis(), 36);
        String supervisor = "bench-sup-" + run;
        saveUser(http, rig.stack, admin, supervisor, password, "supervisor");
        List<String> agentNames = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String name = "bench-agent-" + run + "-" + i;
            saveUser(http, rig.stack, admin, name, password, "agent");
            agentNames.add(name);
        }
        String supToken = login(http, rig.stack, supervisor, password);
        long dashboardPid = rig.stack.pid("dashboard").orElseThrow(() -> new IllegalStateException("dashboard is not running"));
        long rss0 = Machine.rssMiB(dashboardPid);
        long c0 = System.nanoTime();
        HttpResponse<String> created = post(http, rig.stack, supToken, "/api/v1/campaigns",
                "{\"name\":\"bench " + run + "\",\"filter\":{},\"maxAttempts\":3,\"retryAfter\":120,\"leaseMinutes\":10,"
                        + "\"callingHours\":{\"from\":\"00:00\",\"to\":\"00:00\"}}");
        double ready = (System.nanoTime() - c0) / 1e9;
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the campaign answered " + created.statusCode() + ": " + created.body());
        }
        String id = field(created.body(), "id");
        Matcher size = Pattern.compile("\"size\"\\s*:\\s*(\\d+)").matcher(created.body());
        long campaignSize = size.find() ? Long.parseLong(size.group(1)) : -1;
        Rig.log("campaign %s of %,d workers ready in %.1f s", id, campaignSize, ready);
        report.figure("campaign ready", String.format("%.1f s for %,d workers", ready, campaignSize));

        List<String> tokens = new ArrayList<>();
        for (String name : agentNames) {
            tokens.add(login(http, rig.stack, name, password));
        }
        Percentiles next = new Percentiles();
        Percentiles record = new Percentiles();
        Set<String> handed = ConcurrentHashMap.newKeySet();
        AtomicLong twice = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            String token = tokens.get(a);
            SplittableRandom random = new SplittableRandom(97 + a);
            threads.add(new Thread(() -> {
                while (!stop.get()) {
                    try {
                        long t = System.nanoTime();
                        HttpResponse<String> n = post(http, rig.stack, token, "/api/v1/campaigns/" + id + "/next", "{}");
                        next.add((System.nanoTime() - t) / 1_000_000);
                        if (n.statusCode() == 204) {
                            empty.incrementAndGet();
                            Thread.sleep(100);
                            continue;
                        }
                        if (n.statusCode() != 200) {
                            error(errors, "next answered " + n.statusCode() + ": " + n.body());
                            continue;
                        }
                        String worker = field(n.body().substring(n.body().indexOf("\"worker\"")), "id");
                        String lease = field(n.body().substring(n.body().indexOf("\"lease\"")), "id");
                        if (!handed.add(worker)) {
                            twice.incrementAndGet();
                        }
                        String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
                        String body = "{\"worker\":\"" + worker + "\",\"lease\":\"" + lease + "\",\"outcome\":\"" + outcome + "\""
                                + (outcome.equals("verified") ? ",\"currentState\":\"27\"" : "") + "}";
                        long r = System.nanoTime();
                        HttpResponse<String> answer = post(http, rig.stack, token, "/api/v1/campaigns/" + id + "/attempts", body);
                        record.add((System.nanoTime() - r) / 1_000_000);
                        if (answer.statusCode() != 200) {
                            error(errors, "attempt answered " + answer.statusCode() + ": " + answer.body());
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        error(errors, e.toString());
                    }
                }
            }, "agent-" + a));
        }
        long r0 = System.nanoTime();
        threads.forEach(Thread::start);
        long peakRss = rss0;
        while ((System.nanoTime() - r0) / 1e9 < seconds) {
            Thread.sleep(1000);
            peakRss = Math.max(peakRss, Machine.rssMiB(dashboardPid));
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double ran = (System.nanoTime() - r0) / 1e9;
        report.figure("agents", String.format("%d for %.0f s: %,d workers handed out (%,.0f/s), %,d times nobody due, %,d errors",
                        agents, ran, handed.size(), handed.size() / ran, empty.get(), errors.get()))
                .figure("next worker", next.describe())
                .figure("record outcome", record.describe())
                .figure("handed out twice", Long.toString(twice.get()))
                .figure("dashboard RSS", String.format("%d MiB before the campaign, peak %d MiB", rss0, peakRss))
                .verdict(ready <= 60 && next.percentile(95) <= 100 && twice.get() == 0 && errors.get() == 0,
                        "ready ≤ 60 s, next worker p95 ≤ 100 ms, never the same worker twice, no error");
        report.publish(rig.stack);
    }

    /** Counts an error; the first few are shown, so a run that fails says why. */
    private static void error(AtomicLong errors, String what) {
        if (errors.incrementAndGet() <= 3) {
            Rig.log("error: %s", what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    private static long count(HttpClient http, URI count) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(count).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = COUNT.matcher(answer.body());
        return answer.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void upload(HttpClient http, Stack stack, long rows) throws Exception {
        Path csv = Files.createTempFile("warroom-bench-campaign", ".csv");
        try {
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                WorkerRegistry.load(2020).writeCsv(out, rows);
            }
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(stack.ingest().resolve("/v1/workers/upload"))
                    .header("Authorization", "Bearer " + stack.ingestKey()).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (upload.statusCode() != 202) {
                throw new IllegalStateException("upload answered " + upload.statusCode() + ": " + upload.body());
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static void saveUser(HttpClient http, Stack stack, String admin, String name, String password, String role)
            throws Exception {
        HttpResponse<String> answer = post(http, stack, admin, "/api/v1/admin/users", "{\"username\":\"" + name
                + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\",\"districts\":[]}");
        if (answer.statusCode() != 200 && answer.statusCode() != 201) {
            throw new IllegalStateException("saving " + name + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String login(HttpClient http, Stack stack, String name, String password) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(stack.dashboard().resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("login of " + name + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return field(answer.body(), "token");
    }

    private static HttpResponse<String> post(HttpClient http, Stack stack, String token, String path, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(stack.dashboard().resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile(String.format(STRING.pattern(), Pattern.quote(name))).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + json);
        }
        return m.group(1);
    }
}
