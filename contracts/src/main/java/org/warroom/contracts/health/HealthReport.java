package org.warroom.contracts.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warroom.contracts.json.Json;

/**
 * What every service answers on {@code GET /health/live} and {@code GET /health/ready}:
 * {@code {"status": "UP"|"DOWN", "checks": {"kafka": "ok", "elasticsearch": "unreachable: …"}}} — one entry per
 * thing checked, {@code "ok"} or what is wrong — with 200 when UP and 503 when DOWN.
 * <ul>
 *   <li><b>live</b>: the process works (its threads run); never DOWN because Kafka or Elasticsearch is, so a
 *       liveness probe does not restart a process for someone else's outage;</li>
 *   <li><b>ready</b>: the service can do its work now (its dependencies answer); the verdict of the historical
 *       {@code GET /health}, which every service keeps answering as before.</li>
 * </ul>
 */
public record HealthReport(String status, Map<String, String> checks) {
    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    public static final String OK = "ok";

    public HealthReport {
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** UP when every check is {@code "ok"} (or there is none), DOWN otherwise. */
    public static HealthReport of(Map<String, String> checks) {
        boolean up = checks.values().stream().allMatch(OK::equals);
        return new HealthReport(up ? UP : DOWN, checks);
    }

    /** One check: {@code "ok"} when {@code ok}, else {@code problem}. */
    public static String check(boolean ok, String problem) {
        return ok ? OK : problem;
    }

    public boolean up() {
        return UP.equals(status);
    }

    /** 200 when UP, 503 when DOWN. */
    public int httpStatus() {
        return up() ? 200 : 503;
    }

    /** The JSON answer, UTF-8. */
    public byte[] json() {
        try {
            return Json.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
