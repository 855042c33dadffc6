package org.warroom.dashboard.elastic;

import java.util.Optional;
import org.warroom.contracts.config.Settings;

/**
 * How to reach Elasticsearch: {@code es.url} (default http://127.0.0.1:9200), optional basic-auth credentials
 * {@code es.username}/{@code es.password}, a CA certificate {@code es.ca.cert} (PEM) for a TLS cluster, the
 * index prefix {@code es.index.prefix} (default {@code warroom}), and replicas per index {@code es.replicas}.
 */
public record ElasticSettings(String url, Optional<String> username, Optional<String> password,
                              Optional<String> caCertificate, String indexPrefix, int replicas) {

    public static ElasticSettings from(Settings settings) {
        return new ElasticSettings(
                settings.get("es.url", "http://127.0.0.1:9200"),
                settings.find("es.username"),
                settings.find("es.password"),
                settings.find("es.ca.cert"),
                settings.get("es.index.prefix", "warroom"),
                settings.getInt("es.replicas", 0));
    }
}
