package org.warroom.tools.verify;

import java.time.OffsetDateTime;
import java.util.List;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.event.WorkerStatus;

/** Small feed records for the recomputation's tests. */
final class Events {
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:00:00+05:30");

    private Events() {
    }

    static OffsetDateTime min(long minutes) {
        return T0.plusMinutes(minutes);
    }

    static long millis(long minutes) {
        return min(minutes).toInstant().toEpochMilli();
    }

    static DistrictReport report(String id, String district, OffsetDateTime at, Commodity c, double stock, double need) {
        return new DistrictReport(id, district, at, List.of(new StockItem(c, stock, need, null, "unit")), "test");
    }

    static TicketStep ticket(String id, String ticket, String district, String department, String category,
                             TicketEventType event, OffsetDateTime at) {
        return new TicketStep(id, ticket, district, department, category, null, event, at, null, null, null, "test");
    }

    static CallStep call(String id, String call, String line, CallEventType event, OffsetDateTime at) {
        return new CallStep(id, call, line, "396", event, at, "+919800001234", null, "test");
    }

    static CitizenMessage message(String id, String district, OffsetDateTime at, Commodity... commodities) {
        return new CitizenMessage(id, Channel.WHATSAPP, "+919812345678", "text", at, district, "hi", "given",
                List.of(commodities), null, "test");
    }

    static WorkerRecord worker(String id, String home, String state, String current, WorkerStatus status,
                               String... skills) {
        return new WorkerRecord(id, "name", "+919811112222", home, List.of(skills), status, state, current, null,
                WorkerSource.REGISTRY, T0);
    }
}
