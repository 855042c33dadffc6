package org.warroom.dashboard;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.warroom.dashboard.health.DependencyHealth;

/** The dashboard's HTTP server: routes declared together, handlers below. */
public final class DashboardVerticle extends VerticleBase {
    private final DashboardConfig config;
    private final DependencyHealth health;
    private HttpServer server;

    public DashboardVerticle(DashboardConfig config, DependencyHealth health) {
        this.config = config;
        this.health = health;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/health").handler(this::handleHealth);
        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(config.port(), config.host())
                .onSuccess(s -> server = s);
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }

    private void handleHealth(RoutingContext ctx) {
        vertx.executeBlocking(health::check).onComplete(result -> {
            JsonObject body = new JsonObject();
            boolean ok = result.succeeded() && DependencyHealth.allOk(result.result());
            body.put("status", ok ? "ok" : "unavailable");
            if (result.succeeded()) {
                body.put("checks", new JsonObject(new java.util.LinkedHashMap<>(result.result())));
            }
            ctx.response().setStatusCode(ok ? 200 : 503)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(body.encode());
        });
    }
}
