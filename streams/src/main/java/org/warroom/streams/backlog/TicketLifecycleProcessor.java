package org.warroom.streams.backlog;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;

/**
 * Stage 1 of backlogs, keyed by ticket: follows each ticket's life and forwards its new standing, keyed
 * {@code district|department}.
 *
 * <ul>
 *   <li>A step whose id was seen already is dropped (re-sent duplicates are harmless).</li>
 *   <li>Open or not follows the steps' {@code at} (see {@link TicketState}): a late, older step cannot undo a newer
 *       one, but an old {@code opened}/{@code resolved} still counts as an arrival/resolution of its hour.</li>
 *   <li>{@code resolved} for a ticket never seen is an anomaly: counted and dead-lettered, and remembered as closed
 *       so that its late {@code opened} does not leave it open forever.</li>
 *   <li>A step naming another district or department moves the ticket: it leaves the old backlog.</li>
 * </ul>
 */
final class TicketLifecycleProcessor implements Processor<String, TicketStep, String, TicketChange> {
    private ProcessorContext<String, TicketChange> context;
    private KeyValueStore<String, TicketState> tickets;

    @Override
    public void init(ProcessorContext<String, TicketChange> context) {
        this.context = context;
        this.tickets = context.getStateStore(BacklogTopology.TICKET_STORE);
    }

    @Override
    public void process(Record<String, TicketStep> record) {
        TicketStep step = record.value();
        if (step == null || step.ticket() == null || step.event() == null || step.at() == null
                || step.district() == null || step.department() == null) {
            return;
        }
        TicketState state = tickets.get(step.ticket());
        if (state != null && state.stepIds().contains(step.id())) {
            return;
        }
        boolean anomaly = state == null && step.event() == TicketEventType.RESOLVED;
        String flow = switch (step.event()) {
            case OPENED, REOPENED -> TicketChange.OPENED;
            case RESOLVED -> TicketChange.RESOLVED;
            case ASSIGNED -> null;
        };
        List<OffsetDateTime> openings = state == null ? List.of() : state.openings();
        OffsetDateTime lastResolved = state == null ? null : state.lastResolvedAt();
        if (step.event() == TicketEventType.RESOLVED) {
            lastResolved = lastResolved == null || step.at().isAfter(lastResolved) ? step.at() : lastResolved;
        } else {
            openings = TicketState.appendBounded(openings, step.at());
        }
        TicketState next = new TicketState(step.ticket(), step.district(), step.department(), category(step, state),
                openings, lastResolved, TicketState.appendBounded(state == null ? List.of() : state.stepIds(), step.id()));
        if (state != null && !state.groupKey().equals(next.groupKey())) {
            context.forward(record.withKey(state.groupKey()).withValue(new TicketChange(state.ticket(),
                    state.district(), state.department(), state.category(), false, null, null, step.at(), false, null)));
        }
        tickets.put(step.ticket(), next);
        OffsetDateTime since = next.openSince();
        context.forward(record.withKey(next.groupKey()).withValue(new TicketChange(next.ticket(), next.district(),
                next.department(), next.category(), since != null, since, flow, step.at(), anomaly,
                anomaly ? step : null)));
    }

    private static String category(TicketStep step, TicketState state) {
        if (step.category() != null) {
            return step.category();
        }
        return state == null ? null : state.category();
    }
}
