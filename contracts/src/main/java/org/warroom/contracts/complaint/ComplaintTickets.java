package org.warroom.contracts.complaint;

import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.Priority;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WireEnum;

/**
 * Every complaint step as a ticket step on {@code warroom.tickets} (ticket = the complaint number, id =
 * {@code number/v<version>}, so a re-sent step is dropped downstream), so the backlog, SLA, rating and alert
 * topologies follow the desk with no second code path:
 * <ul>
 *   <li>register → {@code opened}; reopen → {@code reopened};</li>
 *   <li>resolve and reject → {@code resolved} (off the backlog either way; the note says which);</li>
 *   <li>assign, comment → {@code assigned} (the ticket stays open; only allowed while open);</li>
 *   <li>forward → {@code assigned} naming the new department: the ticket moves to that desk's backlog.</li>
 * </ul>
 */
public final class ComplaintTickets {
    /** The {@code source} of ticket steps made by the desk. */
    public static final String SOURCE = "desk";

    private ComplaintTickets() {
    }

    /**
     * Whether the latest step is a ticket step at all: a rating is not (the ticket is closed and stays so; the
     * satisfaction part of the district rating reads ratings from {@code warroom.complaints}).
     */
    public static boolean isTicketStep(Complaint complaint) {
        return complaint.lastStep().action() != ComplaintAction.RATE;
    }

    /** The ticket step of the complaint's latest step ({@link #isTicketStep} first). */
    public static TicketStep stepOf(Complaint complaint) {
        ComplaintStep step = complaint.lastStep();
        TicketEventType event = switch (step.action()) {
            case REGISTER -> TicketEventType.OPENED;
            case REOPEN -> TicketEventType.REOPENED;
            case RESOLVE, REJECT -> TicketEventType.RESOLVED;
            case ASSIGN, COMMENT, FORWARD -> TicketEventType.ASSIGNED;
            case RATE -> throw new IllegalArgumentException("a rating is no ticket step");
        };
        Commodity commodity = WireEnum.parse(Commodity.class, complaint.commodity()).orElse(null);
        String note = step.action().wire() + (step.note() == null ? "" : ": " + step.note());
        return new TicketStep(complaint.number() + "/v" + complaint.version(), complaint.number(), complaint.district(),
                step.department(), complaint.category(), commodity, event, step.at(), Priority.NORMAL,
                note.length() > 2000 ? note.substring(0, 2000) : note, complaint.call(), SOURCE);
    }
}
