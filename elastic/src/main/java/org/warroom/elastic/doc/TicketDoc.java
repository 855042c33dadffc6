package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.warroom.contracts.event.TicketStep;
import org.warroom.elastic.text.TextKeys;

/** A complaint ticket step as indexed (family {@code tickets}, id = step id); {@code text} is the note, {@code textKeys} its search keys ({@link TextKeys}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketDoc(
        String id,
        String ticket,
        String district,
        String department,
        String category,
        String commodity,
        String event,
        OffsetDateTime at,
        String priority,
        String text,
        String textKeys,
        String call,
        String source) {

    public static TicketDoc of(TicketStep t) {
        return new TicketDoc(t.id(), t.ticket(), t.district(), t.department(), t.category(),
                t.concernedCommodity().map(c -> c.wire()).orElse(null),
                t.event() == null ? null : t.event().wire(), t.at(),
                t.priority() == null ? null : t.priority().wire(), t.note(), TextKeys.ofText(t.note()), t.call(), t.source());
    }
}
