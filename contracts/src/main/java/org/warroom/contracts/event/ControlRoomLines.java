package org.warroom.contracts.event;

import java.util.Optional;

/**
 * Each district control room is a line of its own (docs/SETTINGS.md, "Lines"): a call on the {@code district-control}
 * line with a district counts in the load of line {@code district-control:<lgd>}, with that district's capacity
 * ({@code line.capacity.district-control} for that district, else for all). The feed keeps the line as sent, so events
 * written before (and senders that name only {@code district-control}) read the same way; a call on it without a
 * district stays on the shared line.
 */
public final class ControlRoomLines {
    /** The line name callers' systems send for a district control room. */
    public static final String SHARED = "district-control";
    private static final String PREFIX = SHARED + ":";

    private ControlRoomLines() {
    }

    /** The line whose load a call on {@code line} in {@code district} counts in. */
    public static String loadLine(String line, String district) {
        if (SHARED.equals(line) && district != null && !district.isBlank()) {
            return PREFIX + district.strip();
        }
        return line;
    }

    /** The district of a control room's own line ({@code district-control:396} → 396); empty for any other line. */
    public static Optional<String> districtOf(String line) {
        return line != null && line.startsWith(PREFIX) && line.length() > PREFIX.length()
                ? Optional.of(line.substring(PREFIX.length())) : Optional.empty();
    }
}
