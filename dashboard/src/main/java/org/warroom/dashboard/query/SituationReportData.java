package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.dashboard.access.Scope;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.doc.SnapshotDoc;

/**
 * The figures of the situation report for one calendar day (in the war room's time zone) and for the whole scope or
 * one district: the day's calls, messages, tickets opened and resolved, SLA compliance, shortages raised and cleared,
 * alerts, worker verification progress, each beside the previous day's; plus the state at the end of the day
 * (latest shortage, backlog, line load and rating snapshots, alerts of the day or still open, the registry's totals
 * and distributions) and the day's hourly activity. Everything from Elasticsearch, so any past day can be reported.
 * Blocking: call it from a worker thread.
 */
public final class SituationReportData {
    /** Alert rules that count as a shortage being raised or cleared. */
    public static final List<String> SHORTAGE_RULES = List.of("shortage-critical", "stockout-predicted");
    /** How far back the end-of-day state looks for a result's latest snapshot. */
    public static final Duration SNAPSHOT_LOOKBACK = Duration.ofDays(30);
    /** The window of "verified recently" (as the streams' {@code workers.verified.window.days}). */
    public static final int VERIFIED_WINDOW_DAYS = 30;
    private static final int MAX_KEYS = 10_000;
    private static final int MAX_ALERTS = 500;

    /** The day's headline figures. {@code slaCompliance} is the share of open complaints within SLA at day's end. */
    public record Figures(long calls, long callsAnswered, long callsAbandoned, long messages, long ticketsOpened,
                          long ticketsResolved, double slaCompliance, long openTickets, long slaBreaches,
                          long shortagesRaised, long shortagesCleared, long alertsRaised, long alertsAcknowledged,
                          long alertsCleared, long workersVerified) {
    }

    /** One hour of activity (the dashboard's {@code TrendPoint}). */
    public record HourPoint(OffsetDateTime hour, long calls, long messages, long ticketsOpened, long ticketsResolved) {
    }

    /**
     * The report. {@code today}/{@code previousDay}/{@code change} (today − previous day, per figure) are the day's
     * figures; the lists are the state at the end of the day, scoped; {@code calls} (line load) is state-wide and
     * empty for district-scoped callers and district reports.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(LocalDate date, String district, OffsetDateTime generatedAt, Figures today,
                         Figures previousDay, Map<String, Double> change, List<ShortageStatus> shortages,
                         List<BacklogStatus> backlogs, List<LineLoad> calls, List<DistrictRating> ratings,
                         List<Alert> alerts, WorkerTotals workers, List<DistributionBucket> workerBuckets,
                         List<HourPoint> trend) {
    }

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final ZoneId zone;
    private final Clock clock;

    public SituationReportData(ElasticsearchClient client, IndexNames names) {
        this(client, names, DrillDownService.DEFAULT_ZONE, Clock.systemUTC());
    }

    public SituationReportData(ElasticsearchClient client, IndexNames names, ZoneId zone, Clock clock) {
        this.client = client;
        this.names = names;
        this.zone = zone;
        this.clock = clock;
    }

    /** The report of {@code date} (null: today) for {@code district} (null: the whole scope). */
    public Report report(Scope scope, LocalDate date, String district) {
        String d = Scoping.checkDistrict(scope, district);
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant previousStart = day.minusDays(1).atStartOfDay(zone).toInstant();
        try {
            Map<String, long[]> activity = new HashMap<>();
            List<HourPoint> trend = activity(scope, d, previousStart, start, end, activity);
            Map<String, long[]> alerts = alertCounts(scope, d, previousStart, start, end);
            List<Alert> alertList = alerts(scope, d, start, end);
            Map<String, List<JsonNode>> now = latest(scope, d, end);
            Map<String, List<JsonNode>> before = latest(scope, d, start);
            long[] verified = new long[2];
            WorkerTotals totals = workers(scope, d, previousStart, start, end, verified);
            List<DistributionBucket> buckets = distributions(scope, d);

            List<BacklogStatus> backlogs = values(now, SnapshotDoc.BACKLOG, BacklogStatus.class);
            Figures today = figures(activity, alerts, 1, values(now, SnapshotDoc.BACKLOG, BacklogStatus.class), verified[1]);
            Figures previous = figures(activity, alerts, 0, values(before, SnapshotDoc.BACKLOG, BacklogStatus.class),
                    verified[0]);
            return new Report(day, d, OffsetDateTime.now(clock.withZone(zone)), today, previous, change(today, previous),
                    values(now, SnapshotDoc.SHORTAGE, ShortageStatus.class), backlogs,
                    values(now, SnapshotDoc.CALL_LOAD, LineLoad.class),
                    values(now, SnapshotDoc.RATING, DistrictRating.class), alertList, totals, buckets, trend);
        } catch (IOException | RuntimeException e) {
            throw Queries.failed("situation report", e);
        }
    }

    /** Calls, messages and tickets per day (previous, this) into {@code perDay}; the hourly trend of the day. */
    private List<HourPoint> activity(Scope scope, String district, Instant previousStart, Instant start, Instant end,
                                     Map<String, long[]> perDay) throws IOException {
        List<Query> filters = base(scope, district);
        Scoping.range("at", previousStart, end).ifPresent(filters::add);
        Map<String, Aggregation> kinds = activityKinds();
        Aggregation days = Aggregation.of(a -> a.dateHistogram(h -> h.field("at").calendarInterval(CalendarInterval.Day)
                        .timeZone(zone.getId()).minDocCount(0)
                        .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.value(previousStart.toEpochMilli())))
                                .max(FieldDateMath.of(m -> m.value(end.minusMillis(1).toEpochMilli())))))
                .aggregations(kinds));
        Aggregation hours = Aggregation.of(a -> a.filter(Scoping.range("at", start, end).orElseThrow())
                .aggregations("h", h -> h.dateHistogram(x -> x.field("at").calendarInterval(CalendarInterval.Hour)
                                .timeZone(zone.getId()).minDocCount(0)
                                .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.value(start.toEpochMilli())))
                                        .max(FieldDateMath.of(m -> m.value(end.minusMillis(1).toEpochMilli())))))
                        .aggregations(kinds)));
        SearchResponse<Void> answer = client.search(s -> s
                .index(names.pattern(IndexFamily.CALLS), names.pattern(IndexFamily.TICKETS),
                        names.pattern(IndexFamily.MESSAGES))
                .size(0)
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("days", days)
                .aggregations("hours", hours), Void.class);
        var dayBuckets = answer.aggregations().get("days").dateHistogram().buckets().array();
        for (String kind : kinds.keySet()) {
            long[] counts = new long[2];
            for (var bucket : dayBuckets) {
                int slot = bucket.key() >= start.toEpochMilli() ? 1 : 0;
                counts[slot] += bucket.aggregations().get(kind).filter().docCount();
            }
            perDay.put(kind, counts);
        }
        List<HourPoint> trend = new ArrayList<>();
        for (var bucket : answer.aggregations().get("hours").filter().aggregations().get("h").dateHistogram().buckets()
                .array()) {
            var a = bucket.aggregations();
            trend.add(new HourPoint(Instant.ofEpochMilli(bucket.key()).atZone(zone).toOffsetDateTime(),
                    a.get("calls").filter().docCount(), a.get("messages").filter().docCount(),
                    a.get("ticketsOpened").filter().docCount(), a.get("ticketsResolved").filter().docCount()));
        }
        return trend;
    }

    private static Map<String, Aggregation> activityKinds() {
        Map<String, Aggregation> kinds = new java.util.LinkedHashMap<>();
        kinds.put("calls", filterOf(Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("line")))
                .filter(Scoping.term("event", "started"))))));
        kinds.put("callsAnswered", filterOf(Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("line")))
                .filter(Scoping.term("event", "answered"))))));
        kinds.put("callsAbandoned", filterOf(Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("line")))
                .filter(Scoping.term("event", "abandoned"))))));
        kinds.put("messages", filterOf(Query.of(q -> q.exists(e -> e.field("channel")))));
        kinds.put("ticketsOpened", filterOf(Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("ticket")))
                .filter(Scoping.term("event", "opened"))))));
        kinds.put("ticketsResolved", filterOf(Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("ticket")))
                .filter(Scoping.term("event", "resolved"))))));
        return kinds;
    }

    private static Aggregation filterOf(Query q) {
        return Aggregation.of(a -> a.filter(q));
    }

    /** Alerts raised, acknowledged and cleared per day; shortage alerts raised and cleared per day. */
    private Map<String, long[]> alertCounts(Scope scope, String district, Instant previousStart, Instant start,
                                            Instant end) throws IOException {
        List<FieldValue> shortageRules = SHORTAGE_RULES.stream().map(FieldValue::of).toList();
        Query shortage = Query.of(q -> q.terms(t -> t.field("rule").terms(v -> v.value(shortageRules))));
        Map<String, Aggregation> aggs = new HashMap<>();
        Instant[][] days = {{previousStart, start}, {start, end}};
        for (int i = 0; i < 2; i++) {
            Instant from = days[i][0];
            Instant to = days[i][1];
            aggs.put("alertsRaised" + i, filterOf(Scoping.range("raisedAt", from, to).orElseThrow()));
            aggs.put("alertsAcknowledged" + i, filterOf(Scoping.range("ackAt", from, to).orElseThrow()));
            aggs.put("alertsCleared" + i, filterOf(Scoping.range("clearedAt", from, to).orElseThrow()));
            aggs.put("shortagesRaised" + i, filterOf(Query.of(q -> q.bool(b -> b.filter(shortage)
                    .filter(Scoping.range("raisedAt", from, to).orElseThrow())))));
            aggs.put("shortagesCleared" + i, filterOf(Query.of(q -> q.bool(b -> b.filter(shortage)
                    .filter(Scoping.range("clearedAt", from, to).orElseThrow())))));
        }
        List<Query> filters = base(scope, district);
        SearchResponse<Void> answer = client.search(s -> s.index(names.pattern(IndexFamily.ALERTS)).size(0)
                .query(q -> q.bool(b -> b.filter(filters))).aggregations(aggs), Void.class);
        Map<String, long[]> out = new HashMap<>();
        for (String name : List.of("alertsRaised", "alertsAcknowledged", "alertsCleared", "shortagesRaised",
                "shortagesCleared")) {
            out.put(name, new long[] {answer.aggregations().get(name + 0).filter().docCount(),
                    answer.aggregations().get(name + 1).filter().docCount()});
        }
        return out;
    }

    /** Alerts raised on the day, or raised before its end and not cleared by then; newest first. */
    private List<Alert> alerts(Scope scope, String district, Instant start, Instant end) throws IOException {
        List<Query> filters = base(scope, district);
        Query raisedToday = Scoping.range("raisedAt", start, end).orElseThrow();
        Query openAtEnd = Query.of(q -> q.bool(b -> b
                .filter(Scoping.range("raisedAt", null, end).orElseThrow())
                .mustNot(Scoping.range("clearedAt", null, end).orElseThrow())));
        filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1").should(raisedToday).should(openAtEnd))));
        SearchResponse<Alert> answer = client.search(s -> s.index(names.pattern(IndexFamily.ALERTS)).size(MAX_ALERTS)
                .query(q -> q.bool(b -> b.filter(filters)))
                .sort(o -> o.field(f -> f.field("raisedAt").order(SortOrder.Desc))), Alert.class);
        return answer.hits().hits().stream().map(Hit::source).toList();
    }

    /** The latest snapshot value of every key of every kind before {@code at}, per kind. */
    private Map<String, List<JsonNode>> latest(Scope scope, String district, Instant at) throws IOException {
        List<Query> filters = base(scope, district);
        Scoping.range("at", at.minus(SNAPSHOT_LOOKBACK), at).ifPresent(filters::add);
        List<FieldValue> kinds = new ArrayList<>(List.of(FieldValue.of(SnapshotDoc.SHORTAGE),
                FieldValue.of(SnapshotDoc.BACKLOG), FieldValue.of(SnapshotDoc.RATING)));
        if (scope.allDistricts() && district == null) {
            kinds.add(FieldValue.of(SnapshotDoc.CALL_LOAD));
        }
        filters.add(Query.of(q -> q.terms(t -> t.field("kind").terms(v -> v.value(kinds)))));
        SearchResponse<Void> answer = client.search(s -> s.index(names.pattern(IndexFamily.SNAPSHOTS)).size(0)
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("kind", k -> k.terms(t -> t.field("kind").size(10))
                        .aggregations("key", x -> x.terms(t -> t.field("key").size(MAX_KEYS))
                                .aggregations("last", l -> l.topHits(h -> h.size(1)
                                        .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                                        .source(src -> src.filter(f -> f.includes("value"))))))), Void.class);
        Map<String, List<JsonNode>> out = new HashMap<>();
        for (StringTermsBucket kind : answer.aggregations().get("kind").sterms().buckets().array()) {
            List<JsonNode> values = new ArrayList<>();
            for (StringTermsBucket key : kind.aggregations().get("key").sterms().buckets().array()) {
                for (Hit<JsonData> hit : key.aggregations().get("last").topHits().hits().hits()) {
                    JsonNode source = hit.source().to(JsonNode.class, new JacksonJsonpMapper(Json.mapper()));
                    if (source.has("value")) {
                        values.add(source.get("value"));
                    }
                }
            }
            out.put(kind.key().stringValue(), values);
        }
        return out;
    }

    /** Registry totals in scope: workers, verified within the window before the day's end; verified per day. */
    private WorkerTotals workers(Scope scope, String district, Instant previousStart, Instant start, Instant end,
                                 long[] verifiedPerDay) throws IOException {
        List<Query> filters = base(scope, district);
        Instant windowStart = end.minus(Duration.ofDays(VERIFIED_WINDOW_DAYS));
        SearchResponse<Void> answer = client.search(s -> s.index(names.pattern(IndexFamily.WORKERS)).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("recent", filterOf(Scoping.range("verifiedAt", windowStart, end).orElseThrow()))
                .aggregations("day0", filterOf(Scoping.range("verifiedAt", previousStart, start).orElseThrow()))
                .aggregations("day1", filterOf(Scoping.range("verifiedAt", start, end).orElseThrow())), Void.class);
        long total = answer.hits().total() == null ? 0 : answer.hits().total().value();
        long recent = answer.aggregations().get("recent").filter().docCount();
        verifiedPerDay[0] = answer.aggregations().get("day0").filter().docCount();
        verifiedPerDay[1] = answer.aggregations().get("day1").filter().docCount();
        return new WorkerTotals(total, recent, total == 0 ? 0 : (double) recent / total, VERIFIED_WINDOW_DAYS);
    }

    /** The registry's distributions in scope, every dimension, from the workers index (as it is now). */
    private List<DistributionBucket> distributions(Scope scope, String district) throws IOException {
        Map<String, String> dimensions = Map.of(DistributionBucket.BY_CURRENT_STATE, "currentState",
                DistributionBucket.BY_CURRENT_DISTRICT, "currentDistrict", DistributionBucket.BY_SKILL, "skills",
                DistributionBucket.BY_HOME_DISTRICT, "homeDistrict", DistributionBucket.BY_STATUS, "status");
        Map<String, Aggregation> aggs = new HashMap<>();
        dimensions.forEach((by, field) -> aggs.put(by, Aggregation.of(a -> a.terms(t -> t.field(field).size(1_000)
                .missing(FieldValue.of(DistributionBucket.UNKNOWN))))));
        List<Query> filters = base(scope, district);
        SearchResponse<Void> answer = client.search(s -> s.index(names.pattern(IndexFamily.WORKERS)).size(0)
                .query(q -> q.bool(b -> b.filter(filters))).aggregations(aggs), Void.class);
        List<DistributionBucket> out = new ArrayList<>();
        for (String by : dimensions.keySet().stream().sorted().toList()) {
            Aggregate terms = answer.aggregations().get(by);
            for (StringTermsBucket b : terms.sterms().buckets().array()) {
                out.add(new DistributionBucket(by, b.key().stringValue(), null, b.docCount()));
            }
        }
        out.sort(Comparator.comparing(DistributionBucket::by).thenComparing(DistributionBucket::count,
                Comparator.reverseOrder()));
        return out;
    }

    private static Figures figures(Map<String, long[]> activity, Map<String, long[]> alerts, int day,
                                   List<BacklogStatus> backlogs, long workersVerified) {
        long open = backlogs.stream().mapToLong(BacklogStatus::open).sum();
        long breaches = backlogs.stream().mapToLong(BacklogStatus::slaBreaches).sum();
        double compliance = open == 0 ? 1.0 : (double) (open - breaches) / open;
        return new Figures(activity.get("calls")[day], activity.get("callsAnswered")[day],
                activity.get("callsAbandoned")[day], activity.get("messages")[day],
                activity.get("ticketsOpened")[day], activity.get("ticketsResolved")[day], compliance, open, breaches,
                alerts.get("shortagesRaised")[day], alerts.get("shortagesCleared")[day], alerts.get("alertsRaised")[day],
                alerts.get("alertsAcknowledged")[day], alerts.get("alertsCleared")[day], workersVerified);
    }

    private static Map<String, Double> change(Figures today, Figures previous) {
        JsonNode t = Json.mapper().valueToTree(today);
        JsonNode p = Json.mapper().valueToTree(previous);
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        t.fieldNames().forEachRemaining(f -> out.put(f, t.get(f).asDouble() - p.get(f).asDouble()));
        return out;
    }

    private static <T> List<T> values(Map<String, List<JsonNode>> latest, String kind, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (JsonNode v : latest.getOrDefault(kind, List.of())) {
            try {
                out.add(Json.mapper().treeToValue(v, type));
            } catch (IOException e) {
                // a snapshot of an older shape: leave it out of the report rather than fail the report
            }
        }
        return out;
    }

    private static List<Query> base(Scope scope, String district) {
        List<Query> filters = new ArrayList<>();
        Scoping.filter(scope).ifPresent(filters::add);
        if (district != null) {
            filters.add(Scoping.term(Scoping.DISTRICT, district));
        }
        return filters;
    }
}
