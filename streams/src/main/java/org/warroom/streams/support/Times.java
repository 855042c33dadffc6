package org.warroom.streams.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Conversions between epoch milliseconds (state and wall clock) and the ISO times of results. */
public final class Times {
    private Times() {
    }

    /** Length of {@link #sortable} strings. */
    public static final int SORTABLE_LENGTH = 16;

    /** Epoch millis as fixed-width hex whose string order is the order of the times (store keys). */
    public static String sortable(long epochMillis) {
        String hex = Long.toHexString(epochMillis ^ Long.MIN_VALUE);
        return "0".repeat(SORTABLE_LENGTH - hex.length()) + hex;
    }

    /** The epoch millis of a {@link #sortable} string. */
    public static long fromSortable(String sortable) {
        return Long.parseUnsignedLong(sortable, 16) ^ Long.MIN_VALUE;
    }

    public static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }

    /** A wall-clock instant as a time with the offset of {@code zone} (results read like the war room's clock). */
    public static OffsetDateTime at(long epochMillis, ZoneId zone) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
    }

    /** {@code a|b|c} → {@code c}. */
    public static String lastPart(String key) {
        return key.substring(key.lastIndexOf('|') + 1);
    }

    /** {@code a|b|c} → {@code a|b}. */
    public static String withoutLastPart(String key) {
        int bar = key.lastIndexOf('|');
        return bar < 0 ? "" : key.substring(0, bar);
    }
}
