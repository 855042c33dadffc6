package org.warroom.contracts.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A person's quiet hours, e.g. 22:00 to 07:00 in Asia/Kolkata: notifications that are not CRITICAL wait until they
 * end (and are sent then if the alert is still open and unacknowledged). {@code from} after {@code to} spans
 * midnight; equal times mean no quiet hours.
 */
public record QuietHours(LocalTime from, LocalTime to, String zone) {
    public static final String DEFAULT_ZONE = "Asia/Kolkata";

    public QuietHours {
        zone = zone == null || zone.isBlank() ? DEFAULT_ZONE : zone;
        ZoneId.of(zone);
    }

    public boolean contains(Instant at) {
        if (from == null || to == null || from.equals(to)) {
            return false;
        }
        LocalTime t = at.atZone(ZoneId.of(zone)).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }
}
