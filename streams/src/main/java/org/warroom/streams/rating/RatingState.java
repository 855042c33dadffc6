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

    /**
     * Store {@code rating-directives} ({@code district|id}): a directive's deadline and when it was closed (epoch
     * millis; null while not closed or accepted).
     */
    record Task(String id, String district, long deadline, Long closedAt) {
        /** Past its deadline at {@code now} and not closed. */
        boolean overdueAt(long now) {
            return closedAt == null && deadline < now;
        }

        /** Closed, or past its deadline at {@code now}: counted in "directives on time". */
        boolean dueAt(long now) {
            return closedAt != null || deadline < now;
        }

        /** Overdue now or closed after its deadline. */
        boolean lateAt(long now) {
            return overdueAt(now) || closedAt != null && closedAt > deadline;
        }
    }

    /** Store {@code rating-citizen} ({@code district|complaint number}): the citizen's rating of a complaint, 1–5. */
    record Rated(int stars) {
    }

    /** Store {@code rating-episodes} (district): ended shortage episodes and their total duration. */
    record Episodes(int count, double totalHours) {
    }
}
