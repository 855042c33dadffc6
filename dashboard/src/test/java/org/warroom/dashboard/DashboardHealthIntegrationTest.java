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

    private HttpResponse<Buffer> health(String bootstrap, String esUrl) throws Exception {
        DashboardConfig config = DashboardConfig.from(Settings.ofKeys(Map.of(
                "kafka.bootstrap", bootstrap, "es.url", esUrl, "dashboard.port", "0",
                "admin.password", "test-admin-password-1")));
        try (Admin admin = Admin.create(config.kafka().client());
             ElasticsearchClient elastic = ElasticClientFactory.create(config.elastic())) {
            DashboardVerticle verticle = new DashboardVerticle(config, new DependencyHealth(admin, elastic), elastic,
                    java.time.Clock.systemUTC());
            vertx.deployVerticle(verticle).await();
            return WebClient.create(vertx).get(verticle.actualPort(), "127.0.0.1", "/health").send().await();
        }
    }
}
