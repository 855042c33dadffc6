package org.warroom.streams.backlog;

import java.time.OffsetDateTime;
import org.warroom.contracts.event.TicketStep;

/**
 * One ticket's new standing in its district × department, sent from the per-ticket stage to the per-department
 * stage (repartition topic {@code backlog-changes}, keyed {@code district|department}).
 *
 * @param open      whether the ticket is open in this district × department now (false also when it moved away)
 * @param flow      {@code opened} or {@code resolved} when this step counts as an arrival or a resolution
 * @param anomaly   the step resolved a ticket never seen before; carried so it can be counted and dead-lettered
 */
record TicketChange(String ticket, String district, String department, String category, boolean open,
                    OffsetDateTime openSince, String flow, OffsetDateTime at, boolean anomaly, TicketStep step) {
    static final String OPENED = "opened";
    static final String RESOLVED = "resolved";
}
