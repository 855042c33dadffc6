package org.warroom.tools.verify;

import java.util.HashMap;
import java.util.Map;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;

/**
 * The stock items of district reports in feed order, each passed on only when it is newer than the last one kept for
 * its {@code district|commodity} (a late older or same-time report is ignored, as streams does).
 */
final class NewestStock {
    /** Receives one stock item that is the newest so far for its key. */
    @FunctionalInterface
    interface Sink {
        void accept(String key, DistrictReport report, StockItem item, long atMillis);
    }

    private NewestStock() {
    }

    static void each(Iterable<DistrictReport> reports, Sink sink) {
        Map<String, Long> latestAt = new HashMap<>();
        for (DistrictReport r : reports) {
            if (r == null || r.district() == null || r.at() == null) {
                continue;
            }
            long at = r.at().toInstant().toEpochMilli();
            for (StockItem item : r.items()) {
                if (item == null || item.commodity() == null) {
                    continue;
                }
                String key = r.district() + "|" + item.commodity().wire();
                Long kept = latestAt.get(key);
                if (kept != null && at <= kept) {
                    continue;
                }
                latestAt.put(key, at);
                sink.accept(key, r, item, at);
            }
        }
    }
}
