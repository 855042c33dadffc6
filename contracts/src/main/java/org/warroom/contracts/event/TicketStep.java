package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One step of one complaint ticket (feed {@code calls}, {@code kind=ticket}). Topic {@code warroom.tickets},
 * keyed by {@link #ticket()}.
 *
 * @param category  a commodity code, or {@code health}, {@code wages}, {@code stranded}, {@code transport},
 *                  {@code other} (see {@link TicketCategory})
 * @param commodity the commodity concerned, when the complaint is about one
 * @param note      free text; may contain personal data
 * @param call      the call that raised the ticket, when there was one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketStep(
        String id,
        String ticket,
        String district,
        String department,
        String category,
        Commodity commodity,
        TicketEventType event,
        OffsetDateTime at,
        Priority priority,
        String note,
        String call,
        String source) {

    /** The feed's discriminator value for ticket steps. */
    public static final String KIND = "ticket";

    /** The commodity this ticket is about: the explicit one, else the one its category names. */
    public java.util.Optional<Commodity> concernedCommodity() {
        return commodity != null ? java.util.Optional.of(commodity) : TicketCategory.commodity(category);
    }
}
