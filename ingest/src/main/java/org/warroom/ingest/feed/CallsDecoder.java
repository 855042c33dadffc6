package org.warroom.ingest.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.Priority;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.reference.KnownDistrict;
import org.warroom.ingest.reference.Places;
import org.warroom.ingest.validate.Fields;

/**
 * The {@code calls} feed: by {@code kind}, a call step ({@link CallStep}, topic {@code warroom.calls} keyed by
 * call) or a complaint ticket step ({@link TicketStep}, topic {@code warroom.tickets} keyed by ticket).
 */
public final class CallsDecoder implements FeedDecoder {
    static final List<String> KINDS = List.of(CallStep.KIND, TicketStep.KIND);

    private final Places places;
    private final List<String> lines;
    private final Clock clock;

    /** @param lines the helpline lines calls may be on ({@code 181}, {@code 104}, ...) */
    public CallsDecoder(Places places, List<String> lines, Clock clock) {
        this.places = places;
        this.lines = List.copyOf(lines);
        this.clock = clock;
    }

    @Override
    public Decoded decode(ObjectNode json, String source) {
        Fields f = new Fields(json, places, clock);
        String kind = f.oneOf("kind", KINDS, true);
        if (kind == null) {
            return Decoded.rejected(f.problems());
        }
        return kind.equals(CallStep.KIND) ? callStep(f, source) : ticketStep(f, source);
    }

    private Decoded callStep(Fields f, String source) {
        String id = f.id("id");
        String call = f.id("call");
        String line = f.oneOf("line", lines, true);
        KnownDistrict district = f.district("district", true);
        CallEventType event = f.enumeration("event", CallEventType.class, true);
        var at = f.time("at", true);
        String caller = f.text("caller", 32, true);
        String agent = f.text("agent", 64, false);
        if (!f.ok()) {
            return Decoded.rejected(f.problems());
        }
        CallStep step = new CallStep(id, call, line, district.code(), event, at, caller, agent, source);
        return Decoded.accepted(new Outgoing<>(Topics.CALLS, call, step, district.code()));
    }

    private Decoded ticketStep(Fields f, String source) {
        String id = f.id("id");
        String ticket = f.id("ticket");
        KnownDistrict district = f.district("district", true);
        String department = f.text("department", 64, true);
        String category = f.oneOf("category", TicketCategory.ALL, true);
        Commodity commodity = f.enumeration("commodity", Commodity.class, false);
        TicketEventType event = f.enumeration("event", TicketEventType.class, true);
        var at = f.time("at", true);
        Priority priority = f.enumeration("priority", Priority.class, false);
        String note = f.text("note", 2000, false);
        String call = f.optionalId("call");
        if (!f.ok()) {
            return Decoded.rejected(f.problems());
        }
        TicketStep step = new TicketStep(id, ticket, district.code(), department, category,
                commodity != null ? commodity : TicketCategory.commodity(category).orElse(null),
                event, at, priority != null ? priority : Priority.NORMAL, note, call, source);
        return Decoded.accepted(new Outgoing<>(Topics.TICKETS, ticket, step, district.code()));
    }
}
