package org.warroom.dashboard.access;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.account.Role;

/**
 * The authenticated caller of one request: who, in which role, what they may see ({@link Scope}), the alert
 * categories they handle (responders; empty = all), the CSRF token of their session, and the complaint desks
 * (departments) of an officer. The authentication
 * handler puts it into the routing context; every handler after it reads it with {@link #of(RoutingContext)}.
 */
public record Viewer(String username, Role role, Scope scope, List<String> categories, String csrfToken,
                     List<String> departments) {
    private static final String KEY = "warroom.viewer";

    public Viewer {
        categories = List.copyOf(categories);
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** A viewer without complaint desks (every role but officer). */
    public Viewer(String username, Role role, Scope scope, List<String> categories, String csrfToken) {
        this(username, role, scope, categories, csrfToken, List.of());
    }

    public void attachTo(RoutingContext ctx) {
        ctx.put(KEY, this);
    }

    /** The caller, when the request was authenticated. */
    public static Optional<Viewer> find(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(KEY));
    }

    /** The caller; only for handlers mounted behind the authentication handler. */
    public static Viewer of(RoutingContext ctx) {
        return find(ctx).orElseThrow(() -> new IllegalStateException("route is not behind authentication"));
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
