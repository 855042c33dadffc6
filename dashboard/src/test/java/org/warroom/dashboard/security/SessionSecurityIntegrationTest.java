package org.warroom.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** Logins, sessions, CSRF and security headers against a real dashboard and broker. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSecurityIntegrationTest {
    private static final String PASSWORD = "operator-password-1";
    private TestDashboard dashboard;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka, TestDashboard.UNREACHABLE_ES, Map.of(
                "dashboard.session.idle", "10m", "dashboard.session.absolute", "1h",
                "dashboard.login.user.failures", "3", "dashboard.login.ip.failures", "50"));
        for (String user : List.of("sec-op", "sec-throttled", "sec-expiry", "sec-absolute", "sec-fixation", "sec-csrf",
                "sec-disabled")) {
            dashboard.saveUser(user, PASSWORD, "operator", List.of(), List.of());
        }
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    @Test
    @DisplayName("a login answers a token, a CSRF token and sets an HttpOnly SameSite=Strict cookie")
    void shouldSetHardenedCookieOnLogin() {
        HttpResponse<Buffer> answer = dashboard.tryLogin("sec-op", PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject body = answer.bodyAsJsonObject();
        assertThat(body.getString("token")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(body.getString("csrf")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(body.getString("token"));
        assertThat(body.getString("expiresAt")).isNotBlank();
        String cookie = answer.cookies().stream().filter(c -> c.startsWith("warroom_session=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .contains(body.getString("token")).doesNotContain("Secure");
    }

    @Test
    @DisplayName("a wrong password or unknown user answers 401, the same way")
    void shouldAnswer401ForBadCredentials() {
        HttpResponse<Buffer> wrong = dashboard.tryLogin("sec-op", "not-the-password");
        HttpResponse<Buffer> unknown = dashboard.tryLogin("nobody-here", "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.bodyAsJsonObject().getString("reason")).isEqualTo(unknown.bodyAsJsonObject().getString("reason"));
        assertThat(dashboard.tryLogin("sec-op", null).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("after 3 failed logins the username is throttled with 429 and Retry-After, even with the right password, until the window refills")
    void shouldThrottleRepeatedFailures() {
        for (int i = 0; i < 3; i++) {
            assertThat(dashboard.tryLogin("sec-throttled", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<Buffer> throttled = dashboard.tryLogin("sec-throttled", PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isPositive();
        assertThat(throttled.bodyAsJsonObject().getString("error")).isEqualTo("throttled");
        dashboard.clock.advance(Duration.ofMinutes(5));
        assertThat(dashboard.tryLogin("sec-throttled", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a session unused for longer than the idle limit ends; activity keeps it alive")
    void shouldExpireIdleSession() {
        Login login = dashboard.login("sec-expiry", PASSWORD);
        dashboard.clock.advance(Duration.ofMinutes(9));
        assertThat(dashboard.get("/api/v1/me", login).statusCode()).isEqualTo(200);
        dashboard.clock.advance(Duration.ofMinutes(9));
        assertThat(dashboard.get("/api/v1/me", login).statusCode()).isEqualTo(200);
        dashboard.clock.advance(Duration.ofMinutes(11));
        assertThat(dashboard.get("/api/v1/me", login).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("no session outlives the absolute limit, however busy")
    void shouldExpireAtAbsoluteLimit() {
        Login login = dashboard.login("sec-absolute", PASSWORD);
        for (int i = 0; i < 6; i++) {
            dashboard.clock.advance(Duration.ofMinutes(9));
            assertThat(dashboard.get("/api/v1/me", login).statusCode()).isEqualTo(200);
        }
        dashboard.clock.advance(Duration.ofMinutes(7));
        assertThat(dashboard.get("/api/v1/me", login).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("logging in with a planted session cookie gives a new token and ends the old one (no fixation); logout ends the session")
    void shouldNotFixateSessions() {
        Login first = dashboard.login("sec-fixation", PASSWORD);
        HttpResponse<Buffer> again = dashboard.request(HttpMethod.POST, "/api/v1/session").putHeader("Cookie", first.cookie())
                .sendJsonObject(new JsonObject().put("username", "sec-fixation").put("password", PASSWORD)).await();
        assertThat(again.statusCode()).isEqualTo(200);
        String second = again.bodyAsJsonObject().getString("token");
        assertThat(second).isNotEqualTo(first.token());
        assertThat(dashboard.get("/api/v1/me", first).statusCode()).isEqualTo(401);
        Login current = new Login("sec-fixation", second, again.bodyAsJsonObject().getString("csrf"));
        assertThat(dashboard.get("/api/v1/me", current).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> logout = dashboard.request(HttpMethod.DELETE, "/api/v1/session")
                .bearerTokenAuthentication(second).send().await();
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(dashboard.get("/api/v1/me", current).statusCode()).isEqualTo(401);
        assertThat(dashboard.get("/api/v1/me", new Login("x", "forged-token-" + "a".repeat(40), "")).statusCode())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("cookie-authenticated changes need the CSRF header and our own Origin; bearer calls need none")
    void shouldRejectCookieRequestsWithoutCsrfToken() {
        Login login = dashboard.login("sec-csrf", PASSWORD);
        JsonObject ack = new JsonObject().put("comment", "seen");
        HttpResponse<Buffer> noToken = dashboard.postWithCookie("/api/v1/alerts/no-such-alert/ack", login, ack, false);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.bodyAsJsonObject().getString("error")).isEqualTo("csrf");
        HttpResponse<Buffer> wrongToken = dashboard.request(HttpMethod.POST, "/api/v1/alerts/no-such-alert/ack")
                .putHeader("Cookie", login.cookie()).putHeader("X-CSRF-Token", "wrong").sendJsonObject(ack).await();
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> foreign = dashboard.request(HttpMethod.POST, "/api/v1/alerts/no-such-alert/ack")
                .putHeader("Cookie", login.cookie()).putHeader("X-CSRF-Token", login.csrf())
                .putHeader("Origin", "https://evil.example").sendJsonObject(ack).await();
        assertThat(foreign.statusCode()).isEqualTo(403);
        // With the token the request gets through to the handler (which knows no such alert).
        assertThat(dashboard.postWithCookie("/api/v1/alerts/no-such-alert/ack", login, ack, true).statusCode()).isEqualTo(404);
        assertThat(dashboard.post("/api/v1/alerts/no-such-alert/ack", login, ack).statusCode()).isEqualTo(404);
        // Reading with the cookie needs no token.
        assertThat(dashboard.request(HttpMethod.GET, "/api/v1/me").putHeader("Cookie", login.cookie()).send().await()
                .bodyAsJsonObject().getString("csrf")).isEqualTo(login.csrf());
    }

    @Test
    @DisplayName("disabling a user ends their sessions at once and refuses their logins")
    void shouldEndSessionsOfDisabledUser() {
        Login login = dashboard.login("sec-disabled", PASSWORD);
        HttpResponse<Buffer> disable = dashboard.post("/api/v1/admin/users", dashboard.loginAdmin(),
                new JsonObject().put("username", "sec-disabled").put("disabled", true));
        assertThat(disable.statusCode()).as(disable.bodyAsString()).isEqualTo(200);
        assertThat(dashboard.get("/api/v1/me", login).statusCode()).isEqualTo(401);
        assertThat(dashboard.tryLogin("sec-disabled", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("every answer carries CSP, X-Frame-Options, Referrer-Policy and nosniff; no HSTS without TLS")
    void shouldSendSecurityHeadersEverywhere() {
        Login login = dashboard.login("sec-op", PASSWORD);
        List<HttpResponse<Buffer>> answers = List.of(
                dashboard.get("/api/v1/me", login),
                dashboard.get("/api/v1/overview", login),
                dashboard.request(HttpMethod.GET, "/api/v1/me").send().await(),
                dashboard.request(HttpMethod.GET, "/").send().await(),
                dashboard.request(HttpMethod.GET, "/login").send().await(),
                dashboard.request(HttpMethod.GET, "/no/such/page").send().await(),
                dashboard.request(HttpMethod.GET, "/health").send().await(),
                dashboard.tryLogin("sec-op", "wrong-password"));
        for (HttpResponse<Buffer> a : answers) {
            assertThat(a.getHeader("Content-Security-Policy")).contains("default-src 'self'")
                    .contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                    .contains("frame-ancestors 'none'");
            assertThat(a.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(a.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(a.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(a.getHeader("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    @DisplayName("pages redirect to /login without a session; the JSON API answers 401")
    void shouldGuardPagesAndApi() {
        HttpResponse<Buffer> page = dashboard.request(HttpMethod.GET, "/district/396").send().await();
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.getHeader("Location")).isEqualTo("/login?next=%2Fdistrict%2F396");
        HttpResponse<Buffer> api = dashboard.request(HttpMethod.GET, "/api/v1/overview").send().await();
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
    }
}
