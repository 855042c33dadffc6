package org.warroom.dashboard.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Viewer;

/**
 * The browser pages (DASHBOARD-PROTOCOL.md): static HTML from {@code webroot/} behind the page guards — no
 * session: redirect to {@code /login?next=<path>}; {@code /district/{code}} outside the viewer's scope: 403;
 * {@code /admin}: administrators only. Scripts and styles under {@code /assets/} are public (they hold no data).
 * A page whose HTML is not part of the build answers 404.
 */
public final class PageRoutes {
    private static final String WEBROOT = "webroot/";

    private final DistrictDirectory districts;

    public PageRoutes(DistrictDirectory districts) {
        this.districts = districts;
    }

    /** Declares every page route; the router must already run the authentication handler. */
    public void mount(Router router) {
        WebRoutes.mountAssets(router);
        router.get("/login").handler(ctx -> page(ctx, "login.html"));
        router.get("/").handler(this::handleWall);
        router.get("/district/:code").handler(this::handleDistrict);
        router.get("/alerts").handler(ctx -> signedIn(ctx, "alerts.html"));
        router.get("/workers").handler(ctx -> signedIn(ctx, "workers.html"));
        router.get("/search").handler(ctx -> signedIn(ctx, "search.html"));
        router.get("/india").handler(ctx -> signedIn(ctx, "india.html"));
        router.get("/report").handler(ctx -> signedIn(ctx, "report.html"));
        router.get("/campaigns").handler(ctx -> signedIn(ctx, "campaigns.html"));
        router.get("/admin").handler(ctx -> adminOnly(ctx, "admin.html"));
        router.get("/admin/settings").handler(ctx -> adminOnly(ctx, "settings.html"));
        router.get("/complaints").handler(ctx -> signedIn(ctx, "complaints.html"));
        router.get("/complaints/new").handler(ctx -> signedIn(ctx, "complaint-new.html"));
        router.get("/shift").handler(ctx -> signedIn(ctx, "shift.html"));
        router.get("/triage").handler(ctx -> signedIn(ctx, "triage.html"));
        router.get("/posts").handler(ctx -> signedIn(ctx, "posts.html"));
    }

    private void handleWall(RoutingContext ctx) {
        signedIn(ctx, "wall.html");
    }

    private void handleDistrict(RoutingContext ctx) {
        Optional<Viewer> viewer = viewerOrLogin(ctx);
        if (viewer.isEmpty()) {
            return;
        }
        Optional<District> district = districts.byCode(ctx.pathParam("code"));
        if (district.isEmpty()) {
            plain(ctx, 404, "No district with this LGD code.");
        } else if (!viewer.get().scope().sees(district.get().code())) {
            plain(ctx, 403, "This district is outside your scope.");
        } else {
            page(ctx, "district.html");
        }
    }

    private void adminOnly(RoutingContext ctx, String file) {
        Optional<Viewer> viewer = viewerOrLogin(ctx);
        if (viewer.isEmpty()) {
            return;
        }
        if (!viewer.get().isAdmin()) {
            plain(ctx, 403, "For administrators only.");
        } else {
            page(ctx, file);
        }
    }

    private void signedIn(RoutingContext ctx, String file) {
        if (viewerOrLogin(ctx).isPresent()) {
            page(ctx, file);
        }
    }

    private static Optional<Viewer> viewerOrLogin(RoutingContext ctx) {
        Optional<Viewer> viewer = Viewer.find(ctx);
        if (viewer.isEmpty()) {
            String next = URLEncoder.encode(ctx.request().path(), StandardCharsets.UTF_8);
            ctx.response().setStatusCode(302).putHeader("Location", "/login?next=" + next)
                    .putHeader("Cache-Control", "no-store").end();
        }
        return viewer;
    }

    private static void page(RoutingContext ctx, String file) {
        if (PageRoutes.class.getClassLoader().getResource(WEBROOT + file) == null) {
            plain(ctx, 404, "This page is not part of this build.");
            return;
        }
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
                .sendFile(WEBROOT + file);
    }

    private static void plain(RoutingContext ctx, int status, String text) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(text);
    }
}
