package org.warroom.tools.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.warroom.contracts.config.Settings;
import org.warroom.tools.faults.ConsumerLag;
import org.warroom.tools.faults.ElasticApi;

/**
 * {@code bin/warroom verify}: recomputes the live figures from the raw feed topics and compares them with the
 * dashboard's API and Elasticsearch's counts once the pipeline has caught up.
 * <pre>
 *   VerifyMain --kafka HOST:PORT --dashboard URL --es URL --password-file F (or WARROOM_ADMIN_PASSWORD)
 *              [--deadline-seconds 300] [--tolerance-seconds 30] [--es-prefix warroom]
 *              [--groups warroom-streams,warroom-indexer] [--no-es]
 * </pre>
 * Exit 0: every figure matches; 1: a mismatch (each printed with both values); 2: could not run (the stack did not
 * answer, or the pipeline did not catch up by the deadline). Thresholds, SLAs and capacities come from the same
 * configuration as streams ({@code WARROOM_*} variables, {@code WARROOM_CONFIG_FILE}).
 */
public final class VerifyMain {
    private VerifyMain() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(options(args));
        } catch (CouldNotRun e) {
            System.out.println("verify: COULD NOT RUN — " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.out.println("verify: COULD NOT RUN — " + e);
            code = 2;
        }
        System.exit(code);
    }

    static final class CouldNotRun extends Exception {
        CouldNotRun(String message) {
            super(message);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name [value], got " + args[i]);
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            o.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        return o;
    }

    static int run(Map<String, String> o) throws Exception {
        Properties kafka = new Properties();
        kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, required(o, "kafka"));
        Settings settings = Settings.fromEnvironment();
        String configFile = settings.find("kafka.config.file").orElse(null);
        if (configFile != null) {
            kafka.putAll(Settings.readProperties(Path.of(configFile)));
        }
        String fromEnvironment = System.getenv("WARROOM_ADMIN_PASSWORD");
        String password = fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment.strip()
                : Files.readString(Path.of(required(o, "password-file")), StandardCharsets.UTF_8).strip();
        DashboardClient dashboard = new DashboardClient(URI.create(required(o, "dashboard")), "admin", password);
        boolean withEs = !o.containsKey("no-es");
        ElasticApi elastic = withEs ? new ElasticApi(URI.create(required(o, "es"))) : null;
        String prefix = o.getOrDefault("es-prefix", settings.get("es.index.prefix", "warroom"));
        long deadline = System.currentTimeMillis() + 1000L * Long.parseLong(o.getOrDefault("deadline-seconds", "300"));
        long tolerance = 1000L * Long.parseLong(o.getOrDefault("tolerance-seconds", "30"));
        List<String> groups = List.of(o.getOrDefault("groups", settings.get("streams.application.id", "warroom-streams")
                + "," + settings.get("indexer.group", "warroom-indexer")).split(","));
        FeedReader reader = new FeedReader(kafka, Duration.ofSeconds(120));
        Rules rules = Rules.from(settings);
        AlertLimits limits = AlertLimits.from(settings);

        // 1. Caught up: the feeds stand still, streams and the indexer have no lag, and the dashboard's exact figures
        //    read twice a few seconds apart are the same.
        System.out.println("verify: waiting until the pipeline has caught up (groups " + groups + ")");
        Answers answers = null;
        Map<TopicPartition, Long> ends = null;
        String why = "no attempt";
        while (System.currentTimeMillis() < deadline) {
            Map<TopicPartition, Long> before = reader.endOffsets();
            why = lagging(kafka, groups, before);
            if (why == null) {
                Answers first = read(dashboard, false);
                Thread.sleep(3000);
                Map<TopicPartition, Long> after = reader.endOffsets();
                why = lagging(kafka, groups, after);
                if (why == null && !before.equals(after)) {
                    why = "the feed topics are still receiving events";
                }
                if (why == null) {
                    answers = read(dashboard, true);
                    if (stable(first).equals(stable(answers))) {
                        ends = after;
                        break;
                    }
                    why = "the dashboard's figures are still changing";
                }
            }
            answers = null;
            Thread.sleep(2000);
        }
        if (answers == null) {
            throw new CouldNotRun("the pipeline did not catch up by the deadline: " + why);
        }
        // 2. The raw feeds, up to the same end offsets; Elasticsearch's counts.
        Feeds feeds = reader.read();
        if (!Objects.equals(ends, reader.endOffsets())) {
            throw new CouldNotRun("the feed topics received events while verify read them; run it on a quiet stack");
        }
        Map<String, Long> documents = new LinkedHashMap<>();
        if (withEs) {
            for (String family : List.of("calls", "tickets", "messages", "reports", "workers")) {
                elastic.refresh(prefix + "-" + family);
                documents.put(family, elastic.count(prefix + "-" + family));
            }
        }
        answers = answers.withDocuments(documents);
        SearchCounts.Shown searched = withEs ? SearchCounts.read(dashboard, answers.districtPages().keySet()) : null;
        // 3. Compare and say so.
        // The thresholds, SLAs, capacities and alert thresholds administrators set at run time, as streams uses them.
        rules = Rules.from(settings, feeds.settings);
        limits = AlertLimits.from(Rules.overlay(settings, feeds.settings));
        Comparison c = new Verifier(rules, limits, BurnRates.from(settings), Ratings.from(settings), tolerance).compare(feeds, answers);
        long lo = answers.fromMillis() - tolerance;
        WindowCounts.from(Rules.overlay(settings, feeds.settings)).compare(feeds, answers, lo, answers.toMillis(), c);
        new MapStatus(rules).compare(feeds, answers, lo, answers.toMillis(), c);
        if (searched != null) {
            SearchCounts.compare(feeds, searched, c);
        }
        System.out.println("verify: " + answers.districtPages().size() + " district pages read");
        System.out.println("verify: read " + feeds.records + " (unreadable " + feeds.unreadable + "); registry "
                + feeds.workers.size() + " workers");
        System.out.println("verify: time-dependent figures (shortage status by staleness and the map's colours,"
                + " signalsLastHour, openedLastHour, resolvedLastHour, perMinute, unlocated messages, slaBreaches,"
                + " calls inProgress and waiting, the alerts that follow them) were recomputed at both ends of the"
                + " window [first dashboard read − " + tolerance / 1000 + " s, last dashboard read] = "
                + java.time.Instant.ofEpochMilli(answers.fromMillis() - tolerance) + " .. "
                + java.time.Instant.ofEpochMilli(answers.toMillis())
                + " and must equal one end or lie between; every other figure is compared exactly");
        for (Comparison.Mismatch m : c.mismatches()) {
            System.out.println(m);
        }
        System.out.println(c.summary());
        return c.mismatches().isEmpty() ? 0 : 1;
    }

    /**
     * Why the groups are not caught up, or null when they are: a group lags when any of its committed partitions is
     * behind its read-committed end (repartition topics included), or when a feed partition holding records has no
     * commit of the group at its end (a group that has committed nothing lags as soon as the feeds hold anything).
     */
    private static String lagging(Properties kafka, List<String> groups, Map<TopicPartition, Long> feedEnds)
            throws Exception {
        Map<String, Long> lag = ConsumerLag.perGroup(kafka);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(kafka)) {
            for (String g : groups) {
                Long l = lag.get(g);
                if (l != null && l > 0) {
                    return "consumer group " + g + " lags " + l + " records";
                }
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(g).partitionsToOffsetAndMetadata().get(30, java.util.concurrent.TimeUnit.SECONDS);
                for (Map.Entry<TopicPartition, Long> end : feedEnds.entrySet()) {
                    org.apache.kafka.clients.consumer.OffsetAndMetadata at = committed.get(end.getKey());
                    long position = at == null ? 0 : at.offset();
                    if (end.getValue() > position) {
                        return "consumer group " + g + " has not read " + end.getKey() + " to its end (" + position
                                + " of " + end.getValue() + ")";
                    }
                }
            }
        }
        return null;
    }

    /**
     * One reading of the dashboard, with the wall-clock window it took: the lists, the wall's overview and (when
     * {@code pages}) the page of every district that the lists or the worker buckets name.
     */
    static Answers read(DashboardClient d, boolean pages) throws Exception {
        long from = System.currentTimeMillis();
        JsonNode shortages = d.get("shortages");
        JsonNode backlogs = d.get("backlogs");
        JsonNode calls = d.get("calls/load");
        Map<String, JsonNode> distributions = new LinkedHashMap<>();
        for (String by : Recompute.DIMENSIONS) {
            distributions.put(by, d.get("workers/distribution?by=" + by));
        }
        JsonNode alerts = d.get("alerts");
        JsonNode overview = d.get("overview");
        Map<String, JsonNode> districtPages = new java.util.TreeMap<>();
        if (pages) {
            java.util.Set<String> districts = new java.util.TreeSet<>();
            shortages.path("items").forEach(i -> districts.add(i.path("district").asText()));
            backlogs.path("items").forEach(i -> districts.add(i.path("district").asText()));
            for (String by : List.of("currentDistrict", "homeDistrict")) {
                distributions.get(by).path("buckets").forEach(b -> districts.add(b.path("key").asText()));
            }
            districts.remove("unknown");
            districts.remove("");
            for (String district : districts) {
                JsonNode page = d.getOrNull("districts/" + java.net.URLEncoder.encode(district, StandardCharsets.UTF_8));
                if (page != null) {
                    districtPages.put(district, page);
                }
            }
        }
        return new Answers(shortages, backlogs, calls, distributions, alerts, overview, districtPages, Map.of(), from,
                System.currentTimeMillis());
    }

    /** The figures of a reading that only events change (not the wall clock), to tell whether results still move. */
    static String stable(Answers a) {
        StringBuilder s = new StringBuilder();
        for (JsonNode i : a.shortages().path("items")) {
            s.append(i.path("district")).append(i.path("commodity")).append(i.path("stock")).append(i.path("dailyNeed"))
                    .append(i.path("asOf")).append(';');
        }
        for (JsonNode i : a.backlogs().path("items")) {
            s.append(i.path("district")).append(i.path("department")).append(i.path("open"))
                    .append(i.path("oldestOpenSince")).append(';');
        }
        a.distributions().values().forEach(d -> s.append(d.path("total")).append(d.path("buckets")));
        return s.toString();
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
