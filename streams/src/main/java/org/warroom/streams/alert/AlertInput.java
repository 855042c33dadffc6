package org.warroom.streams.alert;

import java.util.List;
import org.warroom.contracts.result.AlertAck;

/**
 * What the alert processor reads from its repartition topic (keyed by {@link #routeOf(String) route}): the
 * observations one result gave for one route, or an ack.
 */
record AlertInput(List<Observation> observations, AlertAck ack) {

    AlertInput {
        observations = observations == null ? List.of() : List.copyOf(observations);
    }

    /**
     * The partition key of a condition ({@code rule|subject}): the subject's first part — the district of
     * {@code district|commodity}, {@code district|department} and {@code district} subjects, the line, or
     * {@code all}. Every observation and ack of one condition has the same route, so they meet in one task, in
     * order; and the up to four observations one shortage result gives (one per rule) travel as one record.
     */
    static String routeOf(String condition) {
        int rule = condition.indexOf('|');
        String subject = rule < 0 ? condition : condition.substring(rule + 1);
        int part = subject.indexOf('|');
        return part < 0 ? subject : subject.substring(0, part);
    }
}
