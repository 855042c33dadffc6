package org.warroom.dashboard.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.State;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.text.Words;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.query.QueryFailed;
import org.warroom.dashboard.query.QueryRejected;

/**
 * The routes the pages need beyond the live JSON API: the district reference list, the map boundaries, the situation
 * report and its charts. Mounted behind the authentication handler (every handler reads the {@link Viewer}), and every
 * district parameter is checked against the viewer's scope: outside it the answer is 403, whatever the URL says.
 *
 * <ul>
 *   <li>{@code GET /api/v1/districts?state=} → {@code {"items": [{"code","stateCode","stateName","stateNameHi",
 *       "name","nameHi","geoCode","onMap"}]}}, only the districts the viewer may see</li>
 *   <li>{@code GET /api/v1/geo} → {@code {"items": [{"code","name","nameHi","districts"}]}}: states with a map</li>
 *   <li>{@code GET /api/v1/geo/india} → the states as a GeoJSON FeatureCollection, properties {@code code} (LGD),
 *       {@code name}, {@code nameHi}, {@code districts} (how many are drawn)</li>
 *   <li>{@code GET /api/v1/geo/{stateCode}} → GeoJSON FeatureCollection, properties {@code code} (LGD),
 *       {@code name}, {@code nameHi}, {@code stateCode}, {@code geoCode}</li>
 *   <li>{@code GET /api/v1/report?date=&district=} → {@link SituationReport}</li>
 *   <li>{@code GET /api/v1/charts/{name}.png?district=&date=&width=&height=&lang=en|hi&by=} → PNG
 *       ({@link ChartRenderer.Chart}), rendered off the event loop</li>
 * </ul>
 */
public final class WebRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);
    static final int MIN_WIDTH = 120;
    static final int MAX_WIDTH = 2400;
    static final int MIN_HEIGHT = 100;
    static final int MAX_HEIGHT = 1600;
    private static final Set<String> WORKER_DIMENSIONS = Set.of(DistributionBucket.BY_CURRENT_STATE,
            DistributionBucket.BY_CURRENT_DISTRICT, DistributionBucket.BY_SKILL, DistributionBucket.BY_HOME_DISTRICT,
            DistributionBucket.BY_STATUS);

    private final WebDependencies deps;
    private final GeoLibrary geo;
    private final ChartRenderer charts;

    WebRoutes(WebDependencies deps, GeoLibrary geo, ChartRenderer charts) {
        this.deps = deps;
        this.geo = geo;
        this.charts = charts;
    }

    /**
     * What the routes need that is slow to make — the boundary files read and joined, the chart fonts found (seconds
     * on a loaded machine): make it on a worker thread, never on the event loop.
     */
    public record Prepared(GeoLibrary geo, ChartRenderer charts) {
        public static Prepared load(DistrictDirectory districts, ZoneId zone) {
            return new Prepared(GeoLibrary.load(districts), new ChartRenderer(districts, ChartFonts.detect(), zone));
        }
    }

    /** Mounts the routes on {@code router}, which must already have authenticated the request (a {@link Viewer}). */
    public static void mount(Router router, WebDependencies deps) {
        mount(router, deps, Prepared.load(deps.districts(), deps.zone()));
    }

    /** As {@link #mount(Router, WebDependencies)}, with the slow parts made beforehand (off the event loop). */
    public static void mount(Router router, WebDependencies deps, Prepared prepared) {
        WebRoutes routes = new WebRoutes(deps, prepared.geo(), prepared.charts());
        router.get("/api/v1/districts").handler(routes::handleDistricts);
        router.get("/api/v1/geo").handler(routes::handleGeoStates);
        router.get("/api/v1/geo/india").handler(routes::handleIndia);
        router.get("/api/v1/geo/:stateCode").handler(routes::handleGeo);
        router.get("/api/v1/report").handler(routes::handleReport);
        router.getWithRegex("/api/v1/charts/(?<name>[a-z-]+)\\.png").handler(routes::handleChart);
    }

    /**
     * Mounts the pages' scripts, styles and images ({@code webroot/assets/} on the classpath) at {@code /assets/},
     * public (the login page needs them before anyone is authenticated; they hold no data).
     */
    public static void mountAssets(Router router) {
        router.get("/assets/words.js").handler(new WordsScript(Words.bundled())::handle);
        router.get("/assets/*").handler(StaticHandler.create("webroot/assets")
                .setDefaultContentEncoding("UTF-8")
                .setMaxAgeSeconds(300)
                .setIncludeHidden(false)
                .setDirectoryListing(false));
    }

    // ---- handlers

    private void handleDistricts(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String stateParam = ctx.request().getParam("state");
        List<District> list;
        if (stateParam != null && !stateParam.isBlank()) {
            Optional<String> state = deps.states().resolve(stateParam);
            if (state.isEmpty()) {
                invalid(ctx, "state", "unknown state '" + stateParam + "'");
                return;
            }
            list = deps.districts().inState(state.get());
        } else {
            list = deps.districts().all();
        }
        List<DistrictItem> items = list.stream()
                .filter(d -> viewer.scope().sees(d.code()))
                .map(d -> {
                    Optional<State> s = deps.states().byCode(d.stateCode());
                    return new DistrictItem(d.code(), d.stateCode(), s.map(State::name).orElse(""),
                            s.map(State::nameHi).orElse(""), d.name(), d.nameHi(), d.geoCode(),
                            geo.drawn(d.code()));
                })
                .toList();
        Answers.json(ctx, 200, Map.of("items", items), "private, max-age=300");
    }

    private void handleGeoStates(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        List<Map<String, Object>> items = geo.featureCounts().entrySet().stream()
                .filter(e -> viewer.scope().allDistricts()
                        || deps.districts().inState(e.getKey()).stream().anyMatch(d -> viewer.scope().sees(d.code())))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    Optional<State> s = deps.states().byCode(e.getKey());
                    item.put("code", e.getKey());
                    item.put("name", s.map(State::name).orElse(e.getKey()));
                    item.put("nameHi", s.map(State::nameHi).orElse(""));
                    item.put("districts", e.getValue());
                    return item;
                })
                .toList();
        Answers.json(ctx, 200, Map.of("items", items), "private, max-age=300");
    }

    private void handleIndia(RoutingContext ctx) {
        ctx.response().setStatusCode(200)
                .putHeader("Content-Type", "application/geo+json; charset=utf-8")
                .putHeader("Cache-Control", "private, max-age=3600")
                .end(Buffer.buffer(geo.india()));
    }

    private void handleGeo(RoutingContext ctx) {
        String param = ctx.pathParam("stateCode");
        Optional<byte[]> body = deps.states().resolve(param).flatMap(geo::state);
        if (body.isEmpty()) {
            notFound(ctx, "stateCode", "no district map for state '" + param + "'");
            return;
        }
        ctx.response().setStatusCode(200)
                .putHeader("Content-Type", "application/geo+json; charset=utf-8")
                .putHeader("Cache-Control", "private, max-age=3600")
                .end(Buffer.buffer(body.get()));
    }

    private void handleReport(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Optional<ReportQuery> query = reportQuery(ctx, viewer);
        if (query.isEmpty()) {
            return;
        }
        ReportQuery q = query.get();
        deps.vertx().executeBlocking(() -> deps.reports().load(viewer.scope(), q.date(), q.district()), false)
                .onSuccess(report -> Answers.ok(ctx, report))
                .onFailure(e -> failed(ctx, "report", e));
    }

    private void handleChart(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Optional<ChartRenderer.Chart> chart = ChartRenderer.Chart.parse(ctx.pathParam("name"));
        if (chart.isEmpty()) {
            notFound(ctx, "name", "unknown chart '" + ctx.pathParam("name") + "'");
            return;
        }
        Optional<Integer> width = intParam(ctx, "width", 800, MIN_WIDTH, MAX_WIDTH);
        Optional<Integer> height = width.isEmpty() ? Optional.empty()
                : intParam(ctx, "height", 400, MIN_HEIGHT, MAX_HEIGHT);
        if (height.isEmpty()) {
            return;
        }
        String lang = Optional.ofNullable(ctx.request().getParam("lang")).orElse("en");
        if (!lang.equals("en") && !lang.equals("hi")) {
            invalid(ctx, "lang", "lang must be en or hi");
            return;
        }
        String by = ctx.request().getParam("by");
        if (by != null && !WORKER_DIMENSIONS.contains(by)) {
            invalid(ctx, "by", "by must be one of " + WORKER_DIMENSIONS);
            return;
        }
        Optional<ReportQuery> query = reportQuery(ctx, viewer);
        if (query.isEmpty()) {
            return;
        }
        ReportQuery q = query.get();
        ChartRenderer.Options options = new ChartRenderer.Options(width.get(), height.get(), lang.equals("hi"), by);
        deps.vertx().executeBlocking(() -> {
                    SituationReport report = deps.reports().load(viewer.scope(), q.date(), q.district());
                    return charts.render(chart.get(), report, options);
                }, false)
                .onSuccess(png -> ctx.response().setStatusCode(200)
                        .putHeader("Content-Type", "image/png")
                        .putHeader("Cache-Control", "private, max-age=30")
                        .end(Buffer.buffer(png)))
                .onFailure(e -> failed(ctx, "chart " + chart.get().wire(), e));
    }

    // ---- parameters

    private record ReportQuery(LocalDate date, String district) {
    }

    /** date (default today) and district (optional; known and within the viewer's scope), or an error answered. */
    private Optional<ReportQuery> reportQuery(RoutingContext ctx, Viewer viewer) {
        LocalDate date;
        String dateParam = ctx.request().getParam("date");
        if (dateParam == null || dateParam.isBlank()) {
            date = LocalDate.now(deps.clock().withZone(deps.zone()));
        } else {
            try {
                date = LocalDate.parse(dateParam.strip());
            } catch (DateTimeParseException e) {
                invalid(ctx, "date", "date must be YYYY-MM-DD");
                return Optional.empty();
            }
        }
        String districtParam = ctx.request().getParam("district");
        String district = null;
        if (districtParam != null && !districtParam.isBlank()) {
            Optional<District> d = deps.districts().byCode(districtParam);
            if (d.isEmpty()) {
                // an unknown code is out of scope for a scoped viewer: do not tell them which codes exist
                if (viewer.scope().allDistricts()) {
                    notFound(ctx, "district", "unknown district '" + districtParam + "'");
                } else {
                    forbidden(ctx);
                }
                return Optional.empty();
            }
            if (!viewer.scope().sees(d.get().code())) {
                forbidden(ctx);
                return Optional.empty();
            }
            district = d.get().code();
        }
        return Optional.of(new ReportQuery(date, district));
    }

    private static Optional<Integer> intParam(RoutingContext ctx, String name, int dflt, int min, int max) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            return Optional.of(dflt);
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        invalid(ctx, name, name + " must be a whole number from " + min + " to " + max);
        return Optional.empty();
    }

    // ---- answers (the shared shape: {@code {"error","field"?,"reason"}}, see {@link Answers})

    private static void invalid(RoutingContext ctx, String field, String reason) {
        Answers.fail(ctx, ApiError.invalid(field, reason));
    }

    private static void notFound(RoutingContext ctx, String field, String reason) {
        Answers.fail(ctx, new ApiError(404, "not found", field, reason));
    }

    private static void forbidden(RoutingContext ctx) {
        Answers.fail(ctx, new ApiError(403, "forbidden", "district", "district outside your scope"));
    }

    /** A report or chart that could not be made: the query's refusal as 400/403, Elasticsearch down as 503. */
    private static void failed(RoutingContext ctx, String what, Throwable e) {
        if (e instanceof QueryRejected rejected) {
            Answers.fail(ctx, rejected.kind() == QueryRejected.Kind.FORBIDDEN
                    ? new ApiError(403, "forbidden", rejected.field(), rejected.getMessage())
                    : ApiError.invalid(rejected.field(), rejected.getMessage()));
            return;
        }
        if (e instanceof QueryFailed) {
            LOG.warn("{} failed: {}", what, e.getMessage());
            Answers.fail(ctx, ApiError.unavailable("search and history are unavailable; try again shortly"));
            return;
        }
        Answers.fail(ctx, e); // logged there, answered 500 without details
    }

    /** One row of {@code /api/v1/districts}. */
    public record DistrictItem(String code, String stateCode, String stateName, String stateNameHi, String name,
                               String nameHi, String geoCode, boolean onMap) {
    }
}
