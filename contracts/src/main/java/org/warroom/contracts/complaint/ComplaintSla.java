package org.warroom.contracts.complaint;

import java.time.Duration;
import java.util.Map;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsSnapshot;

/**
 * How long a complaint of a category may stay on a desk: the same keys and defaults as the backlog topology's SLA
 * ({@code sla.<category>}, {@code sla.default}; health 1 h, medicine 4 h, others 24 h), so the desk's clock and the
 * wall's breaches agree.
 */
public record ComplaintSla(Map<String, Duration> byCategory, Duration otherwise) {
    public ComplaintSla {
        byCategory = Map.copyOf(byCategory);
    }

    public static ComplaintSla from(Settings settings) {
        Duration otherwise = settings.getDuration("sla.default", Duration.ofHours(24));
        Map<String, Duration> defaults = Map.of("health", Duration.ofHours(1), "medicine", Duration.ofHours(4));
        java.util.HashMap<String, Duration> sla = new java.util.HashMap<>();
        for (String category : TicketCategory.ALL) {
            sla.put(category, settings.getDuration("sla." + category, defaults.getOrDefault(category, otherwise)));
        }
        return new ComplaintSla(sla, otherwise);
    }

    public static ComplaintSla defaults() {
        return from(Settings.ofKeys(Map.of()));
    }

    /** This SLA with the hours administrators set at run time ({@code sla.<category>} on {@code warroom.settings}). */
    public ComplaintSla under(SettingsSnapshot settings) {
        if (settings.isEmpty()) {
            return this;
        }
        java.util.HashMap<String, Duration> sla = new java.util.HashMap<>(byCategory);
        for (SettingValue v : settings.values()) {
            if (v.district() == null && v.key().startsWith("sla.")) {
                sla.put(v.key().substring(4), Duration.ofMillis(Math.round(v.value() * 3_600_000d)));
            }
        }
        return new ComplaintSla(sla, otherwise);
    }

    public Duration of(String category) {
        return category == null ? otherwise : byCategory.getOrDefault(category, otherwise);
    }
}
