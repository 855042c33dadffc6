package org.warroom.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.reference.KnownDistrict;
import org.warroom.ingest.reference.Places;
import org.warroom.ingest.validate.Fields;

/**
 * The {@code reports} feed: one district's stock report ({@link DistrictReport}, topic {@code warroom.reports}
 * keyed by district). Every item names a known commodity once, with stock and daily need that are finite and
 * not negative. Item fields are reported as {@code items[i].field}.
 */
public final class ReportsDecoder implements FeedDecoder {
    /** Quantities above this are typing mistakes, not stock (a thousand crore units). */
    public static final double MAX_QUANTITY = 1e13;
    public static final int MAX_ITEMS = 50;

    private final Places places;
    private final Clock clock;

    public ReportsDecoder(Places places, Clock clock) {
        this.places = places;
        this.clock = clock;
    }

    @Override
    public Decoded decode(ObjectNode json, String source) {
        Fields f = new Fields(json, places, clock);
        String id = f.id("id");
        KnownDistrict district = f.district("district", true);
        var at = f.time("at", true);
        List<StockItem> items = items(f);
        if (!f.ok()) {
            return Decoded.rejected(f.problems());
        }
        DistrictReport report = new DistrictReport(id, district.code(), at, items, source);
        return Decoded.accepted(new Outgoing<>(Topics.REPORTS, district.code(), report, district.code()));
    }

    private List<StockItem> items(Fields f) {
        JsonNode items = f.node("items");
        if (items == null || items.isNull()) {
            f.problem("items", "is required");
            return List.of();
        }
        if (!items.isArray() || items.isEmpty()) {
            f.problem("items", "must be a non-empty array of {commodity, stock, dailyNeed, inTransit?, unit?}");
            return List.of();
        }
        if (items.size() > MAX_ITEMS) {
            f.problem("items", "has too many items (" + items.size() + ", at most " + MAX_ITEMS + ")");
            return List.of();
        }
        List<StockItem> out = new ArrayList<>();
        Set<Commodity> seen = EnumSet.noneOf(Commodity.class);
        for (int i = 0; i < items.size(); i++) {
            String prefix = "items[" + i + "].";
            if (!(items.get(i) instanceof ObjectNode item)) {
                f.problem("items[" + i + "]", "must be an object {commodity, stock, dailyNeed, inTransit?, unit?}");
                continue;
            }
            Fields itemFields = new Fields(item, places, clock);
            Commodity commodity = itemFields.enumeration("commodity", Commodity.class, true);
            Double stock = itemFields.number("stock", 0, MAX_QUANTITY, true);
            Double dailyNeed = itemFields.number("dailyNeed", 0, MAX_QUANTITY, true);
            Double inTransit = itemFields.number("inTransit", 0, MAX_QUANTITY, false);
            String unit = itemFields.text("unit", 16, false);
            itemFields.problems().forEach(p -> f.problem(prefix + p.field(), p.reason()));
            if (commodity != null && !seen.add(commodity)) {
                f.problem(prefix + "commodity", "'" + commodity.wire() + "' appears twice in one report");
            }
            if (itemFields.ok()) {
                out.add(new StockItem(commodity, stock, dailyNeed, inTransit, unit));
            }
        }
        return out;
    }
}
