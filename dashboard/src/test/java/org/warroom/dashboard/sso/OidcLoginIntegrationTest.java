package org.warroom.dashboard.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Single sign-on end to end against a real Keycloak ({@link LocalKeycloak}): the dashboard discovers it, sends the
 * browser there with PKCE, state and nonce, the test fills in Keycloak's own login form, and the callback turns
 * the ID token's claims into a role, a scope, an account and a session, audited; claims that give no role are
 * refused, audited; the local break-glass login still works.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcLoginIntegrationTest {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private LocalKeycloak keycloak;
    private TestDashboard dashboard;
    private int port;

    @BeforeAll
    void start(LocalKafka kafka) throws IOException {
        keycloak = LocalKeycloak.start();
        System.out.printf("Keycloak answered discovery %d ms after its start; resident memory %d MiB%n",
                keycloak.startedIn.toMillis(), keycloak.residentMiB());
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dashboard = TestDashboard.start(kafka, TestDashboard.UNREACHABLE_ES, Map.of(
                "dashboard.port", Integer.toString(port),
                "oidc.issuer", keycloak.issuer(),
                "oidc.client.id", LocalKeycloak.CLIENT_ID,
                "oidc.client.secret", LocalKeycloak.CLIENT_SECRET,
                "oidc.redirect.url", "http://127.0.0.1:" + port + OidcRoutes.CALLBACK,
                "oidc.name", "State SSO",
                "oidc.roles", "district-collector=commander,state-control-room=operator",
                "oidc.claim.districts", "lgd_districts",
                "oidc.claim.states", "lgd_states"));
    }

    @AfterAll
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    @DisplayName("a district collector logs in through Keycloak's form and is a commander of district 188, audited login.oidc")
    void shouldLogInCommanderThroughProvider() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> provider = browser.get(dashboardUrl("/auth/oidc/provider"));
        assertThat(new JsonObject(provider.body()).getString("name")).isEqualTo("State SSO");

        HttpResponse<String> toProvider = browser.get(dashboardUrl("/auth/oidc/login?next=/district/188"));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = location(toProvider);
        assertThat(authorize).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?")
                .contains("code_challenge_method=S256", "code_challenge=", "state=", "nonce=", "scope=openid");
        assertThat(toProvider.headers().allValues("set-cookie")).anySatisfy(c ->
                assertThat(c).startsWith("warroom_oidc=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> back = browser.logInAtProvider(authorize, "collector.asha", "asha-test-password");
        assertThat(location(back)).startsWith("http://127.0.0.1:" + port + OidcRoutes.CALLBACK + "?");
        HttpResponse<String> callback = browser.get(location(back));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        assertThat(callback.body()).contains("url=/district/188");
        String session = callback.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("warroom_session=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");

        JsonObject me = new JsonObject(browser.get(dashboardUrl("/api/v1/me")).body());
        assertThat(me.getString("username")).isEqualTo("collector.asha");
        assertThat(me.getString("role")).isEqualTo("commander");
        assertThat(me.getJsonArray("districts").getList()).containsExactly("188");

        List<AuditEvent> audit = dashboard.readAll(AuditTopics.AUDIT);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("login.oidc");
            assertThat(e.actor()).isEqualTo("collector.asha");
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.details()).containsEntry("role", "commander").containsEntry("districts", "188")
                    .containsEntry("issuer", keycloak.issuer()).containsKey("subject");
            assertThat(e.details().get("subject")).isNotBlank();
        });

        // The account cannot be used with a password (break-glass is for local accounts only).
        assertThat(dashboard.tryLogin("collector.asha", "asha-test-password").statusCode()).isEqualTo(401);
        // Logging out ends the local session.
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(dashboardUrl("/api/v1/session"))).DELETE()
                .header("X-CSRF-Token", me.getString("csrf"))).statusCode()).isEqualTo(204);
        assertThat(browser.get(dashboardUrl("/api/v1/me")).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a state control room user becomes an operator limited to state 10")
    void shouldLogInStateOperator() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> back = browser.logInAtProvider(
                location(browser.get(dashboardUrl("/auth/oidc/login"))), "control.ravi", "ravi-test-password");
        HttpResponse<String> callback = browser.get(location(back));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        JsonObject me = new JsonObject(browser.get(dashboardUrl("/api/v1/me")).body());
        assertThat(me.getString("role")).isEqualTo("operator");
        assertThat(me.getJsonArray("states").getList()).containsExactly("10");
        assertThat(me.getBoolean("personalData")).isFalse();
    }

    @Test
    @DisplayName("a user whose claims map to no role is sent back to the login page with sso=refused, no session, audited")
    void shouldRefuseUserWithoutRole() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> back = browser.logInAtProvider(
                location(browser.get(dashboardUrl("/auth/oidc/login"))), "canteen.meena", "meena-test-password");
        HttpResponse<String> callback = browser.get(location(back));
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(location(callback)).isEqualTo("/login?sso=refused");
        assertThat(callback.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("warroom_session="));
        assertThat(browser.get(dashboardUrl("/api/v1/me")).statusCode()).isEqualTo(401);
        assertThat(dashboard.readAll(AuditTopics.AUDIT)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("login.oidc");
            assertThat(e.actor()).isEqualTo("canteen.meena");
            assertThat(e.outcome()).isEqualTo("denied");
            assertThat(e.details().get("reason")).contains("roles");
        });
    }

    @Test
    @DisplayName("a callback whose state is not this browser's login is refused with sso=failed")
    void shouldRefuseForeignState() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> back = browser.logInAtProvider(
                location(browser.get(dashboardUrl("/auth/oidc/login"))), "collector.asha", "asha-test-password");
        String forged = location(back).replaceAll("state=[^&]+", "state=forged");
        HttpResponse<String> callback = browser.get(forged);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(location(callback)).isEqualTo("/login?sso=failed");
        // Another browser (no flow cookie) cannot finish someone's login either.
        HttpResponse<String> stolen = new Browser().get(location(back));
        assertThat(location(stolen)).isEqualTo("/login?sso=failed");
    }

    @Test
    @DisplayName("local accounts stay for break-glass, and the login page offers the provider's button in both languages")
    void shouldKeepLocalLoginAndOfferButton() throws Exception {
        assertThat(dashboard.loginAdmin().token()).isNotBlank();
        String page = new Browser().get(dashboardUrl("/login")).body();
        assertThat(page).contains("id=\"login-sso-link\"").contains("href=\"/auth/oidc/login\"");
        // Every answer carries the request's correlation id (docs/LOGGING.md).
        HttpResponse<String> traced = new Browser().send(HttpRequest.newBuilder(URI.create(dashboardUrl("/login")))
                .header("X-Request-Id", "dash-req-1"));
        assertThat(traced.headers().firstValue("X-Request-Id")).contains("dash-req-1");
        String words = new Browser().get(dashboardUrl("/assets/words.js")).body();
        assertThat(words).contains("Log in with {name}").contains("{name} से लॉग इन करें");
    }

    private String dashboardUrl(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("location").orElseThrow(() -> new AssertionError(
                "no Location in " + answer.statusCode() + ": " + answer.body()));
    }

    /**
     * An HTTP client with a cookie jar that follows no redirect by itself: the test takes each step. Like a browser
     * on {@code http://127.0.0.1} (a secure context), it keeps {@code Secure} cookies too (Keycloak marks its own
     * so), and it keeps cookies per origin; a cookie with {@code Max-Age=0} is removed.
     */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, Map<String, String>> jar = new java.util.HashMap<>();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            String origin = built.uri().getHost() + ":" + built.uri().getPort();
            Map<String, String> cookies = jar.computeIfAbsent(origin, o -> new java.util.LinkedHashMap<>());
            if (!cookies.isEmpty()) {
                HttpRequest.Builder again = HttpRequest.newBuilder(built, (name, value) -> true);
                again.setHeader("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; ")));
                built = again.build();
            }
            HttpResponse<String> answer = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String set : answer.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.matches("(?i).*;\\s*max-age=0(;.*|$)")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return answer;
        }

        /** Opens the provider's login page and posts its real form; answers the provider's redirect back. */
        HttpResponse<String> logInAtProvider(String authorizeUrl, String username, String password)
                throws IOException, InterruptedException {
            HttpResponse<String> page = get(authorizeUrl);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            Matcher action = FORM_ACTION.matcher(page.body());
            assertThat(action.find()).as("Keycloak's login form in %s", page.body()).isTrue();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(answer.statusCode()).as("Keycloak's answer to the login form: %s", answer.body()).isEqualTo(302);
            assertThat(URLDecoder.decode(location(answer), StandardCharsets.UTF_8)).contains("code=");
            return answer;
        }
    }
}
