package org.warroom.streams.throughput;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
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

/**
 * A repeatable (seeded) mix of feed events like the benchmark load's: per 20 events 8 ticket steps (half the tickets
 * stay open), 6 call steps, 3 citizen messages, 2 district reports and 1 worker record, over 200 districts.
 */
final class MixedLoad {
    static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final String[] DEPARTMENTS = {"food", "health", "water", "transport", "police"};
    private static final String[] CATEGORIES = {"ration", "health", "medicine", "water", "other"};
    private static final String[] LINES = {"1070", "1077", "181", "104", "worker-helpline"};
    private static final String[] SKILLS = {"mason", "driver", "nurse", "cook", "electrician", "tailor"};
    private static final int DISTRICTS = 200;

    private final Random random = new Random(42);
    private long sequence;
    private long openTickets;
    private long openCalls;

    /** The next event, happening at {@code at}. */
    Object next(Instant at) {
        long n = sequence++;
        OffsetDateTime when = OffsetDateTime.ofInstant(at, IST);
        return switch ((int) (n % 20)) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> ticket(when);
            case 8, 9, 10, 11, 12, 13 -> call(when);
            case 14, 15, 16 -> message(n, when);
            case 17, 18 -> report(n, when);
            default -> worker(when);
        };
    }

    private String district() {
        return Integer.toString(1 + random.nextInt(DISTRICTS));
    }

    private TicketStep ticket(OffsetDateTime at) {
        long ticket;
        TicketEventType event;
        int roll = random.nextInt(8);
        if (openTickets == 0 || roll < 4) {
            ticket = openTickets++;
            event = TicketEventType.OPENED;
        } else {
            ticket = random.nextLong(openTickets);
            event = roll < 6 ? TicketEventType.RESOLVED : TicketEventType.ASSIGNED;
        }
        // the district and department follow the ticket, so a ticket stays in its backlog
        String district = Long.toString(1 + ticket % DISTRICTS);
        int d = (int) (ticket / DISTRICTS % DEPARTMENTS.length);
        return new TicketStep("ts-" + sequence, "tk-" + ticket, district, DEPARTMENTS[d], CATEGORIES[d], null, event,
                at, null, null, null, "throughput");
    }

    private CallStep call(OffsetDateTime at) {
        long call;
        CallEventType event;
        int roll = random.nextInt(3);
        if (openCalls == 0 || roll == 0) {
            call = openCalls++;
            event = CallEventType.STARTED;
        } else {
            call = random.nextLong(openCalls);
            event = roll == 1 ? CallEventType.ANSWERED : CallEventType.ENDED;
        }
        return new CallStep("cs-" + sequence, "call-" + call, LINES[(int) (call % LINES.length)], district(), event, at,
                "+919800000001", null, "throughput");
    }

    private CitizenMessage message(long n, OffsetDateTime at) {
        boolean located = n % 7 != 0;
        Commodity commodity = Commodity.values()[random.nextInt(Commodity.values().length)];
        return new CitizenMessage("m-" + n, Channel.WHATSAPP, "+919800000000", "no " + commodity.wire(), at,
                located ? district() : null, null,
                located ? CitizenMessage.DISTRICT_GIVEN : CitizenMessage.DISTRICT_UNKNOWN, List.of(commodity), null,
                "throughput");
    }

    private DistrictReport report(long n, OffsetDateTime at) {
        Commodity a = Commodity.values()[random.nextInt(Commodity.values().length)];
        Commodity b = Commodity.values()[random.nextInt(Commodity.values().length)];
        List<StockItem> items = a == b
                ? List.of(new StockItem(a, random.nextInt(500), 50, null, "units"))
                : List.of(new StockItem(a, random.nextInt(500), 50, null, "units"),
                        new StockItem(b, random.nextInt(500), 40, 10.0, "units"));
        return new DistrictReport("r-" + n, district(), at, items, "throughput");
    }

    private WorkerRecord worker(OffsetDateTime at) {
        long id = random.nextInt(100_000);
        WorkerStatus status = WorkerStatus.values()[random.nextInt(WorkerStatus.values().length)];
        String district = district();
        return new WorkerRecord("w-" + id, "name " + id, "+919800000002", district,
                List.of(SKILLS[random.nextInt(SKILLS.length)], SKILLS[random.nextInt(SKILLS.length)]), status,
                "23", district, random.nextBoolean() ? at.minusDays(random.nextInt(60)) : null, WorkerSource.REGISTRY,
                at);
    }
}
