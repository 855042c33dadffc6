package org.warroom.dashboard.sso;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.security.Authenticator;
import org.warroom.dashboard.security.SessionStore;
import org.warroom.dashboard.security.Tokens;

/**
 * Logging in through the state's OpenID Connect provider (docs/SECURITY.md, "Single sign-on"), the authorization
 * code flow with PKCE, state and nonce, by Vert.x's OAuth2/OIDC client: {@code GET /auth/oidc/provider} (the
 * button's name, for the login page), {@code GET /auth/oidc/login?next=} (to the provider), {@code GET
 * /auth/oidc/callback} (back: the ID token verified against the provider's keys, its claims mapped to a role and
 * scope, the account kept, the same session a local login opens, audited {@code login.oidc}). Claims that give no
 * role, a wrong state or nonce, or a provider error: back to {@code /login?sso=refused|failed}, audited.
 */
public final class OidcRoutes {
    public static final String CALLBACK = "/auth/oidc/callback";
    static final String FLOW_COOKIE = "warroom_oidc";
    private static final Duration FLOW_LIFE = Duration.ofMinutes(10);

    private final OAuth2Auth provider;
    private final OidcSettings settings;
    private final ClaimMapping mapping;
    private final SsoAccounts accounts;
    private final SessionStore sessions;
    private final Authenticator auth;
    private final AuditLog audit;

    public OidcRoutes(OAuth2Auth provider, OidcSettings settings, ClaimMapping mapping, SsoAccounts accounts,
                       SessionStore sessions, Authenticator auth, AuditLog audit) {
        this.provider = provider;
        this.settings = settings;
        this.mapping = mapping;
        this.accounts = accounts;
        this.sessions = sessions;
        this.auth = auth;
        this.audit = audit;
    }

    /** Reads the provider's discovery document and keys; fails when the provider cannot be reached or is not OIDC. */
    public static Future<OAuth2Auth> discover(Vertx vertx, OidcSettings settings) {
        OAuth2Options options = new OAuth2Options()
                .setSite(settings.issuer().toString()).setClientId(settings.clientId())
                .setClientSecret(settings.clientSecret());
        return OpenIDConnectAuth.discover(vertx, options)
                .recover(e -> Future.failedFuture(new IllegalStateException("single sign-on: the provider "
                        + settings.issuer() + " cannot be discovered: " + e.getMessage(), e)));
    }

    public void mount(Router router) {
        router.get("/auth/oidc/provider").handler(this::handleProvider);
        router.get("/auth/oidc/login").handler(this::handleLogin);
        router.get(CALLBACK).handler(this::handleCallback);
    }

    private void handleProvider(RoutingContext ctx) {
        Answers.ok(ctx, Map.of("name", settings.name(), "login", "/auth/oidc/login"));
    }

    private void handleLogin(RoutingContext ctx) {
        LoginFlow flow = LoginFlow.start(ctx.request().getParam("next"));
        String url = provider.authorizeURL(new OAuth2AuthorizationURL()
                .setRedirectUri(settings.redirectUrl().toString()).setScopes(settings.scopes())
                .setState(flow.state()).setCodeChallenge(flow.challenge()).setCodeChallengeMethod("S256")
                .putAdditionalParameter("nonce", flow.nonce()));
        ctx.response().addCookie(flowCookie(flow.cookieValue(), FLOW_LIFE.toSeconds()))
                .putHeader("Cache-Control", "no-store").putHeader("Location", url).setStatusCode(302).end();
    }

    private void handleCallback(RoutingContext ctx) {
        String address = Answers.address(ctx);
        Cookie cookie = ctx.request().getCookie(FLOW_COOKIE);
        Optional<LoginFlow> flow = LoginFlow.fromCookie(cookie == null ? null : cookie.getValue());
        ctx.response().addCookie(flowCookie("", 0));
        String error = ctx.request().getParam("error");
        if (error != null) {
            failed(ctx, address, null, "the provider answered " + error);
            return;
        }
        String code = ctx.request().getParam("code");
        if (flow.isEmpty() || code == null || !Tokens.equal(flow.get().state(), ctx.request().getParam("state"))) {
            failed(ctx, address, null, "the login was not started here (state missing or different)");
            return;
        }
        provider.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE).setCode(code)
                        .setRedirectUri(settings.redirectUrl().toString()).setCodeVerifier(flow.get().verifier()))
                .onFailure(e -> failed(ctx, address, null, "the code was not accepted: " + e.getMessage()))
                .onSuccess(user -> verified(ctx, address, flow.get(), user));
    }

    private void verified(RoutingContext ctx, String address, LoginFlow flow, User user) {
        JsonObject claims = user.attributes().getJsonObject("idToken");
        if (claims == null) {
            failed(ctx, address, null, "the provider sent no ID token");
            return;
        }
        String subject = claims.getString("sub");
        if (!Tokens.equal(flow.nonce(), claims.getString("nonce"))) {
            failed(ctx, address, subject, "the ID token's nonce is not this login's");
            return;
        }
        if (!settings.issuer().toString().equals(claims.getString("iss")) || !audience(claims)) {
            failed(ctx, address, subject, "the ID token was issued by or for someone else");
            return;
        }
        ClaimMapping.Outcome outcome = mapping.map(claims);
        if (outcome instanceof ClaimMapping.Refused refused) {
            refused(ctx, address, subject, refused.username(), refused.reason());
            return;
        }
        ClaimMapping.Mapped mapped = (ClaimMapping.Mapped) outcome;
        accounts.provision(mapped)
                .onFailure(e -> {
                    if (e instanceof SsoAccounts.Refusal) {
                        refused(ctx, address, subject, mapped.username(), e.getMessage());
                    } else {
                        failed(ctx, address, subject, "the account cannot be stored: " + e.getMessage());
                    }
                })
                .onSuccess(provisioned -> loggedIn(ctx, address, flow, mapped, provisioned));
    }

    private boolean audience(JsonObject claims) {
        Object aud = claims.getValue("aud");
        return settings.clientId().equals(aud) || aud instanceof JsonArray list && list.contains(settings.clientId());
    }

    private void loggedIn(RoutingContext ctx, String address, LoginFlow flow, ClaimMapping.Mapped mapped,
                          SsoAccounts.Provisioned provisioned) {
        Optional.ofNullable(ctx.request().getCookie(Authenticator.COOKIE)).ifPresent(c -> sessions.end(c.getValue()));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("subject", mapped.subject());
        details.put("issuer", settings.issuer().toString());
        details.put("role", mapped.role().wire());
        details.put("districts", String.join(",", mapped.districts()));
        details.put("states", String.join(",", mapped.states()));
        details.put("account", provisioned.change());
        audit.record(mapped.username(), mapped.role().wire(), "login.oidc", mapped.username(), null, "ok", address, details)
                .compose(v -> sessions.open(mapped.username(), address))
                .onFailure(e -> failed(ctx, address, mapped.subject(), "the session cannot be stored: " + e.getMessage()))
                .onSuccess(session -> {
                    // The session cookie is SameSite=Strict: a browser does not send it on the redirect that came
                    // from the provider's site, so the way on is a page of our own that moves to the next page.
                    String next = flow.next();
                    ctx.response().addCookie(auth.cookie(session)).putHeader("Content-Type", "text/html; charset=utf-8")
                            .putHeader("Cache-Control", "no-store")
                            .end("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url="
                                    + escape(next) + "\"></head><body></body></html>");
                });
    }

    private void refused(RoutingContext ctx, String address, String subject, String username, String reason) {
        finish(ctx, address, subject, username, reason, "refused");
    }

    private void failed(RoutingContext ctx, String address, String subject, String reason) {
        finish(ctx, address, subject, null, reason, "failed");
    }

    private void finish(RoutingContext ctx, String address, String subject, String username, String reason, String why) {
        if (ctx.response().ended()) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (subject != null) {
            details.put("subject", subject);
        }
        details.put("issuer", settings.issuer().toString());
        details.put("reason", reason);
        String actor = username == null ? (subject == null ? "unknown" : subject) : username;
        audit.record(actor, null, "login.oidc", actor, null, "denied", address, details)
                .onComplete(ar -> ctx.response().putHeader("Cache-Control", "no-store")
                        .putHeader("Location", "/login?sso=" + URLEncoder.encode(why, StandardCharsets.UTF_8))
                        .setStatusCode(302).end());
    }

    private Cookie flowCookie(String value, long maxAgeSeconds) {
        // Lax, not Strict: it must come back on the provider's redirect to the callback (a top-level GET).
        return Cookie.cookie(FLOW_COOKIE, value).setPath("/auth/oidc").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setSecure(sessions.settings().secureCookie()).setMaxAge(maxAgeSeconds);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
