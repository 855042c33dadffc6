package org.warroom.dashboard.bulletin;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.web.GeoLibrary;

/**
 * The public bulletin's routes (API.md "Public and outward"; docs/BULLETIN.md), the only data answered without a
 * session:
 * <ul>
 *   <li>{@code GET /public} — the page (static HTML; its figures come from the JSON below)</li>
 *   <li>{@code GET /public/v1/bulletin} — the cached snapshot ({@link BulletinCache}), with an ETag</li>
 *   <li>{@code GET /public/v1/geo/{stateCode}} — a state's district boundaries (public reference data) for its map</li>
 * </ul>
 * Every one of them goes through the bulletin's own rate limit (429 with {@code Retry-After}); while an administrator
 * has switched the bulletin off, the JSON answers 503. Administrators: {@code GET /api/v1/admin/bulletin} and
 * {@code PUT /api/v1/admin/bulletin} {@code {"enabled": true|false}} (audited as {@code bulletin.switch}).
 */
public final class BulletinRoutes {
    private static final String PAGE = "webroot/public.html";

    private final BulletinCache cache;
    private final BulletinSwitch onOff;
    private final PublicRateLimit limit;
    private final GeoLibrary geo;
    private final StateDirectory states;
    private final AuditLog audit;
    private final Clock clock;
    private final String maxAge;

    public BulletinRoutes(BulletinCache cache, BulletinSwitch onOff, PublicRateLimit limit, GeoLibrary geo,
                          StateDirectory states, AuditLog audit, Clock clock, Duration refresh) {
        this.cache = cache;
        this.onOff = onOff;
        this.limit = limit;
        this.geo = geo;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
        this.maxAge = "public, max-age=" + Math.max(1, refresh.toSeconds());
    }

    /** The public routes; mount them before the authentication handler (they never read a session). */
    public void mountPublic(Router router) {
        router.routeWithRegex("^/public(/.*)?$").handler(this::handleLimit);
        router.get("/public").handler(this::handlePage);
        router.get("/public/v1/bulletin").handler(this::handleBulletin);
        router.get("/public/v1/geo/:stateCode").handler(this::handleGeo);
    }

    /** The administrators' switch; mount behind the administrators' guard. */
    public void mountAdmin(Router router) {
        router.get("/api/v1/admin/bulletin").handler(this::handleGetSwitch);
        router.put("/api/v1/admin/bulletin").handler(this::handleSetSwitch);
    }

    private void handleLimit(RoutingContext ctx) {
        Optional<Duration> wait = limit.take(Answers.address(ctx));
        if (wait.isEmpty()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
        Answers.error(ctx, 429, "rate-limited", null, "too many requests from this address; try again shortly");
    }

    private void handlePage(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", maxAge)
                .sendFile(PAGE);
    }

    private void handleBulletin(RoutingContext ctx) {
        if (!onOff.enabled()) {
            switchedOff(ctx);
            return;
        }
        Optional<BulletinSnapshot> snapshot = cache.current();
        if (snapshot.isEmpty()) {
            ctx.response().putHeader("Retry-After", "5");
            Answers.error(ctx, 503, "unavailable", null, "the bulletin is being prepared; try again shortly");
            return;
        }
        BulletinSnapshot s = snapshot.get();
        ctx.response().putHeader("ETag", s.etag()).putHeader("Cache-Control", maxAge);
        if (s.etag().equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8").end(s.json());
    }

    private void handleGeo(RoutingContext ctx) {
        if (!onOff.enabled()) {
            switchedOff(ctx);
            return;
        }
        String param = ctx.pathParam("stateCode");
        Optional<byte[]> body = states.resolve(param).flatMap(geo::state);
        if (body.isEmpty()) {
            Answers.fail(ctx, new ApiError(404, "not found", "stateCode", "no district map for state '" + param + "'"));
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/geo+json; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=3600").end(Buffer.buffer(body.get()));
    }

    private static void switchedOff(RoutingContext ctx) {
        Answers.error(ctx, 503, "switched-off", null, "the public bulletin is switched off");
    }

    private void handleGetSwitch(RoutingContext ctx) {
        Answers.ok(ctx, view(onOff.state()));
    }

    private void handleSetSwitch(RoutingContext ctx) {
        Viewer admin = Viewer.of(ctx);
        JsonObject body = Answers.body(ctx);
        Object enabled = body.getValue("enabled");
        if (!(enabled instanceof Boolean on)) {
            throw ApiError.invalid("enabled", "must be true or false");
        }
        BulletinSwitchState next = new BulletinSwitchState(on, admin.username(), clock.instant());
        audit.record(admin.username(), admin.role().wire(), "bulletin.switch", "public-bulletin", null, "ok",
                        Answers.address(ctx), Map.of("enabled", Boolean.toString(on)))
                .recover(e -> Future.failedFuture(
                        ApiError.unavailable("the audit log cannot be written; the bulletin was not switched")))
                .compose(v -> onOff.set(next))
                .onSuccess(saved -> Answers.ok(ctx, view(saved)))
                .onFailure(e -> Answers.fail(ctx, e instanceof ApiError ? e
                        : ApiError.unavailable("the switch could not be stored: " + e.getMessage())));
    }

    private static Map<String, Object> view(BulletinSwitchState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", s.enabled());
        out.put("changedBy", s.changedBy());
        out.put("changedAt", s.changedAt());
        return out;
    }
}
