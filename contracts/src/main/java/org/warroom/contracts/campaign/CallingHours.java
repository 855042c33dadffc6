package org.warroom.contracts.campaign;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of the day (Indian Standard Time) in which workers may be called, {@code from} inclusive to {@code to}
 * exclusive; {@code from} after {@code to} spans midnight; {@code from} equal to {@code to}: around the clock.
 */
public record CallingHours(LocalTime from, LocalTime to) {
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /** 09:00–20:00 IST, the default. */
    public static final CallingHours DEFAULT = new CallingHours(LocalTime.of(9, 0), LocalTime.of(20, 0));

    public CallingHours {
        if (from == null || to == null) {
            throw new IllegalArgumentException("calling hours need a start and an end");
        }
    }

    public boolean open(Instant at) {
        LocalTime t = at.atZone(IST).toLocalTime();
        if (from.equals(to)) {
            return true;
        }
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** {@code at} itself when calling is allowed then, else the next moment it is. */
    public Instant nextOpening(Instant at) {
        if (open(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(IST);
        ZonedDateTime today = local.with(from).withNano(0);
        return (today.isAfter(local) ? today : today.plusDays(1)).toInstant();
    }
}
