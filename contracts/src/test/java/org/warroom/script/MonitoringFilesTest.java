package org.warroom.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shipped monitoring (docker/prometheus, docker/grafana) and docs/METRICS.md agree: every series an alert rule or
 * a dashboard reads is documented, the dashboards are valid JSON on the provisioned data source, and the compose file
 * runs them. (promtool checks the rules themselves, in bin/warroom test.)
 */
class MonitoringFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("warroom.home", "..")).toAbsolutePath().normalize();
    /** Series names of ours and of the Micrometer binders, as Prometheus shows them. */
    private static final Pattern SERIES = Pattern.compile(
            "\\b((?:warroom|kafka|jvm|process|disk|vertx)_[a-z0-9_]+)");

    @Test
    @DisplayName("every series in alerts.yml and the Grafana dashboards is documented in docs/METRICS.md")
    void seriesAreDocumented() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/METRICS.md"));
        Set<String> used = new TreeSet<>(series(Files.readString(ROOT.resolve("docker/prometheus/alerts.yml"))));
        for (JsonNode dashboard : dashboards()) {
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    used.addAll(series(target.get("expr").asText()));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(20);
        List<String> missing = used.stream().map(MonitoringFilesTest::documentedName)
                .filter(name -> !doc.contains("`" + name)).toList();
        assertThat(missing).as("series used but not in docs/METRICS.md").isEmpty();
    }

    @Test
    @DisplayName("the dashboards: three, each with a uid, panels on the provisioned Prometheus, and wired in compose")
    void dashboardsAreProvisioned() throws IOException {
        List<JsonNode> dashboards = dashboards();
        assertThat(dashboards).extracting(d -> d.get("uid").asText())
                .containsExactlyInAnyOrder("warroom-pipeline", "warroom-services", "warroom-figures");
        String datasource = Files.readString(ROOT.resolve("docker/grafana/provisioning/datasources/prometheus.yml"));
        for (JsonNode dashboard : dashboards) {
            assertThat(dashboard.get("panels")).isNotEmpty().allSatisfy(panel -> {
                assertThat(panel.get("datasource").get("uid").asText()).isEqualTo("warroom-prometheus");
                assertThat(panel.get("targets")).isNotEmpty();
            });
        }
        assertThat(datasource).contains("uid: warroom-prometheus").contains("url: http://prometheus:9090");
        String compose = Files.readString(ROOT.resolve("docker/compose.yaml"));
        assertThat(compose).contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro")
                .contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro")
                .contains("127.0.0.1:${GRAFANA_PORT:-3000}:3000");
    }

    /** A histogram's or summary's series are documented under the meter's name (without _bucket, _sum, _count). */
    private static String documentedName(String series) {
        return series.replaceAll("_(bucket|sum|count)$", "");
    }

    private static List<String> series(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SERIES.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<JsonNode> dashboards() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("docker/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(json.readTree(file.toFile()));
            }
        }
        return out;
    }
}
