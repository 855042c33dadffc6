package org.warroom.streams.backlog;

import java.time.OffsetDateTime;

/** An open ticket of one district × department (store {@code backlog-open}, keyed {@code district|department|ticket}). */
record OpenTicket(String ticket, String category, OffsetDateTime openSince) {
}
