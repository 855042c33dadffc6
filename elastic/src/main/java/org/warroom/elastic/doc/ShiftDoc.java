package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.warroom.contracts.shift.Handover;
import org.warroom.contracts.shift.HandoverDraft;
import org.warroom.contracts.shift.HandoverItem;
import org.warroom.contracts.shift.ShiftLogEntry;
import org.warroom.elastic.text.TextKeys;

/**
 * A shift-log entry or a handover as indexed (family {@code shift}, {@code kind} {@link #LOG} or {@link #HANDOVER}).
 * A log entry: its text, author, district and links, at its time. A handover: the outgoing lead's summary and the
 * words of every line of its draft (English and Hindi), at the time it was drafted, no district (it is state-wide);
 * the latest step replaces the document. {@code textKeys}: the search keys ({@link TextKeys}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShiftDoc(
        String id,
        String kind,
        OffsetDateTime at,
        String by,
        String district,
        String state,
        String alert,
        String complaint,
        String directive,
        String signedBy,
        String acknowledgedBy,
        String text,
        String textKeys) {

    public static final String LOG = "log";
    public static final String HANDOVER = "handover";

    public static ShiftDoc of(ShiftLogEntry e) {
        return new ShiftDoc(e.id(), LOG, e.at(), e.by(), e.district(), null, e.alert(), e.complaint(), e.directive(),
                null, null, e.text(), TextKeys.ofText(e.text()));
    }

    public static ShiftDoc of(Handover h) {
        StringJoiner text = new StringJoiner("\n");
        if (h.summary() != null && !h.summary().isBlank()) {
            text.add(h.summary());
        }
        HandoverDraft d = h.draft();
        if (d != null) {
            Stream.of(d.alerts(), d.directives(), d.slaBreaches(), d.shortages(), d.changes(), d.log())
                    .flatMap(List::stream)
                    .forEach(item -> words(item, text));
        }
        String all = text.toString();
        return new ShiftDoc(h.id(), HANDOVER, h.draftedAt(), h.draftedBy(), null,
                h.state() == null ? null : h.state().wire(), null, null, null, h.signedBy(), h.acknowledgedBy(), all,
                TextKeys.ofText(all));
    }

    private static void words(HandoverItem item, StringJoiner text) {
        if (item.text() != null && !item.text().isBlank()) {
            text.add(item.text());
        }
        if (item.textHi() != null && !item.textHi().isBlank()) {
            text.add(item.textHi());
        }
    }
}
