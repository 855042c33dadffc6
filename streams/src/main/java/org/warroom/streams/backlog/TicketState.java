package org.warroom.streams.backlog;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What is known of one ticket (store {@code backlog-tickets}, keyed by ticket id). Whether it is open follows the
 * steps' {@code at}, not their arrival order: it is open when some opening step (opened, reopened, assigned) is later
 * than the latest resolve, and open since the earliest such step.
 *
 * @param openings       {@code at} of its opening steps (the latest {@value #REMEMBERED_STEPS})
 * @param lastResolvedAt {@code at} of its latest resolve, null when never resolved
 * @param stepIds        ids of the latest steps seen, to drop re-sent duplicates
 */
record TicketState(String ticket, String district, String department, String category,
                   List<OffsetDateTime> openings, OffsetDateTime lastResolvedAt, List<String> stepIds) {
    static final int REMEMBERED_STEPS = 64;

    TicketState {
        openings = openings == null ? List.of() : List.copyOf(openings);
        stepIds = stepIds == null ? List.of() : List.copyOf(stepIds);
    }

    String groupKey() {
        return district + "|" + department;
    }

    /** The start of the current open episode, or null when the ticket is resolved. */
    OffsetDateTime openSince() {
        return openings.stream()
                .filter(at -> lastResolvedAt == null || at.isAfter(lastResolvedAt))
                .min(OffsetDateTime::compareTo)
                .orElse(null);
    }

    static <T> List<T> appendBounded(List<T> list, T value) {
        java.util.ArrayList<T> out = new java.util.ArrayList<>(list);
        out.add(value);
        return out.size() > REMEMBERED_STEPS ? out.subList(out.size() - REMEMBERED_STEPS, out.size()) : out;
    }
}
