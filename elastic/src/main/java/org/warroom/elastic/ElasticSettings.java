package org.warroom.elastic;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * How to reach Elasticsearch and how our indices are laid out: {@code es.url} (default http://127.0.0.1:9200; a
 * comma-separated list of nodes' URLs for a cluster, e.g. {@code https://es01:9200,https://es02:9200}: the client
 * spreads requests over them and skips a node that does not answer),
 * optional basic-auth credentials {@code es.username}/{@code es.password}, a CA certificate {@code es.ca.cert} (PEM)
 * for a TLS cluster, the index prefix {@code es.index.prefix} (default {@code warroom}), replicas per index
 * {@code es.replicas} (default 0), primary shards per index {@code es.shards} (default 1), the analyser of message
 * text and ticket notes {@code es.text.analyzer} (default {@code standard}, which tokenises Devanagari and Latin
 * alike; {@code hindi} on a full distribution), and the refresh intervals: {@code es.refresh.interval} (default
 * {@code 1s}: an event is searchable about a second after it was indexed) for the families people search live
 * ({@link IndexFamily#searchedLive()}), {@code es.refresh.interval.background} (default {@code 5s}) for the rest. A
 * refresh of an index that received documents costs Elasticsearch a new segment and later merges: on two busy cores
 * seven indices refreshed every second were its largest use of CPU (docs/BENCHMARKS.md).
 */
public record ElasticSettings(String url, Optional<String> username, Optional<String> password,
                              Optional<String> caCertificate, String indexPrefix, int replicas,
                              int shards, String textAnalyzer, String refreshInterval,
                              String backgroundRefreshInterval) {

    public ElasticSettings {
        if (hosts(url).isEmpty()) {
            throw new ConfigException("es.url", "must name at least one node, e.g. http://127.0.0.1:9200");
        }
        for (String host : hosts(url)) {
            if (!host.startsWith("http://") && !host.startsWith("https://")) {
                throw new ConfigException("es.url", "each node's URL must start with http:// or https://, was '" + host + "'");
            }
        }
        if (!indexPrefix.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new ConfigException("es.index.prefix", "must be lower-case letters, digits, '-', '_' or '.', was '"
                    + indexPrefix + "'");
        }
        if (replicas < 0) {
            throw new ConfigException("es.replicas", "must be 0 or more, was " + replicas);
        }
        if (shards < 1) {
            throw new ConfigException("es.shards", "must be at least 1, was " + shards);
        }
        if (!textAnalyzer.matches("[A-Za-z0-9_-]+")) {
            throw new ConfigException("es.text.analyzer", "must be an analyser name, was '" + textAnalyzer + "'");
        }
        if (!refreshInterval.matches("-1|[0-9]+(ms|s|m)")) {
            throw new ConfigException("es.refresh.interval", "must be like 1s, 500ms or -1, was '" + refreshInterval + "'");
        }
        if (!backgroundRefreshInterval.matches("-1|[0-9]+(ms|s|m)")) {
            throw new ConfigException("es.refresh.interval.background", "must be like 5s, 500ms or -1, was '"
                    + backgroundRefreshInterval + "'");
        }
    }

    public static ElasticSettings from(Settings settings) {
        return new ElasticSettings(
                settings.get("es.url", "http://127.0.0.1:9200"),
                settings.find("es.username"),
                settings.find("es.password"),
                settings.find("es.ca.cert"),
                settings.get("es.index.prefix", "warroom"),
                settings.getInt("es.replicas", 0),
                settings.getInt("es.shards", 1),
                settings.get("es.text.analyzer", "standard"),
                settings.get("es.refresh.interval", "1s"),
                settings.get("es.refresh.interval.background", "5s"));
    }

    /** The refresh interval of the family's indices. */
    public String refreshInterval(IndexFamily family) {
        return family.searchedLive() ? refreshInterval : backgroundRefreshInterval;
    }

    /** The nodes' URLs, in the order given. */
    public List<String> hosts() {
        return hosts(url);
    }

    private static List<String> hosts(String url) {
        return Arrays.stream(url.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    /** The index names of this deployment. */
    public IndexNames names() {
        return new IndexNames(indexPrefix);
    }
}
