package org.warroom.streams;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/** Feed events for tests, with times given relative to {@link TestDriver#T0} in Indian time. */
public final class Events {
    public static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    public static final String BHOPAL = "396";
    public static final String INDORE = "405";

    private Events() {
    }

    /** T0 plus {@code offset}, as an IST time. */
    public static OffsetDateTime at(Duration offset) {
        return OffsetDateTime.ofInstant(TestDriver.T0.plus(offset), IST);
    }

    public static Instant instant(Duration offset) {
        return TestDriver.T0.plus(offset);
    }

    public static StockItem item(Commodity commodity, double stock, double dailyNeed) {
        return new StockItem(commodity, stock, dailyNeed, null, "units");
    }

    public static StockItem item(Commodity commodity, double stock, double dailyNeed, double inTransit) {
        return new StockItem(commodity, stock, dailyNeed, inTransit, "units");
    }

    public static DistrictReport report(String id, String district, Duration at, StockItem... items) {
        return new DistrictReport(id, district, at(at), List.of(items), "test");
    }

    public static CitizenMessage message(String id, String district, Duration at, Commodity... commodities) {
        return new CitizenMessage(id, Channel.WHATSAPP, "+919800000000", "text", at(at), district, null,
                district == null ? CitizenMessage.DISTRICT_UNKNOWN : CitizenMessage.DISTRICT_GIVEN,
                List.of(commodities), null, "test");
    }

    public static TicketStep ticket(String stepId, String ticket, String district, String department, String category,
                                    TicketEventType event, Duration at) {
        return new TicketStep(stepId, ticket, district, department, category, null, event, at(at), null, null, null,
                "test");
    }

    public static CallStep call(String stepId, String call, String line, CallEventType event, Duration at) {
        return new CallStep(stepId, call, line, BHOPAL, event, at(at), "+919800000001", null, "test");
    }

    public static WorkerRecord worker(String id, String home, List<String> skills, WorkerStatus status, String state,
                                      String district, Duration verifiedAt) {
        return new WorkerRecord(id, "name " + id, "+919800000002", home, skills, status, state, district,
                verifiedAt == null ? null : at(verifiedAt), WorkerSource.REGISTRY, at(Duration.ZERO));
    }

    public static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    public static Duration hours(long h) {
        return Duration.ofHours(h);
    }
}
