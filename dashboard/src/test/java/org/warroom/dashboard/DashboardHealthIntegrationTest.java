package org.warroom.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.elastic.DependencyHealth;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/** {@code GET /health} tells the truth about Kafka and Elasticsearch, against the real servers. */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
class DashboardHealthIntegrationTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    @Test
    @DisplayName("health is 200 when Kafka and Elasticsearch both answer")
    void shouldAnswer200WhenBothDependenciesAnswer(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        HttpResponse<Buffer> answer = health(kafka.bootstrap(), es.url());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject body = answer.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("ok");
        assertThat(body.getJsonObject("checks").getMap()).containsEntry("kafka", "ok").containsEntry("elasticsearch", "ok");
    }

    @Test
    @DisplayName("health is 503 and names Elasticsearch when it does not answer")
    void shouldAnswer503WhenElasticsearchIsUnreachable(LocalKafka kafka) throws Exception {
        HttpResponse<Buffer> answer = health(kafka.bootstrap(), "http://127.0.0.1:1");
        assertThat(answer.statusCode()).isEqualTo(503);
        JsonObject checks = answer.bodyAsJsonObject().getJsonObject("checks");
        assertThat(checks.getString("kafka")).isEqualTo("ok");
        assertThat(checks.getString("elasticsearch")).startsWith("unreachable");
    }

    @Test
    @DisplayName("Elasticsearch unreachable: /health/live 200, /health/ready 503 naming elasticsearch (one shape)")
    void shouldStayAliveButNotReadyWithoutElasticsearch(LocalKafka kafka) throws Exception {
        Map<String, HttpResponse<Buffer>> answers = get(kafka.bootstrap(), "http://127.0.0.1:1", "/health/live",
                "/health/ready");
        HttpResponse<Buffer> live = answers.get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");
        HttpResponse<Buffer> ready = answers.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
        JsonObject checks = ready.bodyAsJsonObject().getJsonObject("checks");
        assertThat(checks.getString("kafka")).isEqualTo("ok");
        assertThat(checks.getString("elasticsearch")).startsWith("unreachable");
    }

    @Test
    @DisplayName("both dependencies answering: /health/ready 200 with every check ok")
    void shouldBeReadyWhenBothDependenciesAnswer(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        HttpResponse<Buffer> ready = get(kafka.bootstrap(), es.url(), "/health/ready").get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.bodyAsJsonObject().getMap()).containsEntry("status", "UP");
        assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getMap()).containsEntry("kafka", "ok")
                .containsEntry("elasticsearch", "ok");
    }

    private HttpResponse<Buffer> health(String bootstrap, String esUrl) throws Exception {
        return get(bootstrap, esUrl, "/health").get("/health");
    }

    private Map<String, HttpResponse<Buffer>> get(String bootstrap, String esUrl, String... paths) throws Exception {
        DashboardConfig config = DashboardConfig.from(Settings.ofKeys(Map.of(
                "kafka.bootstrap", bootstrap, "es.url", esUrl, "dashboard.port", "0",
                "admin.password", "test-admin-password-1")));
        try (Admin admin = Admin.create(config.kafka().client());
             ElasticsearchClient elastic = ElasticClientFactory.create(config.elastic())) {
            DashboardVerticle verticle = new DashboardVerticle(config, new DependencyHealth(admin, elastic), elastic,
                    java.time.Clock.systemUTC());
            vertx.deployVerticle(verticle).await();
            Map<String, HttpResponse<Buffer>> answers = new java.util.LinkedHashMap<>();
            for (String path : paths) {
                answers.put(path, WebClient.create(vertx).get(verticle.actualPort(), "127.0.0.1", path).send().await());
            }
            return answers;
        }
    }
}
