package org.warroom.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.RealElasticsearch;

/** {@code es.url} as a cluster's list of nodes (the compose file names three): the client uses every node given. */
@ExtendWith(RealElasticsearch.class)
class ElasticClusterUrlsIntegrationTest {

    @Test
    @DisplayName("a comma-separated es.url is a list of nodes; with one node down the client still answers from another")
    void shouldUseEveryNodeOfTheList(LocalElasticsearch es) throws Exception {
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url",
                "http://127.0.0.1:1, " + es.url() + " ,")));
        assertThat(settings.hosts()).containsExactly("http://127.0.0.1:1", es.url());
        try (ElasticsearchClient client = ElasticClientFactory.create(settings)) {
            RestClient rest = ((RestClientTransport) client._transport()).restClient();
            assertThat(rest.getNodes()).extracting(n -> n.getHost().toURI())
                    .as("the client holds every node of the list, in its order")
                    .containsExactly("http://127.0.0.1:1", es.url());
            String clusterName = client.cluster().health().clusterName();
            // the dead node is first in the list: every request must still be answered, by the live node
            for (int i = 0; i < 6; i++) {
                HealthResponse health = client.cluster().health();
                assertThat(health.clusterName()).isEqualTo(clusterName);
                assertThat(health.numberOfNodes()).as("the local single-node cluster").isEqualTo(1);
            }
        }
    }

    @Test
    @DisplayName("an es.url entry without a scheme, or an empty list, is refused at start naming the key")
    void shouldRefuseBadUrls() {
        for (String bad : List.of("es01:9200", "https://es01:9200,es02:9200", " , ")) {
            assertThatThrownBy(() -> ElasticSettings.from(Settings.ofKeys(Map.of("es.url", bad))))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("es.url");
        }
    }
}
