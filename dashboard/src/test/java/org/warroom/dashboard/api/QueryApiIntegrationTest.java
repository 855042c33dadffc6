package org.warroom.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/** Search, worker search, trends and alert history through the query services, scoped, against the real servers. */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiIntegrationTest {
    private static final String PASSWORD = "query-api-password-1";
    private TestDashboard dashboard;
    private Login operator;
    private Login commander;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch es) {
        dashboard = TestDashboard.start(kafka, es.url(), Map.of());
        dashboard.saveUser("q-op", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("q-cmd", PASSWORD, "commander", List.of("396"), List.of());
        operator = dashboard.login("q-op", PASSWORD);
        commander = dashboard.login("q-cmd", PASSWORD);
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    @Test
    @DisplayName("search answers {total, items}; a commander asking for another district gets 403 naming the field")
    void shouldSearchWithinScope() {
        HttpResponse<Buffer> answer = dashboard.get("/api/v1/search?q=ration", operator);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isIn(200, 503);
        if (answer.statusCode() == 200) {
            assertThat(answer.bodyAsJsonObject().fieldNames()).contains("total", "items");
        }
        HttpResponse<Buffer> other = dashboard.get("/api/v1/search?q=ration&district=395", commander);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.bodyAsJsonObject().getString("field")).isEqualTo("district");
        assertThat(dashboard.get("/api/v1/search?q=x&from=yesterday", operator).bodyAsJsonObject().getString("field"))
                .isEqualTo("from");
        assertThat(dashboard.get("/api/v1/search?q=x&feed=gossip", operator).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("trends, worker search and alert history keep a commander to their districts")
    void shouldScopeOtherQueries() {
        assertThat(dashboard.get("/api/v1/districts/395/trends?hours=24", commander).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/workers/search?district=395", commander).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/alerts/history?district=395", commander).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/districts/396/trends?hours=9999", commander).statusCode()).isEqualTo(400);
        HttpResponse<Buffer> own = dashboard.get("/api/v1/districts/396/trends?hours=24", commander);
        assertThat(own.statusCode()).as(own.bodyAsString()).isIn(200, 503);
        JsonObject me = dashboard.get("/api/v1/me", commander).bodyAsJsonObject();
        assertThat(me.getJsonArray("districts").getList()).containsExactly("396");
    }
}
