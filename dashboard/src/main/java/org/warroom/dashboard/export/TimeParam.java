package org.warroom.dashboard.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.warroom.dashboard.http.ApiError;

/**
 * A {@code from}/{@code to} parameter as the alert history reads it: a date (its start; for an upper bound the start
 * of the next day) in the war room's zone, or a time with offset; 400 naming the parameter otherwise.
 */
final class TimeParam {
    private final ZoneId zone;

    TimeParam(ZoneId zone) {
        this.zone = zone;
    }

    Instant parse(String name, String v, boolean upper) {
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (upper ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(name, "must be a date (2026-04-01) or a time with offset (2026-04-01T18:13:00+05:30)");
        }
    }
}
