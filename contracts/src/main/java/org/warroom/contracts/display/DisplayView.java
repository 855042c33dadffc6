package org.warroom.contracts.display;

import java.util.Locale;
import java.util.Optional;

/** What a wall display shows: the state wall, one district's page, or the alert list. */
public enum DisplayView {
    WALL, DISTRICT, ALERTS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DisplayView> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (DisplayView v : values()) {
            if (v.wire().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
