package org.warroom.testkit;

import java.time.OffsetDateTime;
import java.util.List;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.Priority;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.event.WorkerStatus;

/** Realistic events for tests (Bhopal is LGD 396, Indore 397; Patna in Bihar 230). */
public final class FeedEvents {
    public static final String BHOPAL = "396";
    public static final String INDORE = "397";
    public static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:15:00+05:30");

    private FeedEvents() {
    }

    public static CitizenMessage message(String id, String district, String text, OffsetDateTime at) {
        return new CitizenMessage(id, Channel.WHATSAPP, "+919812345678", text, at, district, "hi",
                district == null ? CitizenMessage.DISTRICT_UNKNOWN : CitizenMessage.DISTRICT_GIVEN,
                List.of(Commodity.RATION), "Ramesh Kumar", "test");
    }

    public static CallStep call(String id, String call, String district, CallEventType event, OffsetDateTime at) {
        return new CallStep(id, call, "181", district, event, at, "+919800001234", null, "test");
    }

    public static TicketStep ticket(String id, String ticket, String district, TicketEventType event, String note,
                                    OffsetDateTime at) {
        return new TicketStep(id, ticket, district, "food", "ration", Commodity.RATION, event, at, Priority.URGENT,
                note, null, "test");
    }

    public static DistrictReport report(String id, String district, OffsetDateTime at, double rationStock) {
        return new DistrictReport(id, district, at, List.of(
                new StockItem(Commodity.RATION, rationStock, 100, 20.0, "quintal"),
                new StockItem(Commodity.MILK, 500, 250, null, "litre")), "test");
    }

    public static WorkerRecord worker(String id, String name, String phone, String home, String current,
                                      WorkerStatus status, OffsetDateTime verifiedAt) {
        return new WorkerRecord(id, name, phone, home, List.of("mason", "electrician"), status, "23", current,
                verifiedAt, WorkerSource.REGISTRY, verifiedAt);
    }
}
