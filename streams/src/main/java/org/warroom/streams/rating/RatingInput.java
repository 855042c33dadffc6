package org.warroom.streams.rating;

import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.ShortageStatus;

/**
 * What the rating processor reads (repartition topic {@code rating-input}, keyed by district): one result, or one
 * directive as the rating needs it.
 */
record RatingInput(ShortageStatus shortage, BacklogStatus backlog, RatingState.Task directive, CitizenRating rated) {
    RatingInput(ShortageStatus shortage, BacklogStatus backlog, RatingState.Task directive) {
        this(shortage, backlog, directive, null);
    }

    /** A complaint of the district as the rating needs it: its number and the citizen's rating (null: none). */
    record CitizenRating(String number, Integer stars) {
    }
}
