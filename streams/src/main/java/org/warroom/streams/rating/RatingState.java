package org.warroom.streams.rating;

import java.time.OffsetDateTime;
import org.warroom.contracts.result.ShortageLevel;

/** Rating state records, one per store. */
final class RatingState {
    private RatingState() {
    }

    /** Store {@code rating-commodities} ({@code district|commodity}): the status, and since when it is a shortage. */
    record Commodity(ShortageLevel status, OffsetDateTime shortageSince) {
    }

    /** Store {@code rating-departments} ({@code district|department}): open tickets and SLA breaches. */
    record Department(int open, int breaches) {
    }

    /** Store {@code rating-episodes} (district): ended shortage episodes and their total duration. */
    record Episodes(int count, double totalHours) {
    }
}
