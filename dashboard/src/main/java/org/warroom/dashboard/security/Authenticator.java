package org.warroom.dashboard.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;
import org.warroom.dashboard.http.Answers;
import org.warroom.vertxkafka.UserDirectory;

/**
 * Who is calling: the session token from {@code Authorization: Bearer}, else from the cookie
 * {@value #COOKIE} (else, on the websocket only, from {@code ?token=}), turned into a {@link Viewer} from the
 * user's current record (a role or district change applies at once; a disabled user is nobody). Cookie-
 * authenticated state-changing requests must carry the session's CSRF token in {@value #CSRF_HEADER} and, when
 * the browser names an Origin, come from our own.
 */
public final class Authenticator {
    public static final String COOKIE = "warroom_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_KEY = "warroom.session";
    private static final String BY_COOKIE_KEY = "warroom.by-cookie";
    private static final String DEVICE_KEY = "warroom.device";
    /** The cookie of a registered wall display (its device credential). */
    public static final String DEVICE_COOKIE = "warroom_display";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SessionStore sessions;
    private final UserDirectory users;
    private final DistrictDirectory districts;
    private final DeviceCredentials devices;

    public Authenticator(SessionStore sessions, UserDirectory users, DistrictDirectory districts) {
        this(sessions, users, districts, DeviceCredentials.NONE);
    }

    public Authenticator(SessionStore sessions, UserDirectory users, DistrictDirectory districts,
                         DeviceCredentials devices) {
        this.sessions = sessions;
        this.users = users;
        this.districts = districts;
        this.devices = devices;
    }

    /**
     * Attaches the viewer when the request carries a live session, or a live device credential (a registered wall
     * display: bearer, its own cookie {@value #DEVICE_COOKIE}, or {@code ?token=} on the websocket). Answers by itself
     * only to refuse a device what it may not do (403): devices read their view and nothing else.
     */
    public void identify(RoutingContext ctx) {
        String bearer = bearer(ctx);
        List<String> tokens = new ArrayList<>(2);
        boolean byCookie = false;
        if (bearer != null) {
            tokens.add(bearer);
        } else {
            Cookie cookie = ctx.request().getCookie(COOKIE);
            Cookie device = ctx.request().getCookie(DEVICE_COOKIE);
            if (cookie != null || device != null) {
                byCookie = true;
                if (cookie != null) {
                    tokens.add(cookie.getValue());
                }
                if (device != null) {
                    tokens.add(device.getValue());
                }
            } else if ("/ws".equals(ctx.normalizedPath()) && ctx.request().getParam("token") != null) {
                tokens.add(ctx.request().getParam("token"));
            }
        }
        for (String token : tokens) {
            if (devices.recognises(token)) {
                Optional<Viewer> device = devices.viewerOf(token);
                if (device.isEmpty()) {
                    continue;
                }
                if (!devices.allows(ctx.request().method(), ctx.normalizedPath())) {
                    Answers.error(ctx, 403, "forbidden", null, "a wall display only reads its own view");
                    return;
                }
                device.get().attachTo(ctx);
                ctx.put(DEVICE_KEY, token);
                ctx.put(BY_COOKIE_KEY, byCookie);
                break;
            }
            Optional<Session> session = sessions.use(token);
            Optional<Viewer> viewer = session.flatMap(this::viewerOf);
            if (viewer.isPresent()) {
                viewer.get().attachTo(ctx);
                ctx.put(SESSION_KEY, session.get());
                ctx.put(BY_COOKIE_KEY, byCookie);
                break;
            }
        }
        ctx.next();
    }

    /** The device credential this request was authenticated by (a wall display), if it was. */
    public static Optional<String> device(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(DEVICE_KEY));
    }

    /** The viewer of a device credential now (empty once revoked). */
    public Optional<Viewer> deviceViewer(String credential) {
        return devices.viewerOf(credential);
    }

    /** For the JSON API: 401 without a viewer; 403 for a cookie-authenticated change without the CSRF token. */
    public void requireApi(RoutingContext ctx) {
        if (Viewer.find(ctx).isEmpty()) {
            Answers.error(ctx, 401, "unauthenticated", null, "log in first (POST /api/v1/session)");
            return;
        }
        if (!csrfOk(ctx)) {
            Answers.error(ctx, 403, "csrf", null, "missing or wrong " + CSRF_HEADER + " header, or a foreign Origin");
            return;
        }
        ctx.next();
    }

    /** Admins only (after {@link #requireApi}). */
    public void requireAdmin(RoutingContext ctx) {
        if (!Viewer.of(ctx).isAdmin()) {
            Answers.error(ctx, 403, "forbidden", null, "for administrators only");
            return;
        }
        ctx.next();
    }

    /** Whether a state-changing request made with the cookie carries the right CSRF token from our own origin. */
    public boolean csrfOk(RoutingContext ctx) {
        if (SAFE.contains(ctx.request().method()) || !Boolean.TRUE.equals(ctx.get(BY_COOKIE_KEY))) {
            return true;
        }
        Session session = ctx.get(SESSION_KEY);
        return session != null && Tokens.equal(ctx.request().getHeader(CSRF_HEADER), session.csrf()) && sameOrigin(ctx);
    }

    /** An Origin header, when present, must name the host the request was sent to. */
    public static boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.request().getHeader("Host");
        try {
            URI uri = new URI(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && uri.getHost() != null && (host.equalsIgnoreCase(authority)
                    || host.equalsIgnoreCase(uri.getHost()) && defaultPort(uri));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean defaultPort(URI uri) {
        return uri.getPort() < 0;
    }

    /** The session of this request, when authenticated. */
    public static Optional<Session> session(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(SESSION_KEY));
    }

    /** The viewer of a session: its user's current record, unless disabled or gone. */
    public Optional<Viewer> viewerOf(Session session) {
        return users.find(session.username()).filter(u -> !u.disabled()).map(u -> viewerOf(u, session.csrf()));
    }

    /** The viewer of a user's current record (its scope from its role, districts and states). */
    public Viewer viewerOf(UserAccount user, String csrf) {
        Role role = user.roleEnum();
        return new Viewer(user.username(), role, Visibility.scopeOf(user, districts),
                role == Role.RESPONDER ? user.categories() : java.util.List.of(), csrf,
                role == Role.OFFICER ? user.departments() : java.util.List.of());
    }

    /** The session cookie: HttpOnly, SameSite=Strict, Secure when configured, for the session's absolute life. */
    public Cookie cookie(Session session) {
        return Cookie.cookie(COOKIE, session.token()).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(sessions.settings().secureCookie())
                .setMaxAge(Duration.between(session.createdAt(), session.expiresAt()).toSeconds());
    }

    /** The cookie of a wall display: its credential, HttpOnly, SameSite=Strict, kept for 400 days (browsers' limit). */
    public Cookie deviceCookie(String credential) {
        return Cookie.cookie(DEVICE_COOKIE, credential).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(sessions.settings().secureCookie()).setMaxAge(Duration.ofDays(400).toSeconds());
    }

    /** The cookie that removes the session cookie. */
    public Cookie expiredCookie() {
        return Cookie.cookie(COOKIE, "").setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(sessions.settings().secureCookie()).setMaxAge(0);
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
