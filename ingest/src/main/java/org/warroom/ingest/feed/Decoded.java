package org.warroom.ingest.feed;

import java.util.List;
import org.warroom.ingest.validate.Problem;

/** The outcome of decoding one input record: the event to send, or the problems that reject it. */
public record Decoded(Outgoing<?> event, List<Problem> problems) {
    public static Decoded accepted(Outgoing<?> event) {
        return new Decoded(event, List.of());
    }

    public static Decoded rejected(List<Problem> problems) {
        return new Decoded(null, List.copyOf(problems));
    }

    public static Decoded rejected(String field, String reason) {
        return rejected(List.of(new Problem(field, reason)));
    }

    public boolean ok() {
        return event != null;
    }
}
