package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;

/**
 * One commodity line of one district report as indexed (family {@code reports}, id = {@code reportId|commodity}),
 * so stock trends aggregate without nested documents.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockDoc(
        String id,
        String report,
        String district,
        OffsetDateTime at,
        String commodity,
        double stock,
        double dailyNeed,
        Double inTransit,
        Double daysOfCover,
        String unit,
        String source) {

    public static String id(String reportId, String commodity) {
        return reportId + "|" + commodity;
    }

    public static StockDoc of(DistrictReport r, StockItem item) {
        String commodity = item.commodity().wire();
        Double cover = item.dailyNeed() > 0 ? item.stock() / item.dailyNeed() : null;
        return new StockDoc(id(r.id(), commodity), r.id(), r.district(), r.at(), commodity, item.stock(),
                item.dailyNeed(), item.inTransit(), cover, item.unit(), r.source());
    }
}
