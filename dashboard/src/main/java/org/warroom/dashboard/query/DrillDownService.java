package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregationExecutionHint;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.warroom.dashboard.access.Scope;
import org.warroom.dashboard.query.Trends.Activity;
import org.warroom.dashboard.query.Trends.BacklogPoint;
import org.warroom.dashboard.query.Trends.BacklogSeries;
import org.warroom.dashboard.query.Trends.DistrictTrends;
import org.warroom.dashboard.query.Trends.Interval;
import org.warroom.dashboard.query.Trends.Point;
import org.warroom.dashboard.query.Trends.Series;
import org.warroom.dashboard.query.Trends.StockPoint;
import org.warroom.dashboard.query.Trends.StockSeries;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.doc.SnapshotDoc;

/**
 * The district drill-down: counts per hour or day by category, commodity and line; stock per commodity; backlog per
 * department; all over a time range, as aggregations (size 0), scoped like every query. Buckets follow the war
 * room's time zone ({@code Asia/Kolkata} unless told otherwise), so a "day" is an Indian calendar day; empty buckets
 * are included so charts have no holes. Blocking: call it from a worker thread.
 */
public final class DrillDownService {
    /** A trend has at most this many buckets (e.g. 41 days of hours). */
    public static final int MAX_BUCKETS = 1_000;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");
    private static final String OVER_TIME = "over_time";
    private static final String BY = "by";
    private static final String ACTIVITY = "activity trend";
    private static final String STOCK = "stock trend";
    private static final String BACKLOG = "backlog trend";

    private final IndexNames names;
    private final ZoneId zone;
    private final Clock clock;
    private final ElasticsearchAsyncClient async;

    public DrillDownService(ElasticsearchClient client, IndexNames names) {
        this(client, names, DEFAULT_ZONE, Clock.systemUTC());
    }

    public DrillDownService(ElasticsearchClient client, IndexNames names, ZoneId zone, Clock clock) {
        this.names = names;
        this.zone = zone;
        this.clock = clock;
        this.async = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
    }

    /**
     * The district page's trends for the last {@code hours} (1 to 720): hourly buckets up to 72 hours, daily beyond.
     * The three searches (activity, stock, backlog) run at the same time, so the page waits for the slowest of them
     * rather than for their sum.
     */
    public DistrictTrends trends(Scope scope, String district, int hours) {
        if (hours < 1 || hours > 720) {
            throw QueryRejected.invalid("hours", "must be between 1 and 720");
        }
        Interval interval = hours <= 72 ? Interval.HOUR : Interval.DAY;
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofHours(hours));
        checkRange(from, to, interval);
        String d = requireDistrict(scope, district);
        CompletableFuture<SearchResponse<Void>> activity = search(activityRequest(scope, d, from, to, interval));
        CompletableFuture<SearchResponse<Void>> stock = search(stockRequest(scope, d, from, to, interval));
        CompletableFuture<SearchResponse<Void>> backlog = search(backlogRequest(scope, d, from, to, interval));
        return new DistrictTrends(district, from, to, interval,
                read(activity, ACTIVITY, answer -> activityOf(d, from, to, interval, answer)),
                read(stock, STOCK, DrillDownService::stockOf), read(backlog, BACKLOG, DrillDownService::backlogOf));
    }

    /**
     * Tickets opened by category, messages by commodity, calls started by line, per bucket, in one district (or, with
     * a null district, everything the scope sees).
     */
    public Activity activity(Scope scope, String district, Instant from, Instant to, Interval interval) {
        checkRange(from, to, interval);
        String d = Scoping.checkDistrict(scope, district);
        return read(search(activityRequest(scope, d, from, to, interval)), ACTIVITY, answer -> activityOf(d, from, to, interval, answer));
    }

    /** Stock per commodity per bucket, from the district's reports. A district is required. */
    public List<StockSeries> stock(Scope scope, String district, Instant from, Instant to, Interval interval) {
        checkRange(from, to, interval);
        String d = requireDistrict(scope, district);
        return read(search(stockRequest(scope, d, from, to, interval)), STOCK, DrillDownService::stockOf);
    }

    /** Open complaints and SLA breaches per department per bucket, from the backlog snapshots. A district is required. */
    public List<BacklogSeries> backlog(Scope scope, String district, Instant from, Instant to, Interval interval) {
        checkRange(from, to, interval);
        String d = requireDistrict(scope, district);
        return read(search(backlogRequest(scope, d, from, to, interval)), BACKLOG, DrillDownService::backlogOf);
    }

    private SearchRequest activityRequest(Scope scope, String d, Instant from, Instant to, Interval interval) {
        List<Query> filters = filters(scope, d, from, to);
        Query ticketsOpened = Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("ticket")))
                .filter(Scoping.term("event", "opened"))));
        Query messages = Query.of(q -> q.exists(e -> e.field("channel")));
        Query callsStarted = Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("line")))
                .filter(Scoping.term("event", "started"))));
        Aggregation histogram = histogram("at", from, to, interval);
        boolean fewDocuments = d != null;
        return SearchRequest.of(s -> s
                .index(names.pattern(IndexFamily.TICKETS), names.pattern(IndexFamily.MESSAGES),
                        names.pattern(IndexFamily.CALLS))
                .size(0)
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations("tickets", a -> a.filter(ticketsOpened)
                        .aggregations(BY, byTerms("category", histogram, fewDocuments)))
                .aggregations("messages", a -> a.filter(messages)
                        .aggregations(OVER_TIME, histogram)
                        .aggregations(BY, byTerms("commodities", histogram, fewDocuments)))
                .aggregations("calls", a -> a.filter(callsStarted)
                        .aggregations(OVER_TIME, histogram)
                        .aggregations(BY, byTerms("line", histogram, fewDocuments))));
    }

    private static Activity activityOf(String d, Instant from, Instant to, Interval interval, SearchResponse<Void> answer) {
        Map<String, Aggregate> aggs = answer.aggregations();
        var t = aggs.get("tickets").filter().aggregations();
        var m = aggs.get("messages").filter().aggregations();
        var c = aggs.get("calls").filter().aggregations();
        return new Activity(d, from, to, interval,
                countSeries(t.get(BY)),
                new Series("all", counts(m.get(OVER_TIME))), countSeries(m.get(BY)),
                new Series("all", counts(c.get(OVER_TIME))), countSeries(c.get(BY)));
    }

    private SearchRequest stockRequest(Scope scope, String d, Instant from, Instant to, Interval interval) {
        Aggregation histogram = Aggregation.of(a -> a.dateHistogram(h -> histogramOf(h, "at", from, to, interval))
                .aggregations("stock", x -> x.avg(v -> v.field("stock")))
                .aggregations("dailyNeed", x -> x.avg(v -> v.field("dailyNeed")))
                .aggregations("daysOfCover", x -> x.min(v -> v.field("daysOfCover"))));
        return SearchRequest.of(s -> s
                .index(names.pattern(IndexFamily.REPORTS)).size(0)
                .query(q -> q.bool(b -> b.filter(filters(scope, d, from, to))))
                .aggregations(BY, byTerms("commodity", histogram, true)));
    }

    private static List<StockSeries> stockOf(SearchResponse<Void> answer) {
        return series(answer.aggregations().get(BY), bucket -> new StockPoint(Instant.ofEpochMilli(bucket.key()),
                metric(bucket, "stock"), metric(bucket, "dailyNeed"), metric(bucket, "daysOfCover")), StockSeries::new);
    }

    private SearchRequest backlogRequest(Scope scope, String d, Instant from, Instant to, Interval interval) {
        Aggregation histogram = Aggregation.of(a -> a.dateHistogram(h -> histogramOf(h, "at", from, to, interval))
                .aggregations("open", x -> x.max(v -> v.field("value.open")))
                .aggregations("slaBreaches", x -> x.max(v -> v.field("value.slaBreaches"))));
        List<Query> filters = filters(scope, d, from, to);
        filters.add(Scoping.term("kind", SnapshotDoc.BACKLOG));
        return SearchRequest.of(s -> s
                .index(names.pattern(IndexFamily.SNAPSHOTS)).size(0)
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations(BY, byTerms("value.department", histogram, true)));
    }

    private static List<BacklogSeries> backlogOf(SearchResponse<Void> answer) {
        return series(answer.aggregations().get(BY), bucket -> new BacklogPoint(Instant.ofEpochMilli(bucket.key()),
                integer(metric(bucket, "open")), integer(metric(bucket, "slaBreaches"))), BacklogSeries::new);
    }

    /**
     * Waits for an answer and reads it. Whatever goes wrong on the way (Elasticsearch unreachable or refusing, or an
     * answer without the aggregations asked for: no index of the family exists yet, so no shard answered) is a failure
     * of the index, not a programming error; a refusal of the question itself stays what it is.
     */
    private static <T> T read(CompletableFuture<SearchResponse<Void>> answer, String what, Function<SearchResponse<Void>, T> reader) {
        try {
            return reader.apply(answer.join());
        } catch (QueryRejected | QueryFailed e) {
            throw e;
        } catch (CompletionException e) {
            throw Queries.failed(what, e.getCause() instanceof Exception cause ? cause : e);
        } catch (RuntimeException e) {
            throw Queries.failed(what, e);
        }
    }

    private CompletableFuture<SearchResponse<Void>> search(SearchRequest request) {
        return async.search(request, Void.class);
    }

    private static String requireDistrict(Scope scope, String district) {
        String d = Scoping.checkDistrict(scope, district);
        if (d == null) {
            throw QueryRejected.invalid("district", "a district is required");
        }
        return d;
    }

    private static List<Query> filters(Scope scope, String district, Instant from, Instant to) {
        List<Query> filters = new ArrayList<>();
        Scoping.filter(scope).ifPresent(filters::add);
        if (district != null) {
            filters.add(Scoping.term(Scoping.DISTRICT, district));
        }
        Scoping.range("at", from, to).ifPresent(filters::add);
        return filters;
    }

    private static void checkRange(Instant from, Instant to, Interval interval) {
        if (from == null || to == null) {
            throw QueryRejected.invalid("from", "a trend needs 'from' and 'to'");
        }
        if (!from.isBefore(to)) {
            throw QueryRejected.invalid("from", "'from' must be before 'to'");
        }
        long buckets = Duration.between(from, to).getSeconds() / interval.seconds() + 1;
        if (buckets > MAX_BUCKETS) {
            throw QueryRejected.invalid("interval", "at most " + MAX_BUCKETS + " buckets; use a wider interval or a shorter range");
        }
    }

    private Aggregation histogram(String field, Instant from, Instant to, Interval interval) {
        return Aggregation.of(a -> a.dateHistogram(h -> histogramOf(h, field, from, to, interval)));
    }

    private co.elastic.clients.elasticsearch._types.aggregations.DateHistogramAggregation.Builder histogramOf(
            co.elastic.clients.elasticsearch._types.aggregations.DateHistogramAggregation.Builder h, String field,
            Instant from, Instant to, Interval interval) {
        return h.field(field)
                .calendarInterval(interval == Interval.HOUR ? CalendarInterval.Hour : CalendarInterval.Day)
                .timeZone(zone.getId())
                .minDocCount(0)
                .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.value(from.toEpochMilli())))
                        .max(FieldDateMath.of(m -> m.value(to.minusMillis(1).toEpochMilli()))));
    }

    /**
     * Terms with a histogram inside. Within one district a trend matches a few thousand documents of millions; then
     * the terms are collected by value ({@code map}) instead of through global ordinals, which Elasticsearch would
     * otherwise rebuild over every document of the index after each refresh (a refresh a second while ingesting).
     */
    private static Aggregation byTerms(String field, Aggregation overTime, boolean fewDocuments) {
        return Aggregation.of(a -> a.terms(t -> {
            t.field(field).size(50);
            if (fewDocuments) {
                t.executionHint(TermsAggregationExecutionHint.Map);
            }
            return t;
        }).aggregations(OVER_TIME, overTime));
    }

    private static List<Series> countSeries(Aggregate terms) {
        return series(terms, b -> new Point(Instant.ofEpochMilli(b.key()), b.docCount()), Series::new);
    }

    private static List<Point> counts(Aggregate histogram) {
        return histogram.dateHistogram().buckets().array().stream()
                .map(b -> new Point(Instant.ofEpochMilli(b.key()), b.docCount())).toList();
    }

    private static <P, S> List<S> series(Aggregate terms, Function<DateHistogramBucket, P> point,
                                         java.util.function.BiFunction<String, List<P>, S> make) {
        List<S> out = new ArrayList<>();
        for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
            List<P> points = bucket.aggregations().get(OVER_TIME).dateHistogram().buckets().array().stream()
                    .map(point).toList();
            out.add(make.apply(bucket.key().stringValue(), points));
        }
        return out;
    }

    private static Double metric(DateHistogramBucket bucket, String name) {
        Aggregate a = bucket.aggregations().get(name);
        double v;
        if (a.isAvg()) {
            v = a.avg().value();
        } else if (a.isMin()) {
            v = a.min().value();
        } else {
            v = a.max().value();
        }
        return Double.isNaN(v) || Double.isInfinite(v) || bucket.docCount() == 0 ? null : v;
    }

    private static Integer integer(Double v) {
        return v == null ? null : (int) Math.round(v);
    }
}
