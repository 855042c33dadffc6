package org.warroom.contracts.directive;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A directive (task) the war room gives a district or one of its department desks: topic {@code warroom.directives}
 * (compacted, keyed by {@link #id()}); every step is a new record, the latest one is the directive.
 *
 * @param version    1 when issued, +1 per step; an action names the version it saw (optimistic concurrency)
 * @param department the owning department desk in the district; null: the district commander owns it
 * @param alert      the alert it was issued from, may be null
 * @param shortage   the shortage ({@code district|commodity}) it was issued from, may be null
 * @param issuedBy   who issued it: the one who accepts or returns it
 * @param history    every step, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Directive(String id, long version, DirectiveState state, String district, String department,
                        String text, OffsetDateTime deadline, DirectivePriority priority, String alert,
                        String shortage, String issuedBy, OffsetDateTime issuedAt, OffsetDateTime updatedAt,
                        List<DirectiveStep> history) {
    /** More steps than this are refused: a record stays far below Kafka's record size limit. */
    public static final int MAX_STEPS = 200;

    public Directive {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Past its deadline at {@code now} and not closed or accepted. */
    public boolean overdueAt(Instant now) {
        return !state.done() && deadline.toInstant().isBefore(now);
    }

    /** The latest step. */
    @JsonIgnore
    public DirectiveStep lastStep() {
        return history.get(history.size() - 1);
    }

    @Override
    public String toString() {
        return "Directive[" + id + " v" + version + " " + state + " " + district + "/" + department + "]";
    }
}
