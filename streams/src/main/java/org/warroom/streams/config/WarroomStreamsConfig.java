package org.warroom.streams.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.warroom.contracts.complaint.ComplaintEscalation;
import org.warroom.contracts.complaint.EscalationMatrix;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.result.Severity;
import org.warroom.streams.support.DeadLetterHandlers;

/**
 * The streams service's one immutable configuration, built from {@link Settings} (environment over file over the
 * defaults written here) and validated at start. Every key is listed in {@code docs/TOPICS.md} ("Configuration").
 *
 * @param changelogSegment how long a changelog segment stays open ({@code streams.changelog.segment}, default 10 min):
 *                         only closed segments are compacted, and after a crash under exactly-once the stores are
 *                         restored from their whole changelogs, so this bounds what a restart reads to about the
 *                         stores' keys plus the last minutes of changes (Kafka's default, 1 GB segments, would keep
 *                         every update of a day)
 * @param sessionTimeout how long the group waits for a silent instance before its tasks move
 *                       ({@code streams.session.timeout}, default 45 s, Kafka's own): with static membership a
 *                       restarted instance takes its tasks back at once within it, so one instance alone keeps the
 *                       long default; with standby replicas (the cluster: 6 s, the brokers' minimum) a killed
 *                       instance's tasks move to the standby that short a time after its last heartbeat
 * @param transactionTimeout how long the transaction coordinator waits before it aborts a transaction its producer
 *                           left open ({@code streams.transaction.timeout}, default 10 s, Kafka Streams' own under
 *                           exactly-once): after a kill -9 readers of the results (read_committed) see nothing
 *                           past that transaction until it is aborted, so the cluster sets 5 s; it must exceed the
 *                           commit interval
 * @param zone the time zone result times (alerts raised/cleared, ...) are written in; {@code streams.zone},
 *             default {@code Asia/Kolkata}
 */
public record WarroomStreamsConfig(
        String applicationId,
        String instanceId,
        KafkaSettings kafka,
        Path stateDir,
        String managementHost,
        int managementPort,
        int threads,
        int standbyReplicas,
        int replicationFactor,
        Duration commitInterval,
        long cacheMaxBytes,
        long rocksDbMemoryBytes,
        Duration changelogSegment,
        Duration sessionTimeout,
        Duration transactionTimeout,
        Duration punctuateInterval,
        ZoneId zone,
        Rules rules) {

    public static final String DEFAULT_APPLICATION_ID = "warroom-streams";

    /** Everything the topologies need: thresholds, windows, capacities, alert rules. No lifecycle settings. */
    public record Rules(Shortage shortage, Backlog backlog, Calls calls, Workers workers, Alerts alerts,
                        Rating rating, Duration signalWindow, Duration punctuateInterval, ZoneId zone,
                        EscalationMatrix escalation) {
    }

    /**
     * The window a burn rate is computed from (docs/TOPICS.md, "Burn rate").
     *
     * @param minReports at least this many reports ({@code shortage.burn.min.reports}, default 3)
     * @param minSpan    spanning at least this long from the first to the latest ({@code shortage.burn.min.span}, 24h)
     * @param minGap     a report less than this after the one before the latest replaces the latest instead of adding
     *                   a point ({@code shortage.burn.min.gap}, 1h): re-sent and corrected reports make no interval
     * @param window     reports older than this before the latest are dropped ({@code shortage.burn.window}, 7d)
     */
    public record Burn(int minReports, Duration minSpan, Duration minGap, Duration window) {
        public static final Burn DEFAULT = new Burn(3, Duration.ofHours(24), Duration.ofHours(1), Duration.ofDays(7));
    }

    /** Days-of-cover thresholds of one commodity: below {@code lowDays} LOW, below {@code criticalDays} CRITICAL. */
    public record Thresholds(double lowDays, double criticalDays) {
    }

    /**
     * @param thresholds per commodity ({@code shortage.<commodity>.low.days}, {@code shortage.<commodity>.critical.days})
     * @param staleAfter a commodity's figures are STALE when its latest report is older than this
     *                   ({@code shortage.stale.after}, default 26h)
     * @param burn       the reports a burn rate is computed from
     */
    public record Shortage(Map<Commodity, Thresholds> thresholds, Duration staleAfter, Burn burn) {
        public Shortage {
            thresholds = Map.copyOf(thresholds);
        }

        public Shortage(Map<Commodity, Thresholds> thresholds, Duration staleAfter) {
            this(thresholds, staleAfter, Burn.DEFAULT);
        }

        public Thresholds of(Commodity commodity) {
            return thresholds.get(commodity);
        }
    }

    /** SLA per ticket category ({@code sla.<category>}), {@code sla.default} for the rest. */
    public record Backlog(Map<String, Duration> sla, Duration defaultSla) {
        public Backlog {
            sla = Map.copyOf(sla);
        }

        public Duration slaOf(String category) {
            return category == null ? defaultSla : sla.getOrDefault(category, defaultSla);
        }
    }

    /**
     * @param capacities concurrent-call capacity per line ({@code lines}, {@code line.capacity.<line>})
     * @param defaultCapacity capacity of a line that is not configured ({@code line.capacity.default})
     * @param stuckAfter a call in progress with no step for this long is expired ({@code calls.stuck.after}, 2h)
     * @param rateWindow the window of {@code perMinute} ({@code calls.rate.window}, 1m)
     * @param emitInterval a line's load is sent at most this often ({@code calls.emit.interval}, 250ms; 0: on every
     *                     step): a busy helpline's steps change it many times a second, which no screen shows and
     *                     every stage after streams (alerts, index, websocket) would otherwise pay for
     */
    public record Calls(Map<String, Integer> capacities, int defaultCapacity, Duration stuckAfter, Duration rateWindow,
                        Duration emitInterval) {
        public Calls {
            capacities = Map.copyOf(capacities);
        }

        /** A district control room's own line ({@code district-control:<lgd>}) has the shared line's capacity. */
        public int capacityOf(String line) {
            String configured = org.warroom.contracts.event.ControlRoomLines.districtOf(line).isPresent()
                    ? org.warroom.contracts.event.ControlRoomLines.SHARED : line;
            return capacities.getOrDefault(line, capacities.getOrDefault(configured, defaultCapacity));
        }
    }

    /** {@code workers.verified.window.days}: the window of "verified recently" (30). */
    public record Workers(int verifiedWindowDays) {
    }

    /**
     * One alert rule: {@code alert.<rule>.enabled}, {@code .threshold}, {@code .severity}. Raised when the value
     * reaches the threshold (at or above when higher is worse, below when lower is worse); cleared only once it is
     * back beyond the threshold by the hysteresis margin.
     */
    public record AlertRule(String name, boolean enabled, double threshold, Severity severity) {
    }

    /**
     * @param hysteresis         relative margin for clearing ({@code alert.hysteresis}, 0.2): a higher-is-worse alert
     *                           at threshold T clears below T·(1−h), a lower-is-worse one at or above T·(1+h)
     * @param repeatInterval     an unacknowledged alert is re-notified this often ({@code alert.repeat.interval}, 15m)
     * @param escalationAfter    unacknowledged for this long since raised → level 2, 3, ...
     *                           ({@code alert.escalation.after}, default {@code 30m,2h})
     * @param criticalCommodities commodities whose CRITICAL shortage raises {@code shortage-critical}
     *                           ({@code alert.shortage-critical.commodities}, default all)
     */
    public record Alerts(Map<String, AlertRule> rules, double hysteresis, Duration repeatInterval,
                         List<Duration> escalationAfter, List<Commodity> criticalCommodities) {
        public Alerts {
            rules = Map.copyOf(rules);
            escalationAfter = List.copyOf(escalationAfter);
            criticalCommodities = List.copyOf(criticalCommodities);
        }

        public AlertRule rule(String name) {
            AlertRule rule = rules.get(name);
            if (rule == null) {
                throw new IllegalArgumentException("no alert rule " + name);
            }
            return rule;
        }
    }

    /** Weights ({@code rating.weight.sla|report|shortage}) and the resolution target ({@code rating.resolution.target}, 72h). */
    public record Rating(double slaWeight, double reportWeight, double shortageWeight, Duration resolutionTarget) {
    }

    /** Alert rule names. */
    public static final String RULE_SHORTAGE_CRITICAL = "shortage-critical";
    public static final String RULE_STOCKOUT_PREDICTED = "stockout-predicted";
    public static final String RULE_BACKLOG_BREACHES = "backlog-breaches";
    public static final String RULE_LINE_LOAD = "line-load";
    public static final String RULE_REPORT_STALE = "report-stale";
    public static final String RULE_CITIZEN_SIGNALS = "citizen-signals";
    public static final String RULE_UNLOCATED_MESSAGES = "unlocated-messages";
    public static final String RULE_OVERDUE_DIRECTIVE = "overdue-directive";
    /** A complaint on a desk past a level of its category's escalation matrix (docs/COMPLAINTS.md). */
    public static final String RULE_COMPLAINT_ESCALATED = ComplaintEscalation.RULE;

    /** Default LOW / CRITICAL days of cover per commodity. */
    public static final Map<Commodity, Thresholds> DEFAULT_THRESHOLDS;
    /** Default line capacities (API.md lines). */
    public static final Map<String, Integer> DEFAULT_CAPACITIES;

    static {
        Map<Commodity, Thresholds> t = new EnumMap<>(Commodity.class);
        t.put(Commodity.RATION, new Thresholds(5, 2));
        t.put(Commodity.WATER, new Thresholds(2, 1));
        t.put(Commodity.FRUIT, new Thresholds(3, 1));
        t.put(Commodity.VEGETABLES, new Thresholds(3, 1));
        t.put(Commodity.MILK, new Thresholds(2, 1));
        t.put(Commodity.MEDICINE, new Thresholds(7, 3));
        t.put(Commodity.LPG, new Thresholds(7, 3));
        t.put(Commodity.PETROL, new Thresholds(3, 1));
        t.put(Commodity.DIESEL, new Thresholds(3, 1));
        t.put(Commodity.SANITARY, new Thresholds(7, 3));
        DEFAULT_THRESHOLDS = Map.copyOf(t);
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("181", 500);
        c.put("104", 200);
        c.put("1075", 100);
        c.put("district-control", 50);
        c.put("worker-helpline", 100);
        DEFAULT_CAPACITIES = java.util.Collections.unmodifiableMap(c);
    }

    /** Reads and validates the configuration. */
    public static WarroomStreamsConfig from(Settings s) {
        KafkaSettings kafka = KafkaSettings.from(s);
        Duration punctuate = positive(s, "streams.punctuate.interval", Duration.ofSeconds(5));
        ZoneId zone;
        try {
            zone = ZoneId.of(s.get("streams.zone", "Asia/Kolkata"));
        } catch (RuntimeException e) {
            throw new ConfigException("streams.zone", "must be a time zone such as Asia/Kolkata");
        }
        int standby = s.getInt("streams.standby.replicas", 0);
        if (standby < 0) {
            throw new ConfigException("streams.standby.replicas", "must be 0 or more");
        }
        int threads = s.getInt("streams.threads", 1);
        if (threads < 1) {
            throw new ConfigException("streams.threads", "must be at least 1");
        }
        return new WarroomStreamsConfig(
                s.get("streams.application.id", DEFAULT_APPLICATION_ID),
                s.find("streams.instance.id").filter(id -> !id.isBlank()).orElse(null),
                kafka,
                Path.of(s.get("streams.state.dir", ".warroom/streams")),
                s.get("management.host", "0.0.0.0"),
                s.getPort("management.port", 8082),
                threads,
                standby,
                s.getInt("streams.replication.factor", kafka.replicationFactor()),
                positive(s, "streams.commit.interval", Duration.ofMillis(100)),
                s.getLong("streams.cache.max.bytes", 4L * 1024 * 1024),
                rocksDbMemory(s),
                positive(s, "streams.changelog.segment", Duration.ofMinutes(10)),
                positive(s, "streams.session.timeout", Duration.ofSeconds(45)),
                transactionTimeout(s),
                punctuate,
                zone,
                rules(s, punctuate, zone));
    }

    private static Duration transactionTimeout(Settings s) {
        Duration timeout = positive(s, "streams.transaction.timeout", Duration.ofSeconds(10));
        Duration commit = positive(s, "streams.commit.interval", Duration.ofMillis(100));
        if (timeout.compareTo(commit) <= 0) {
            throw new ConfigException("streams.transaction.timeout",
                    "must be longer than streams.commit.interval (" + commit.toMillis() + " ms): every commit ends a "
                            + "transaction");
        }
        return timeout;
    }

    private static long rocksDbMemory(Settings s) {
        long bytes = s.getLong("streams.rocksdb.memory", BoundedRocksDbMemory.DEFAULT_BYTES);
        if (bytes != 0 && bytes < 8L * 1024 * 1024) {
            throw new ConfigException("streams.rocksdb.memory", "must be 0 (RocksDB's own per-store defaults) or at least 8388608 bytes (8 MiB)");
        }
        return bytes;
    }

    /** The rules alone (for topology tests: {@code Rules.defaults()} or with overrides). */
    public static Rules rules(Settings s) {
        return rules(s, positive(s, "streams.punctuate.interval", Duration.ofSeconds(5)),
                ZoneId.of(s.get("streams.zone", "Asia/Kolkata")));
    }

    /** The rules with every default. */
    public static Rules defaultRules() {
        return rules(Settings.ofKeys(Map.of()));
    }

    private static Rules rules(Settings s, Duration punctuate, ZoneId zone) {
        Map<Commodity, Thresholds> thresholds = new EnumMap<>(Commodity.class);
        for (Commodity c : Commodity.values()) {
            Thresholds d = DEFAULT_THRESHOLDS.get(c);
            String prefix = "shortage." + c.wire();
            double low = s.getDouble(prefix + ".low.days", d.lowDays());
            double critical = s.getDouble(prefix + ".critical.days", d.criticalDays());
            if (critical < 0 || low < critical) {
                throw new ConfigException(prefix + ".low.days", "must be at least " + prefix + ".critical.days (≥ 0)");
            }
            thresholds.put(c, new Thresholds(low, critical));
        }
        int burnReports = s.getInt("shortage.burn.min.reports", Burn.DEFAULT.minReports());
        if (burnReports < 2) {
            throw new ConfigException("shortage.burn.min.reports", "must be 2 or more");
        }
        Burn burn = new Burn(burnReports, positive(s, "shortage.burn.min.span", Burn.DEFAULT.minSpan()),
                positive(s, "shortage.burn.min.gap", Burn.DEFAULT.minGap()),
                positive(s, "shortage.burn.window", Burn.DEFAULT.window()));
        Shortage shortage = new Shortage(thresholds, positive(s, "shortage.stale.after", Duration.ofHours(26)), burn);

        Map<String, Duration> sla = new LinkedHashMap<>();
        Duration defaultSla = positive(s, "sla.default", Duration.ofHours(24));
        Map<String, Duration> slaDefaults = Map.of("health", Duration.ofHours(1), "medicine", Duration.ofHours(4));
        for (String category : TicketCategory.ALL) {
            sla.put(category, positive(s, "sla." + category, slaDefaults.getOrDefault(category, defaultSla)));
        }
        Backlog backlog = new Backlog(sla, defaultSla);

        Map<String, Integer> capacities = new LinkedHashMap<>();
        List<String> lines = list(s.get("lines", String.join(",", DEFAULT_CAPACITIES.keySet())));
        for (String line : lines) {
            int capacity = s.getInt("line.capacity." + line, DEFAULT_CAPACITIES.getOrDefault(line, 100));
            if (capacity < 0) {
                throw new ConfigException("line.capacity." + line, "must be 0 or more");
            }
            capacities.put(line, capacity);
        }
        Calls calls = new Calls(capacities, s.getInt("line.capacity.default", 100),
                positive(s, "calls.stuck.after", Duration.ofHours(2)),
                positive(s, "calls.rate.window", Duration.ofMinutes(1)),
                notNegative(s, "calls.emit.interval", Duration.ofMillis(250)));

        Workers workers = new Workers(s.getInt("workers.verified.window.days", 30));

        Map<String, AlertRule> alertRules = new LinkedHashMap<>();
        rule(s, alertRules, RULE_SHORTAGE_CRITICAL, 0, Severity.CRITICAL); // threshold: per commodity CRITICAL days
        rule(s, alertRules, RULE_STOCKOUT_PREDICTED, 24, Severity.HIGH);   // hours until the predicted stock-out
        rule(s, alertRules, RULE_BACKLOG_BREACHES, 5, Severity.MEDIUM);    // SLA breaches in one department
        rule(s, alertRules, RULE_LINE_LOAD, 0.9, Severity.HIGH);           // in progress ÷ capacity
        rule(s, alertRules, RULE_REPORT_STALE, 0, Severity.MEDIUM);        // threshold: shortage.stale.after
        rule(s, alertRules, RULE_CITIZEN_SIGNALS, 10, Severity.MEDIUM);    // signals per hour, one commodity
        rule(s, alertRules, RULE_UNLOCATED_MESSAGES, 20, Severity.LOW);    // unlocated messages per hour
        rule(s, alertRules, RULE_OVERDUE_DIRECTIVE, 0, Severity.HIGH);     // hours past a directive's deadline
        rule(s, alertRules, RULE_COMPLAINT_ESCALATED, 0, Severity.HIGH);   // hours past a complaint's level
        double hysteresis = s.getDouble("alert.hysteresis", 0.2);
        if (hysteresis < 0 || hysteresis >= 1) {
            throw new ConfigException("alert.hysteresis", "must be at least 0 and below 1");
        }
        List<Duration> escalation = new ArrayList<>();
        for (String d : list(s.get("alert.escalation.after", "30m,2h"))) {
            escalation.add(positive("alert.escalation.after", d));
        }
        for (int i = 1; i < escalation.size(); i++) {
            if (escalation.get(i).compareTo(escalation.get(i - 1)) <= 0) {
                throw new ConfigException("alert.escalation.after", "must list increasing durations");
            }
        }
        List<Commodity> critical = new ArrayList<>();
        String criticalList = s.get("alert.shortage-critical.commodities", "all");
        if (criticalList.equalsIgnoreCase("all")) {
            critical.addAll(Arrays.asList(Commodity.values()));
        } else {
            for (String c : list(criticalList)) {
                critical.add(WireEnum.parse(Commodity.class, c).orElseThrow(() ->
                        new ConfigException("alert.shortage-critical.commodities", "names an unknown commodity " + c)));
            }
        }
        Alerts alerts = new Alerts(alertRules, hysteresis, positive(s, "alert.repeat.interval", Duration.ofMinutes(15)),
                escalation, critical);

        double ws = s.getDouble("rating.weight.sla", 0.4);
        double wr = s.getDouble("rating.weight.report", 0.3);
        double wsh = s.getDouble("rating.weight.shortage", 0.3);
        double sum = ws + wr + wsh;
        if (ws < 0 || wr < 0 || wsh < 0 || sum <= 0) {
            throw new ConfigException("rating.weight.sla", "rating weights must be 0 or more and not all 0");
        }
        Rating rating = new Rating(ws / sum, wr / sum, wsh / sum,
                positive(s, "rating.resolution.target", Duration.ofHours(72)));

        return new Rules(shortage, backlog, calls, workers, alerts, rating,
                positive(s, "signals.window", Duration.ofHours(1)), punctuate, zone, EscalationMatrix.from(s));
    }

    private static void rule(Settings s, Map<String, AlertRule> rules, String name, double threshold, Severity severity) {
        String prefix = "alert." + name;
        Severity sev;
        String given = s.get(prefix + ".severity", severity.wire());
        sev = WireEnum.parse(Severity.class, given).orElseThrow(() ->
                new ConfigException(prefix + ".severity", "must be one of " + WireEnum.allowed(Severity.class)));
        rules.put(name, new AlertRule(name, s.getBoolean(prefix + ".enabled", true),
                s.getDouble(prefix + ".threshold", threshold), sev));
    }

    private static Duration positive(Settings s, String key, Duration defaultValue) {
        Duration d = s.getDuration(key, defaultValue);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(key, "must be a positive duration");
        }
        return d;
    }

    private static Duration notNegative(Settings s, String key, Duration defaultValue) {
        Duration d = s.getDuration(key, defaultValue);
        if (d.isNegative()) {
            throw new ConfigException(key, "must be 0 or a positive duration");
        }
        return d;
    }

    private static Duration positive(String key, String value) {
        Duration d;
        try {
            d = Settings.ofKeys(Map.of(key, value)).getDuration(key, Duration.ZERO);
        } catch (ConfigException e) {
            throw e;
        }
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(key, "must list positive durations");
        }
        return d;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** The Kafka Streams properties: exactly-once, prompt output, dead-letter handlers, standbys. */
    public Properties streamsProperties() {
        Properties p = new Properties();
        // One produce request in flight: with transactions v2 (KIP-890) a broker refuses a batch whose sequence is not
        // 0 while it holds no state for the producer (KAFKA-18202); on a loaded machine the first batch of a
        // transaction can then be retried while the later ones are refused over and over (seen: outputs stalled for
        // minutes on a busy 2-core host). Sending the next batch only after the previous one is acknowledged cannot
        // run into that. Overridable from kafka.config.file (producer.max.in.flight.requests.per.connection).
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), "1");
        p.putAll(kafka.client());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(cacheMaxBytes));
        if (rocksDbMemoryBytes > 0) {
            p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
            p.put(BoundedRocksDbMemory.TOTAL_BYTES, Long.toString(rocksDbMemoryBytes));
        }
        p.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_MS_CONFIG), Long.toString(changelogSegment.toMillis()));
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
        p.put(StreamsConfig.consumerPrefix(CommonClientConfigs.SESSION_TIMEOUT_MS_CONFIG),
                Long.toString(sessionTimeout.toMillis()));
        // Heartbeats at a third of the session, as Kafka advises, so one late heartbeat does not end a membership.
        p.put(StreamsConfig.consumerPrefix(CommonClientConfigs.HEARTBEAT_INTERVAL_MS_CONFIG),
                Long.toString(Math.max(500, sessionTimeout.toMillis() / 3)));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                Long.toString(transactionTimeout.toMillis()));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, Integer.toString(standbyReplicas));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Integer.toString(replicationFactor));
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
        if (instanceId != null) {
            // Static membership: an instance that restarts (a crash, a deploy) takes its tasks back at once instead of
            // waiting out the old member's session (45 s) for a rebalance. Kafka Streams appends the thread number.
            p.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
        }
        DeadLetterHandlers.configure(p);
        return p;
    }
}
