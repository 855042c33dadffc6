package org.warroom.streams.shortage;

import java.time.OffsetDateTime;
import org.warroom.contracts.event.Commodity;

/** The latest reported stock of one commodity in one district (store {@code shortage-stock}). */
record StockState(String district, Commodity commodity, double stock, double dailyNeed, Double inTransit, String unit,
                  OffsetDateTime asOf, String reportId, Double burnRatePerDay) {
}
