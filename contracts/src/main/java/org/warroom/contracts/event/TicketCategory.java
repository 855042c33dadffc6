package org.warroom.contracts.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A complaint ticket's category: a commodity code ({@code ration}, {@code medicine}, ...) or one of
 * {@code health}, {@code wages}, {@code stranded}, {@code transport}, {@code other}.
 */
public final class TicketCategory {
    /** The categories that are not commodities. */
    public static final List<String> NON_COMMODITY = List.of("health", "wages", "stranded", "transport", "other");

    /** Every allowed category, commodities first. */
    public static final List<String> ALL;

    static {
        List<String> all = new ArrayList<>(WireEnum.allowed(Commodity.class));
        all.addAll(NON_COMMODITY);
        ALL = Collections.unmodifiableList(all);
    }

    private TicketCategory() {
    }

    /** The canonical (lower-case) category, or empty when {@code value} is no category. */
    public static Optional<String> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return ALL.contains(v) ? Optional.of(v) : Optional.empty();
    }

    /** The commodity a category names, if it is a commodity category. */
    public static Optional<Commodity> commodity(String category) {
        return WireEnum.parse(Commodity.class, category);
    }
}
