package org.warroom.dashboard.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.account.UserAccount;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.security.Authenticator;
import org.warroom.dashboard.security.LoginThrottle;
import org.warroom.dashboard.security.PasswordHasher;
import org.warroom.dashboard.security.Session;
import org.warroom.dashboard.security.SessionStore;
import org.warroom.vertxkafka.UserDirectory;

/**
 * Logging in and out, and who am I: {@code POST /api/v1/session} (throttled, audited, a new token every time),
 * {@code DELETE /api/v1/session}, {@code GET /api/v1/me}.
 */
public final class SessionApi {
    private final Vertx vertx;
    private final UserDirectory users;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final Authenticator auth;
    private final AuditLog audit;

    public SessionApi(Vertx vertx, UserDirectory users, SessionStore sessions, LoginThrottle throttle,
                      Authenticator auth, AuditLog audit) {
        this.vertx = vertx;
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.auth = auth;
        this.audit = audit;
    }

    public void handleLogin(RoutingContext ctx) {
        JsonObject body = Answers.body(ctx);
        String username = Answers.string(body, "username", 64);
        String password = Answers.string(body, "password", 256);
        if (username == null || username.isBlank()) {
            throw ApiError.invalid("username", "is required");
        }
        if (password == null || password.isEmpty()) {
            throw ApiError.invalid("password", "is required");
        }
        String name = username.strip();
        String address = Answers.address(ctx);
        Optional<Duration> refused = throttle.attempt(name, address);
        if (refused.isPresent()) {
            long seconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
            audit.record(name, null, "login.throttled", name, null, "denied", address, Map.of());
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            Answers.error(ctx, 429, "throttled", null, "too many failed logins; try again in " + seconds + " s");
            return;
        }
        Optional<UserAccount> user = users.find(name);
        vertx.executeBlocking(() -> PasswordHasher.matches(password, user.map(UserAccount::passwordHash).orElse(null))
                        && user.isPresent() && !user.get().disabled())
                .compose(ok -> ok ? loggedIn(ctx, user.get(), address) : refused(name, address))
                .onSuccess(answer -> Answers.ok(ctx, answer))
                .onFailure(e -> Answers.fail(ctx, e));
    }

    private Future<Map<String, Object>> refused(String name, String address) {
        return audit.record(name, null, "login.failure", name, null, "denied", address, Map.of())
                .otherwiseEmpty()
                .compose(v -> Future.failedFuture(new ApiError(401, "unauthenticated", null, "wrong username or password")));
    }

    private Future<Map<String, Object>> loggedIn(RoutingContext ctx, UserAccount user, String address) {
        // No fixation: whatever session the browser brought ends; the login always gets a new token.
        Optional.ofNullable(ctx.request().getCookie(Authenticator.COOKIE)).ifPresent(c -> sessions.end(c.getValue()));
        throttle.succeeded(user.username(), address);
        return audit.record(user.username(), user.role(), "login.success", user.username(), null, "ok", address, Map.of())
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; try again")))
                .compose(v -> sessions.open(user.username(), address)
                        .recover(e -> Future.failedFuture(ApiError.unavailable("sessions cannot be stored; try again"))))
                .map(session -> {
                    ctx.response().addCookie(auth.cookie(session));
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("token", session.token());
                    answer.put("csrf", session.csrf());
                    answer.put("expiresAt", sessions.expiresAt(session).toString());
                    answer.put("absoluteExpiresAt", session.expiresAt().toString());
                    answer.put("username", user.username());
                    answer.put("role", user.role());
                    return answer;
                });
    }

    public void handleLogout(RoutingContext ctx) {
        Optional<Session> session = Authenticator.session(ctx);
        ctx.response().addCookie(auth.expiredCookie());
        if (session.isEmpty()) {
            ctx.response().setStatusCode(204).end();
            return;
        }
        sessions.end(session.get().token());
        audit.record(session.get().username(), null, "logout", session.get().username(), null, "ok", Answers.address(ctx), Map.of())
                .onComplete(ar -> ctx.response().setStatusCode(204).end());
    }

    public void handleMe(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", viewer.username());
        me.put("role", viewer.role().wire());
        me.put("districts", viewer.scope().allDistricts() ? java.util.List.of()
                : viewer.scope().districts().stream().sorted().toList());
        me.put("allDistricts", viewer.scope().allDistricts());
        me.put("states", viewer.scope().states().stream().sorted().toList());
        me.put("categories", viewer.categories());
        me.put("personalData", viewer.scope().personalData());
        me.put("csrf", viewer.csrfToken());
        Authenticator.session(ctx).ifPresent(s -> me.put("expiresAt", sessions.expiresAt(s).toString()));
        Answers.ok(ctx, me);
    }
}
