package org.warroom.streams.rating;

import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.ShortageStatus;

/** What the rating processor reads (repartition topic {@code rating-input}, keyed by district): one result. */
record RatingInput(ShortageStatus shortage, BacklogStatus backlog) {
}
