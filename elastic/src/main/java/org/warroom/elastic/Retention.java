package org.warroom.elastic;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * How long each index family is kept ({@code retention.<family>}: a duration such as {@code 180d}, or {@code keep}),
 * and which monthly indices are due for deletion: a whole month's index goes once its last instant is older than the
 * retention — {@code warroom-messages-2026.05} (May, ending 1 June 00:00 UTC) with 180 days is due from
 * 28 November 2026 00:00 UTC. Applied by Elasticsearch's index lifecycle where it runs and by the indexer otherwise,
 * with the same rule (docs/RETENTION.md). The worker registry (not monthly) is never deleted here.
 */
public record Retention(Map<IndexFamily, Duration> periods) {
    /** The defaults: personal data is deleted, history is kept. docs/RETENTION.md says why. */
    public static final Map<IndexFamily, String> DEFAULTS = Map.of(
            IndexFamily.MESSAGES, "180d",
            IndexFamily.DELIVERIES, "180d",
            IndexFamily.CALLS, "365d",
            IndexFamily.TICKETS, "365d",
            IndexFamily.COMPLAINTS, "365d",
            IndexFamily.CAMPAIGN_CALLS, "365d",
            IndexFamily.AUDIT, "1095d");

    /** An index whose time has come. */
    public record Due(String index, IndexFamily family, YearMonth month, Duration retention) {
    }

    public Retention {
        periods = Map.copyOf(periods);
    }

    public static Retention from(Settings settings) {
        Map<IndexFamily, Duration> out = new EnumMap<>(IndexFamily.class);
        for (IndexFamily family : IndexFamily.values()) {
            if (!family.monthly()) {
                continue;
            }
            String key = "retention." + family.word();
            String value = settings.get(key, DEFAULTS.getOrDefault(family, "keep")).strip().toLowerCase(Locale.ROOT);
            if (value.equals("keep")) {
                continue;
            }
            Duration period = Settings.ofKeys(Map.of(key, value)).getDuration(key, null);
            if (period == null || period.compareTo(Duration.ofDays(1)) < 0) {
                throw new ConfigException(key, "must be at least 1d, or keep, was '" + value + "'");
            }
            out.put(family, period);
        }
        return new Retention(out);
    }

    /** The family's retention; empty: kept for ever. */
    public Optional<Duration> of(IndexFamily family) {
        return Optional.ofNullable(periods.get(family));
    }

    /** The instant a month's index is due: the month's end (next month's first instant, UTC) plus the retention. */
    public static Instant dueAt(YearMonth month, Duration retention) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(retention);
    }

    /** Of {@code indices} (any names), the monthly ones of a family with a retention that are due at {@code now}. */
    public List<Due> due(IndexNames names, Collection<String> indices, Instant now) {
        List<Due> out = new ArrayList<>();
        for (String index : indices.stream().sorted().toList()) {
            for (Map.Entry<IndexFamily, Duration> p : periods.entrySet()) {
                names.month(p.getKey(), index).filter(month -> !now.isBefore(dueAt(month, p.getValue())))
                        .ifPresent(month -> out.add(new Due(index, p.getKey(), month, p.getValue())));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("retention[");
        for (IndexFamily family : IndexFamily.values()) {
            if (family.monthly()) {
                out.append(family.word()).append('=').append(of(family).map(d -> d.toDays() + "d").orElse("keep"))
                        .append(family == IndexFamily.SHIFT ? "" : " ");
            }
        }
        return out.toString().strip() + "]";
    }
}
