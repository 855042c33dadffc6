package org.warroom.dashboard.api;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Scope;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.query.AlertHistory;
import org.warroom.dashboard.query.AlertQuery;
import org.warroom.dashboard.query.DrillDownService;
import org.warroom.dashboard.query.QueryFailed;
import org.warroom.dashboard.query.QueryRejected;
import org.warroom.dashboard.query.SearchQuery;
import org.warroom.dashboard.query.SearchRights;
import org.warroom.dashboard.query.SearchService;
import org.warroom.dashboard.query.SituationReportData;
import org.warroom.dashboard.query.WorkerQuery;
import org.warroom.dashboard.query.WorkerSearch;
import org.warroom.dashboard.web.ReportSource;

/**
 * The JSON answers that come from Elasticsearch through the query services (synchronous, so called through
 * {@code executeBlocking}), every one with the viewer's {@link Scope}: {@code search}, {@code workers/search},
 * {@code districts/{code}/trends}, {@code alerts/history}; and the situation report's figures for the pages' routes.
 * A query the scope does not allow answers 403, a bad parameter 400 (both naming the field), Elasticsearch down 503.
 */
public final class QueryApi {
    private final Vertx vertx;
    private final SearchService search;
    private final WorkerSearch workers;
    private final DrillDownService drillDown;
    private final AlertHistory alerts;
    private final SituationReportData reports;
    private final DistrictDirectory districts;
    private final ZoneId zone;

    public QueryApi(Vertx vertx, SearchService search, WorkerSearch workers, DrillDownService drillDown,
                    AlertHistory alerts, SituationReportData reports, DistrictDirectory districts, ZoneId zone) {
        this.vertx = vertx;
        this.search = search;
        this.workers = workers;
        this.drillDown = drillDown;
        this.alerts = alerts;
        this.reports = reports;
        this.districts = districts;
        this.zone = zone;
    }

    /** {@code GET /api/v1/search?q=&district=&from=&to=&channel=&category=&feed=&offset=&size=&sort=relevance|recent}. */
    public void handleSearch(RoutingContext ctx) {
        Scope scope = Viewer.of(ctx).scope();
        SearchQuery query = SearchQuery.of(text(ctx, "q"))
                .inDistrict(district(ctx, "district"))
                .onChannel(text(ctx, "channel"))
                .inCategory(text(ctx, "category"))
                .between(time(ctx, "from", false), time(ctx, "to", true))
                .page(number(ctx, "offset", 0), number(ctx, "size", 20))
                .sorted(sort(ctx));
        String feed = text(ctx, "feed");
        if (feed != null) {
            List<SearchQuery.Feed> feeds = new java.util.ArrayList<>();
            for (String f : feed.split(",")) {
                feeds.add(SearchQuery.Feed.parse(f.strip()).orElseThrow(() -> ApiError.invalid("feed",
                        "must be messages, tickets, directives, log or handovers (several comma-separated)")));
            }
            query = query.only(feeds.toArray(SearchQuery.Feed[]::new));
        }
        SearchQuery q = query;
        Viewer viewer = Viewer.of(ctx);
        SearchRights rights = SearchRights.of(viewer.role(), viewer.departments());
        answer(ctx, () -> search.search(scope, rights, q));
    }

    /** {@code GET /api/v1/workers/search?q=&district=&homeDistrict=&currentDistrict=&currentState=&skill=&status=&offset=&size=}. */
    public void handleWorkerSearch(RoutingContext ctx) {
        Scope scope = Viewer.of(ctx).scope();
        WorkerQuery q = new WorkerQuery(text(ctx, "q"), district(ctx, "district"), district(ctx, "homeDistrict"),
                district(ctx, "currentDistrict"), text(ctx, "currentState"), text(ctx, "skill"), text(ctx, "status"),
                number(ctx, "offset", 0), number(ctx, "size", 20));
        answer(ctx, () -> workers.search(scope, q));
    }

    /** {@code GET /api/v1/districts/{code}/trends?hours=} (default 24). */
    public void handleTrends(RoutingContext ctx) {
        Scope scope = Viewer.of(ctx).scope();
        String code = districts.byCode(ctx.pathParam("code")).map(d -> d.code())
                .orElseThrow(() -> new ApiError(404, "not found", "code", "unknown LGD district code"));
        if (!scope.sees(code)) {
            throw ApiError.forbidden("district " + code + " is outside your scope");
        }
        int hours = number(ctx, "hours", 24);
        answer(ctx, () -> drillDown.trends(scope, code, hours));
    }

    /** {@code GET /api/v1/alerts/history?state=&district=&rule=&severity=&from=&to=&offset=&size=}. */
    public void handleAlertHistory(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        AlertQuery q = new AlertQuery(text(ctx, "state"), district(ctx, "district"), text(ctx, "rule"),
                text(ctx, "severity"), viewer.categories(), time(ctx, "from", false), time(ctx, "to", true),
                number(ctx, "offset", 0), number(ctx, "size", 50));
        answer(ctx, () -> alerts.find(viewer.scope(), q));
    }

    /** The situation report's figures for {@code web.WebRoutes} (report page and charts). */
    public ReportSource reportSource() {
        return ReportSource.from(reports);
    }

    private <T> void answer(RoutingContext ctx, Callable<T> query) {
        vertx.executeBlocking(query, false)
                .onSuccess(result -> Answers.ok(ctx, result))
                .onFailure(e -> Answers.fail(ctx, translate(e)));
    }

    /** What a query service's failure means for the caller. */
    public static Throwable translate(Throwable e) {
        if (e instanceof QueryRejected r) {
            return r.kind() == QueryRejected.Kind.FORBIDDEN ? new ApiError(403, "forbidden", r.field(), r.getMessage())
                    : ApiError.invalid(r.field(), r.getMessage());
        }
        if (e instanceof QueryFailed) {
            return ApiError.unavailable("search index not ready: Elasticsearch did not answer");
        }
        return e;
    }

    private static String text(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > 500) {
            throw ApiError.invalid(name, "at most 500 characters");
        }
        return v.strip();
    }

    /** A district parameter: checked to be a known code here; the scope check is the query service's. */
    private String district(RoutingContext ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        return districts.byCode(v).map(d -> d.code()).orElseThrow(() -> new ApiError(404, "not found", name,
                "unknown LGD district code '" + v + "'"));
    }

    /** {@code sort}: relevance (the default) or recent; anything else is refused rather than silently ignored. */
    private static SearchQuery.Sort sort(RoutingContext ctx) {
        String v = text(ctx, "sort");
        if (v == null || v.equalsIgnoreCase("relevance")) {
            return SearchQuery.Sort.RELEVANCE;
        }
        if (v.equalsIgnoreCase("recent")) {
            return SearchQuery.Sort.RECENT;
        }
        throw ApiError.invalid("sort", "must be relevance or recent");
    }

    private static int number(RoutingContext ctx, String name, int fallback) {
        String v = text(ctx, name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name, "must be a whole number");
        }
    }

    /** An ISO time with offset, or a date (its start; for an upper bound, the start of the next day) in the war room's zone. */
    private Instant time(RoutingContext ctx, String name, boolean upper) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (upper ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(name, "must be a date (2026-04-01) or a time with offset (2026-04-01T18:13:00+05:30)");
        }
    }
}
