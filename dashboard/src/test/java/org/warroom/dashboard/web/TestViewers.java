package org.warroom.dashboard.web;

import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.warroom.contracts.account.Role;
import org.warroom.dashboard.access.Scope;
import org.warroom.dashboard.access.Viewer;

/**
 * Test-only stand-in for the authentication handler: the request header {@code X-Test-Viewer} names one of the
 * viewers below, which is attached to the routing context; no header (or an unknown name) answers 401.
 */
final class TestViewers {
    static final String HEADER = "X-Test-Viewer";
    static final Map<String, Viewer> VIEWERS = Map.of(
            "operator", new Viewer("olga", Role.OPERATOR, Scope.everywhere(false), List.of(), "csrf-o"),
            "admin", new Viewer("root", Role.ADMIN, Scope.everywhere(true), List.of(), "csrf-a"),
            "commander-bhopal", new Viewer("kamal", Role.COMMANDER, Scope.districts(Set.of("396"), true), List.of(),
                    "csrf-c"),
            "responder-sehore", new Viewer("rita", Role.RESPONDER, Scope.districts(Set.of("427"), false),
                    List.of("medicine"), "csrf-r"));

    private TestViewers() {
    }

    static void authenticate(Router router) {
        router.route("/api/*").handler(ctx -> {
            String name = ctx.request().getHeader(HEADER);
            Viewer viewer = name == null ? null : VIEWERS.get(name);
            if (viewer == null) {
                ctx.response().setStatusCode(401).end();
                return;
            }
            viewer.attachTo(ctx);
            ctx.next();
        });
    }
}
