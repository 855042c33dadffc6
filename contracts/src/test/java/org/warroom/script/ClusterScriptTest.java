package org.warroom.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The local cluster's wiring without starting it (issue 26; the full proof is {@code bin/warroom faults --cluster},
 * docs/RELIABILITY.md): the configuration {@code bin/warroom up --cluster} generates for the three Kafka nodes, the
 * three Elasticsearch nodes and the proxy, and {@code status} naming every node and instance of a cluster.
 */
class ClusterScriptTest {
    private static final Path ROOT = Path.of(System.getProperty("warroom.home", "..")).toAbsolutePath().normalize();

    private Path data;

    @BeforeEach
    void dataDir() throws IOException {
        data = Files.createTempDirectory("warroom-cluster-test");
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(concat(List.of("bash", ROOT.resolve("bin/warroom").toString()), args))
                .directory(ROOT.toFile());
        pb.environment().putAll(Map.of("WARROOM_DATA_DIR", data.toString(), "WARROOM_KAFKA_PORT", "23092",
                "WARROOM_ES_PORT", "23200", "WARROOM_ES_TRANSPORT_PORT", "23300", "WARROOM_DASHBOARD_PORT", "23080",
                "WARROOM_INGEST_PORT", "23081", "WARROOM_CLUSTER_SERVICE_PORT", "23100"));
        pb.environment().remove("WARROOM_KAFKA_CONTROLLER_PORT");
        Path out = data.resolve("out.txt");
        Path err = data.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toList();
    }

    @Test
    @DisplayName("three Kafka nodes, each broker and controller, one quorum, replication 3 and min.insync.replicas 2")
    void kafkaNodes() throws Exception {
        Path out = data.resolve("config");
        Run r = run("cluster-config", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (int n = 1; n <= 3; n++) {
            String p = Files.readString(out.resolve("kafka-" + n + ".properties"));
            assertThat(p).contains("node.id=" + n, "process.roles=broker,controller",
                    "controller.quorum.voters=1@127.0.0.1:23192,2@127.0.0.1:23193,3@127.0.0.1:23194",
                    "listeners=PLAINTEXT://127.0.0.1:" + (23091 + n) + ",CONTROLLER://127.0.0.1:" + (23191 + n),
                    "default.replication.factor=3", "min.insync.replicas=2", "offsets.topic.replication.factor=3",
                    "transaction.state.log.replication.factor=3", "transaction.state.log.min.isr=2",
                    "unclean.leader.election.enable=false", "log.dirs=" + data.resolve("kafka-" + n + "/data"));
        }
    }

    @Test
    @DisplayName("three Elasticsearch nodes that find each other and bootstrap one cluster")
    void elasticsearchNodes() throws Exception {
        Path out = data.resolve("config");
        assertThat(run("cluster-config", out.toString()).exit()).isZero();
        for (int n = 1; n <= 3; n++) {
            String yml = Files.readString(out.resolve("elasticsearch-" + n + ".yml"));
            assertThat(yml).contains("node.name: es-" + n, "http.port: " + (23199 + n), "transport.port: " + (23299 + n),
                    "discovery.seed_hosts: [\"127.0.0.1:23300\", \"127.0.0.1:23301\", \"127.0.0.1:23302\"]",
                    "cluster.initial_master_nodes: [\"es-1\", \"es-2\", \"es-3\"]")
                    .doesNotContain("single-node");
        }
    }

    @Test
    @DisplayName("the proxy spreads the dashboard and ingest over two instances each, upgrades websockets, sends writes on")
    void proxy() throws Exception {
        Path out = data.resolve("config");
        assertThat(run("cluster-config", out.toString()).exit()).isZero();
        String conf = Files.readString(out.resolve("nginx.conf"));
        assertThat(conf).contains("listen 127.0.0.1:23080;", "listen 127.0.0.1:23081;",
                "server 127.0.0.1:23111 max_fails=1 fail_timeout=3s;", "server 127.0.0.1:23112 max_fails=1 fail_timeout=3s;",
                "server 127.0.0.1:23101 max_fails=1 fail_timeout=3s;", "server 127.0.0.1:23102 max_fails=1 fail_timeout=3s;",
                "proxy_set_header Upgrade           $http_upgrade;", "proxy_set_header Connection        $connection_upgrade;",
                "proxy_next_upstream error http_503 non_idempotent;");
        // Ingest never replays a POST after a timeout (it may have been written): only refused connections.
        String ingest = conf.substring(conf.indexOf("listen 127.0.0.1:23081;"));
        assertThat(ingest).contains("proxy_next_upstream error;").doesNotContain("non_idempotent");
    }

    @Test
    @DisplayName("status of a cluster names every node and instance, the proxy too, and fails while they are down")
    void statusNamesEveryPart() throws Exception {
        Files.createDirectories(data.resolve("run"));
        Files.writeString(data.resolve("run/mode"), "cluster\n");
        Run r = run("status");
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("kafka-1", "kafka-2", "kafka-3", "elasticsearch-1", "elasticsearch-2",
                "elasticsearch-3", "ingest-1", "ingest-2", "streams-1", "streams-2", "indexer-1", "indexer-2",
                "notifier", "dashboard-1", "dashboard-2", "proxy");
        assertThat(r.out().lines().filter(l -> l.contains(" down ")).count()).isEqualTo(16);
    }
}
