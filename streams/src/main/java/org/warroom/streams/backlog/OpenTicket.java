package org.warroom.streams.backlog;

import java.time.OffsetDateTime;

/**
 * An open ticket of one district × department (store {@code backlog-open}, keyed {@code district|department|ticket}).
 *
 * @param deadline epoch millis after which it breaches its SLA ({@code openSince + sla(category)})
 * @param overdue  whether it is counted as a breach already (its deadline has passed)
 */
record OpenTicket(String ticket, String category, OffsetDateTime openSince, long deadline, boolean overdue) {
    OpenTicket asOverdue() {
        return new OpenTicket(ticket, category, openSince, deadline, true);
    }
}
