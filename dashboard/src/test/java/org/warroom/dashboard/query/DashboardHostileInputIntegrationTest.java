package org.warroom.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.CorpusBody;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/**
 * The dashboard's hostile input corpus ({@code src/test/resources/hostile/dashboard-corpus.json}) against the real
 * dashboard server, the real broker and a real Elasticsearch holding {@link QueryFixture}'s day: every case gets
 * its listed status and the field named in the error, answers stay within the caller's districts, markup comes
 * back escaped, no answer is a 5xx, and every answer carries the security headers. The counts are kept true in
 * docs/SECURITY.md by {@link #shouldMatchTheCountsInSecurityDoc()}.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardHostileInputIntegrationTest {
    private static final String CORPUS = "/hostile/dashboard-corpus.json";
    private static final String PASSWORD = "hostile-password-1";
    private TestDashboard dashboard;
    private QueryFixture fixture;
    private Login operator;
    private Login commander;
    private Login admin;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        fixture = QueryFixture.load(es);
        dashboard = TestDashboard.start(kafka, es.url(), Map.of("es.index.prefix", fixture.names.prefix()));
        dashboard.saveUser("hx-op", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("hx-cmd", PASSWORD, "commander", List.of("396"), List.of());
        logIn();
    }

    private void logIn() {
        operator = dashboard.login("hx-op", PASSWORD);
        commander = dashboard.login("hx-cmd", PASSWORD);
        admin = dashboard.loginAdmin();
    }

    @AfterAll
    void stop() throws IOException {
        dashboard.close();
        fixture.client.close();
    }

    static JsonArray corpus() {
        try (InputStream in = DashboardHostileInputIntegrationTest.class.getResourceAsStream(CORPUS)) {
            return new JsonObject(Buffer.buffer(in.readAllBytes())).getJsonArray("cases");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("every hostile request gets its listed 4xx naming the field, or an answer kept to the caller's scope; never a 5xx; headers always")
    void shouldRefuseOrContainEveryHostileRequest() {
        JsonArray cases = corpus();
        List<String> holes = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonObject c = cases.getJsonObject(i);
            HttpResponse<Buffer> answer;
            try {
                answer = send(c.getJsonObject("request"));
            } catch (RuntimeException closed) {
                // refused at the HTTP layer (a line or header over the server's limits): the connection is closed
                if (!c.getJsonObject("expect").getBoolean("closedAllowed", false)) {
                    holes.add(c.getString("name") + ": " + closed);
                }
                continue;
            }
            check(c, answer, holes);
        }
        assertThat(dashboard.request(HttpMethod.GET, "/health").send().await().statusCode()).isEqualTo(200);
        assertThat(holes).isEmpty();
    }

    @Test
    @DisplayName("docs/SECURITY.md lists the dashboard corpus's real count of cases and outcomes")
    void shouldMatchTheCountsInSecurityDoc() throws IOException {
        Path doc = Path.of("..", "docs", "SECURITY.md");
        String text = Files.exists(doc) ? Files.readString(doc) : "(missing " + doc.toAbsolutePath() + ")";
        JsonArray cases = corpus();
        StringBuilder row = new StringBuilder("| dashboard | ").append(cases.size()).append(" |");
        for (String outcome : List.of("rejected", "contained", "stored-inert")) {
            row.append(' ').append(cases.stream().map(JsonObject.class::cast)
                    .filter(c -> outcome.equals(c.getString("outcome"))).count()).append(" |");
        }
        assertThat(text).contains(row.toString());
    }

    private HttpResponse<Buffer> send(JsonObject r) {
        String actor = r.getString("as");
        Login who = switch (actor) {
            case "operator" -> operator;
            case "commander" -> commander;
            case "admin" -> admin;
            case "expired" -> expiredSession();
            case "logged-out" -> loggedOutSession();
            case "forged" -> new Login("nobody", "Zm9yZ2VkLXNlc3Npb24tdG9rZW4tMDAwMDAwMDAwMDAwMDAwMDAw", "forged-csrf");
            default -> null;
        };
        String path = r.getString("path").replace("${token}", operator.token());
        HttpRequest<Buffer> request = dashboard.request(HttpMethod.valueOf(r.getString("method")), path);
        // A fresh connection per case: some cases (an oversized header) make the server close the connection, and a
        // pooled one could be handed to the next case while it closes.
        request.putHeader("Connection", "close");
        if (who != null) {
            switch (r.getString("auth", "bearer")) {
                case "cookie" -> request.putHeader("Cookie", who.cookie());
                case "cookie-csrf" -> request.putHeader("Cookie", who.cookie()).putHeader("X-CSRF-Token", who.csrf());
                default -> request.bearerTokenAuthentication(who.token());
            }
        }
        r.getJsonObject("headers", new JsonObject()).forEach(h -> request.putHeader(h.getKey(), String.valueOf(h.getValue())));
        if (!r.containsKey("body")) {
            return request.send().await();
        }
        request.putHeader("Content-Type", r.getString("contentType", "application/json"));
        return request.sendBuffer(Buffer.buffer(CorpusBody.expand(r.getString("body")))).await();
    }

    private Login expiredSession() {
        Login stale = dashboard.login("hx-op", PASSWORD);
        dashboard.clock.advance(Duration.ofMinutes(31));
        logIn();
        return stale;
    }

    private Login loggedOutSession() {
        Login gone = dashboard.login("hx-op", PASSWORD);
        dashboard.request(HttpMethod.DELETE, "/api/v1/session").bearerTokenAuthentication(gone.token()).send().await();
        return gone;
    }

    private static void check(JsonObject c, HttpResponse<Buffer> a, List<String> holes) {
        String name = c.getString("name");
        JsonObject e = c.getJsonObject("expect");
        String body = a.bodyAsString() == null ? "" : a.bodyAsString();
        String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        List<Integer> allowed = e.containsKey("status") ? List.of(e.getInteger("status"))
                : e.getJsonArray("statusIn").stream().map(Integer.class::cast).toList();
        if (!allowed.contains(a.statusCode())) {
            holes.add(name + ": status " + a.statusCode() + " (expected " + allowed + ") " + shown);
            return;
        }
        if (a.statusCode() >= 500) {
            holes.add(name + ": a server error");
        }
        if (!SecurityHeadersCheck.present(a)) {
            holes.add(name + ": security headers missing");
        }
        boolean json = Objects.requireNonNullElse(a.getHeader("Content-Type"), "").startsWith("application/json");
        if (e.containsKey("field") && a.statusCode() >= 400 && a.statusCode() != 413 && a.statusCode() != 414
                && a.statusCode() != 431) {
            Object field = json ? new JsonObject(body).getValue("field") : "(not JSON)";
            if (!Objects.equals(field, e.getString("field"))) {
                holes.add(name + ": the error names field " + field + " (expected " + e.getString("field") + ") " + shown);
            }
        }
        boolean refusedBeforeRouting = a.statusCode() == 414 || a.statusCode() == 431; // by the HTTP layer: Vert.x's body
        if (a.statusCode() >= 400 && path(c).startsWith("/api/") && !path(c).contains("/../") && !json && !refusedBeforeRouting) {
            holes.add(name + ": an API error that is not JSON");
        }
        if (e.containsKey("location") && !Objects.requireNonNullElse(a.getHeader("Location"), "").startsWith(e.getString("location"))) {
            holes.add(name + ": redirected to " + a.getHeader("Location"));
        }
        for (Object forbidden : e.getJsonArray("notContains", new JsonArray())) {
            if (body.contains((String) forbidden)) {
                holes.add(name + ": the answer holds " + forbidden);
            }
        }
        if (e.containsKey("onlyDistricts") && a.statusCode() == 200) {
            List<Object> districts = new JsonObject(body).getJsonArray("items").stream().map(JsonObject.class::cast)
                    .map(i -> i.getValue("district")).toList();
            for (Object d : districts) {
                if (!e.getJsonArray("onlyDistricts").contains(d)) {
                    holes.add(name + ": an item of district " + d + " reached the commander");
                }
            }
        }
        if (e.getBoolean("highlightsEscaped", false)) {
            JsonArray items = new JsonObject(body).getJsonArray("items");
            if (items.isEmpty()) {
                holes.add(name + ": the fixture's message with markup was not found");
            }
            for (Object item : items) {
                for (Object h : ((JsonObject) item).getJsonArray("highlights", new JsonArray())) {
                    String text = ((String) h).replace("<mark>", "").replace("</mark>", "");
                    if (text.contains("<") || text.contains(">")) {
                        holes.add(name + ": a highlight holds raw markup: " + h);
                    }
                }
            }
        }
    }

    private static String path(JsonObject c) {
        return c.getJsonObject("request").getString("path");
    }

    /** The headers every answer must carry (docs/DASHBOARD-PROTOCOL.md). */
    static final class SecurityHeadersCheck {
        private SecurityHeadersCheck() {
        }

        static boolean present(HttpResponse<Buffer> a) {
            return a.getHeader("Content-Security-Policy") != null && "DENY".equals(a.getHeader("X-Frame-Options"))
                    && "nosniff".equals(a.getHeader("X-Content-Type-Options"))
                    && "no-referrer".equals(a.getHeader("Referrer-Policy"));
        }
    }
}
