package org.warroom.dashboard;

import java.nio.file.Path;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.config.Settings;
import org.warroom.dashboard.elastic.ElasticSettings;

/**
 * The dashboard service's configuration, read once at start and validated: {@code dashboard.host}
 * (default 127.0.0.1; 0.0.0.0 in containers), {@code dashboard.port} (8080; 0 picks a free port), Kafka and
 * Elasticsearch, and the local data folder {@code data.dir} where generated first secrets are kept.
 */
public record DashboardConfig(String host, int port, KafkaSettings kafka, ElasticSettings elastic, Path dataDir) {

    public static DashboardConfig from(Settings settings) {
        return new DashboardConfig(
                settings.get("dashboard.host", "127.0.0.1"),
                settings.getPort("dashboard.port", 8080),
                KafkaSettings.from(settings),
                ElasticSettings.from(settings),
                Path.of(settings.get("data.dir", ".warroom")));
    }
}
