package org.warroom.dashboard.web;

import java.time.OffsetDateTime;

/**
 * One hour of activity in a trend: calls started, citizen messages, complaint tickets opened and resolved.
 *
 * @param hour the start of the hour
 */
public record TrendPoint(OffsetDateTime hour, long calls, long messages, long ticketsOpened, long ticketsResolved) {
}
