package org.warroom.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.dashboard.access.Scope;
import org.warroom.dashboard.query.QueryFailed;
import org.warroom.dashboard.query.QueryRejected;

/** The pages' own routes over HTTP, behind a test authentication handler, with a recording report source. */
class WebRoutesTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static Vertx vertx;
    private static HttpServer server;
    private static WebClient client;
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    record Call(Scope scope, LocalDate date, String district) {
    }

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        TestViewers.authenticate(router);
        Clock clock = Clock.fixed(SampleReports.NOON.toInstant(), IST);
        ReportSource reports = (scope, date, district) -> {
            CALLS.add(new Call(scope, date, district));
            return SampleReports.report(date, district);
        };
        WebRoutes.mount(router, new WebDependencies(vertx, DistrictDirectory.load(), StateDirectory.load(), reports,
                clock, IST));
        WebRoutes.mountAssets(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.actualPort()));
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @BeforeEach
    void forget() {
        CALLS.clear();
    }

    private static HttpResponse<Buffer> get(String viewer, String uri) {
        var request = client.get(uri);
        if (viewer != null) {
            request.putHeader(TestViewers.HEADER, viewer);
        }
        return request.send().await();
    }

    @Test
    @DisplayName("geo/23 answers every Madhya Pradesh district on the map with its LGD code, English and Hindi name")
    void shouldServeMadhyaPradeshMapWithLgdCodes() {
        HttpResponse<Buffer> answer = get("commander-bhopal", "/api/v1/geo/23");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.getHeader("Content-Type")).startsWith("application/geo+json");
        JsonArray features = answer.bodyAsJsonObject().getJsonArray("features");
        Set<String> codes = features.stream().map(f -> ((JsonObject) f).getJsonObject("properties").getString("code"))
                .collect(Collectors.toSet());
        assertThat(codes).hasSize(52).contains("396", "397", "667", "722");
        JsonObject bhopal = features.stream().map(f -> ((JsonObject) f).getJsonObject("properties"))
                .filter(p -> p.getString("code").equals("396")).findFirst().orElseThrow();
        assertThat(bhopal.getString("name")).isEqualTo("Bhopal");
        assertThat(bhopal.getString("nameHi")).isEqualTo("भोपाल");
        assertThat(get("operator", "/api/v1/geo/MP").bodyAsJsonObject().getJsonArray("features")).hasSize(52);
        assertThat(get("operator", "/api/v1/geo/10").bodyAsJsonObject().getJsonArray("features")).hasSize(38);
        assertThat(get("operator", "/api/v1/geo/27").bodyAsJsonObject().getJsonArray("features")).hasSize(35);
        assertThat(get("operator", "/api/v1/geo/7").statusCode()).isEqualTo(404);
        JsonArray states = get("operator", "/api/v1/geo/india").bodyAsJsonObject().getJsonArray("features");
        assertThat(states).hasSize(36);
        assertThat(states.stream().map(f -> ((JsonObject) f).getJsonObject("properties"))
                .filter(p -> p.getString("code").equals("23")).findFirst().orElseThrow().getInteger("districts")).isEqualTo(52);
        assertThat(get(null, "/api/v1/geo/23").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("geo lists the states with a map that the viewer has districts in")
    void shouldListMappedStatesInScope() {
        JsonArray all = get("operator", "/api/v1/geo").bodyAsJsonObject().getJsonArray("items");
        assertThat(all.stream().map(i -> ((JsonObject) i).getString("code")).toList()).hasSize(35).contains("10", "23", "27")
                .doesNotContain("7");
        JsonArray mine = get("commander-bhopal", "/api/v1/geo").bodyAsJsonObject().getJsonArray("items");
        assertThat(mine).hasSize(1);
        assertThat(mine.getJsonObject(0).getString("nameHi")).isEqualTo("मध्य प्रदेश");
        assertThat(mine.getJsonObject(0).getInteger("districts")).isEqualTo(52);
    }

    @Test
    @DisplayName("districts lists only the districts in the viewer's scope")
    void shouldListOnlyDistrictsInScope() {
        JsonArray mine = get("commander-bhopal", "/api/v1/districts").bodyAsJsonObject().getJsonArray("items");
        assertThat(mine).hasSize(1);
        JsonObject bhopal = mine.getJsonObject(0);
        assertThat(bhopal.getString("code")).isEqualTo("396");
        assertThat(bhopal.getString("stateName")).isEqualTo("Madhya Pradesh");
        assertThat(bhopal.getBoolean("onMap")).isTrue();
        JsonArray mp = get("operator", "/api/v1/districts?state=23").bodyAsJsonObject().getJsonArray("items");
        assertThat(mp).hasSize(52);
        assertThat(get("operator", "/api/v1/districts").bodyAsJsonObject().getJsonArray("items").size())
                .isGreaterThan(700);
        assertThat(get("operator", "/api/v1/districts?state=Atlantis").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            "operator,         /api/v1/report?district=396,              200",
            "operator,         /api/v1/report?district=99999,            404",
            "admin,            /api/v1/report?district=427,              200",
            "commander-bhopal, /api/v1/report?district=396,              200",
            "commander-bhopal, /api/v1/report?district=427,              403",
            "commander-bhopal, /api/v1/report?district=99999,            403",
            "commander-bhopal, /api/v1/charts/trend.png?district=396,    200",
            "commander-bhopal, /api/v1/charts/trend.png?district=427,    403",
            "commander-bhopal, /api/v1/charts/shortages.png?district=0427, 403",
            "responder-sehore, /api/v1/charts/backlogs.png?district=396, 403",
            "responder-sehore, /api/v1/report?district=427,              200",
            "operator,         /api/v1/charts/nope.png,                  404",
            "operator,         /api/v1/charts/trend.png?width=5,         400",
            "operator,         /api/v1/charts/trend.png?height=abc,      400",
            "operator,         /api/v1/charts/trend.png?lang=fr,         400",
            "operator,         /api/v1/charts/workers.png?by=shoe,       400",
            "operator,         /api/v1/report?date=yesterday,            400",
    })
    @DisplayName("scoping and parameter matrix of report and charts")
    void shouldEnforceScopeAndParameters(String viewer, String uri, int status) {
        HttpResponse<Buffer> answer = get(viewer, uri);
        assertThat(answer.statusCode()).isEqualTo(status);
        if (status >= 400) {
            assertThat(answer.bodyAsJsonObject().getString("error")).isNotBlank();
            assertThat(CALLS).as("nothing is read for a refused request").isEmpty();
        }
    }

    @Test
    @DisplayName("a commander's report without a district is read with the commander's scope, for today in IST")
    void shouldPassViewerScopeToReportSource() {
        HttpResponse<Buffer> answer = get("commander-bhopal", "/api/v1/report");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(CALLS).hasSize(1);
        Call call = CALLS.get(0);
        assertThat(call.scope().allDistricts()).isFalse();
        assertThat(call.scope().districts()).containsExactly("396");
        assertThat(call.date()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(call.district()).isNull();
        JsonObject body = answer.bodyAsJsonObject();
        assertThat(body.getString("date")).isEqualTo("2026-04-01");
        assertThat(body.getJsonArray("shortages").getJsonObject(0).getString("status")).isEqualTo("CRITICAL");
        assertThat(body.getJsonArray("trend")).hasSize(24);
        assertThat(body.getJsonObject("today").getLong("calls")).isEqualTo(5160);
        assertThat(body.getJsonObject("change").getDouble("calls")).isEqualTo(260.0);
        assertThat(body.getJsonArray("trend").getJsonObject(0).getString("hour")).isEqualTo("2026-04-01T00:00:00+05:30");
    }

    @Test
    @DisplayName("a chart answers a PNG of the requested size, for the day and district asked")
    void shouldRenderChartPngOfRequestedSize() throws Exception {
        HttpResponse<Buffer> answer = get("operator",
                "/api/v1/charts/trend.png?district=396&date=2026-03-30&width=900&height=300&lang=hi");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.getHeader("Content-Type")).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.body().getBytes()));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(CALLS).containsExactly(new Call(CALLS.get(0).scope(), LocalDate.of(2026, 3, 30), "396"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"bug, 500", "elasticsearch-down, 503", "forbidden, 403", "invalid, 400"})
    @DisplayName("a failing report source answers 500/503/403/400 without internal detail")
    void shouldMapSourceFailures(String failure, int status) {
        Vertx other = Vertx.vertx();
        try {
            Router router = Router.router(other);
            TestViewers.authenticate(router);
            WebRoutes.mount(router, WebDependencies.of(other, (scope, date, district) -> {
                throw switch (failure) {
                    case "bug" -> new IllegalStateException("broken at 10.0.0.7");
                    case "elasticsearch-down" -> new QueryFailed("report",
                            new java.net.ConnectException("10.0.0.7:9200 refused"));
                    case "forbidden" -> QueryRejected.forbidden("district", "district outside your scope");
                    default -> QueryRejected.invalid("date", "date is in the future");
                };
            }));
            HttpServer s = other.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
            HttpResponse<Buffer> answer = WebClient.create(other).get(s.actualPort(), "127.0.0.1", "/api/v1/report")
                    .putHeader(TestViewers.HEADER, "operator").send().await();
            assertThat(answer.statusCode()).isEqualTo(status);
            assertThat(answer.bodyAsJsonObject().getString("error")).isNotBlank();
            assertThat(answer.bodyAsString()).doesNotContain("10.0.0.7");
        } finally {
            other.close().await();
        }
    }

    @Test
    @DisplayName("errors have the API's one shape: {error, field, reason}, not cached")
    void shouldAnswerErrorsInTheSharedShape() {
        HttpResponse<Buffer> answer = get("operator", "/api/v1/charts/trend.png?width=5");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonObject body = answer.bodyAsJsonObject();
        assertThat(body.getString("error")).isEqualTo("invalid");
        assertThat(body.getString("field")).isEqualTo("width");
        assertThat(body.getString("reason")).isEqualTo("width must be a whole number from 120 to 2400");
        HttpResponse<Buffer> outside = get("commander-bhopal", "/api/v1/report?district=427");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.bodyAsJsonObject().getMap()).containsEntry("error", "forbidden")
                .containsEntry("field", "district").containsEntry("reason", "district outside your scope");
    }

    @Test
    @DisplayName("assets are served with a JavaScript type for modules, and pages' scripts exist")
    void shouldServeAssets() {
        HttpResponse<Buffer> answer = client.get("/assets/wall.js").send().await();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.getHeader("Content-Type")).contains("javascript");
        assertThat(client.get("/assets/../webroot/wall.html").send().await().statusCode()).isNotEqualTo(200);
    }
}
