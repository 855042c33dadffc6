package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One district's stock report as of {@link #at()} (feed {@code reports}). Topic {@code warroom.reports},
 * keyed by {@link #district()}. A later report replaces an earlier one per commodity; an older report that
 * arrives late never overwrites a newer one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DistrictReport(String id, String district, OffsetDateTime at, List<StockItem> items, String source) {
    public DistrictReport {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
