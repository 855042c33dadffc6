package org.warroom.contracts.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    @Test
    @DisplayName("UP and 200 when every check is ok, rendered as {status, checks} in the checks' order")
    void shouldBeUpWhenEveryCheckIsOk() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("kafka", "ok");
        checks.put("elasticsearch", "ok");
        HealthReport report = HealthReport.of(checks);
        assertThat(report.up()).isTrue();
        assertThat(report.httpStatus()).isEqualTo(200);
        assertThat(new String(report.json(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"UP\",\"checks\":{\"kafka\":\"ok\",\"elasticsearch\":\"ok\"}}");
    }

    @Test
    @DisplayName("DOWN and 503 naming what is down when one check is not ok")
    void shouldBeDownNamingTheFailedCheck() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("kafka", HealthReport.check(true, "unreachable"));
        checks.put("elasticsearch", HealthReport.check(false, "connection refused"));
        HealthReport report = HealthReport.of(checks);
        assertThat(report.status()).isEqualTo("DOWN");
        assertThat(report.httpStatus()).isEqualTo(503);
        assertThat(new String(report.json(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"kafka\":\"ok\",\"elasticsearch\":\"connection refused\"}}");
    }

    @Test
    @DisplayName("no checks is UP (a liveness answer with nothing more to say)")
    void shouldBeUpWithoutChecks() {
        assertThat(HealthReport.of(Map.of()).httpStatus()).isEqualTo(200);
    }
}
