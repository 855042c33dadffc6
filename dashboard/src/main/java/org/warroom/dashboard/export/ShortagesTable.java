package org.warroom.dashboard.export;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.dashboard.live.LiveState;

/**
 * The district page's commodity table (and {@code shortages?district=&status=&commodity=} across the viewer's
 * districts): the live stock position of each commodity, from the live state, by district then commodity.
 */
final class ShortagesTable implements ExportTable {
    private static final List<String> COLUMNS = List.of("district", "districtName", "commodity", "status", "stock",
            "unit", "dailyNeed", "daysOfCover", "burnRatePerDay", "predictedStockOutAt", "inTransit",
            "signalsLastHour", "asOf");

    private final LiveState live;

    ShortagesTable(LiveState live) {
        this.live = live;
    }

    @Override
    public String name() {
        return "shortages";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("district", "status", "commodity");
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public long write(Viewer viewer, ExportFilter f, Labels labels, RowSink rows) throws IOException {
        ShortageLevel status = f.get("status") == null ? null : WireEnum.parse(ShortageLevel.class, f.get("status"))
                .orElseThrow(() -> ApiError.invalid("status", "must be OK, LOW, CRITICAL or STALE"));
        Commodity commodity = f.get("commodity") == null ? null : WireEnum.parse(Commodity.class, f.get("commodity"))
                .orElseThrow(() -> ApiError.invalid("commodity", "allowed: " + WireEnum.allowed(Commodity.class)));
        List<ShortageStatus> selected = LiveRows.visible(live, viewer, LiveChannel.SHORTAGES, ShortageStatus.class,
                        f.get("district")).stream()
                .filter(s -> status == null || s.status() == status)
                .filter(s -> commodity == null || s.commodity() == commodity)
                .sorted(Comparator.comparing(ShortageStatus::district).thenComparing(s -> s.commodity().wire()))
                .toList();
        for (ShortageStatus s : selected) {
            rows.row(Arrays.asList(s.district(), labels.districtName(s.district()),
                    labels.word("commodity.", s.commodity().wire()),
                    s.status() == null ? null : labels.word("status.", s.status().name()), s.stock(), s.unit(),
                    s.dailyNeed(), s.daysOfCover(), s.burnRatePerDay(), labels.time(s.predictedStockOutAt()),
                    s.inTransit(), s.signalsLastHour(), labels.time(s.asOf())));
        }
        return selected.size();
    }
}
