package org.warroom.dashboard.query;

import java.time.Instant;
import java.util.List;

/**
 * A look into the alert history ({@code alerts?state=} and the {@code /alerts} page's filters). Every criterion is
 * optional.
 *
 * @param state      {@code active|acknowledged|cleared}
 * @param district   one district inside the scope
 * @param rule       one rule ({@code shortage-critical}, {@code backlog-breaches}, ...)
 * @param severity   {@code low|medium|high|critical}
 * @param categories a responder's categories: alerts about one of these commodities, plus alerts about no commodity
 *                   at all (backlogs, line load); empty for all
 * @param from       alerts raised at or after this
 * @param to         alerts raised before this
 */
public record AlertQuery(String state, String district, String rule, String severity, List<String> categories,
                         Instant from, Instant to, int offset, int size) {

    public AlertQuery {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public static AlertQuery all() {
        return new AlertQuery(null, null, null, null, List.of(), null, null, 0, 50);
    }

    public AlertQuery inState(String s) {
        return new AlertQuery(s, district, rule, severity, categories, from, to, offset, size);
    }

    public AlertQuery inDistrict(String d) {
        return new AlertQuery(state, d, rule, severity, categories, from, to, offset, size);
    }

    public AlertQuery ofRule(String r) {
        return new AlertQuery(state, district, r, severity, categories, from, to, offset, size);
    }

    public AlertQuery ofSeverity(String s) {
        return new AlertQuery(state, district, rule, s, categories, from, to, offset, size);
    }

    public AlertQuery forCategories(List<String> c) {
        return new AlertQuery(state, district, rule, severity, c, from, to, offset, size);
    }

    public AlertQuery raisedBetween(Instant f, Instant t) {
        return new AlertQuery(state, district, rule, severity, categories, f, t, offset, size);
    }

    public AlertQuery page(int o, int s) {
        return new AlertQuery(state, district, rule, severity, categories, from, to, o, s);
    }
}
