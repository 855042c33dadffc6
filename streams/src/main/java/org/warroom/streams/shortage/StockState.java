package org.warroom.streams.shortage;

import java.time.OffsetDateTime;
import java.util.List;
import org.warroom.contracts.event.Commodity;

/**
 * The latest reported stock of one commodity in one district (store {@code shortage-stock}), with the reports the
 * burn rate is computed from ({@link ShortageProcessor}). {@code history} is null in state written before it existed:
 * read as the latest report alone.
 */
record StockState(String district, Commodity commodity, double stock, double dailyNeed, Double inTransit, String unit,
                  OffsetDateTime asOf, String reportId, Double burnRatePerDay, List<Point> history) {

    /** One report of the burn-rate window: its time (epoch millis), stock on hand and in transit. */
    record Point(long at, double stock, double inTransit) {
    }
}
