package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A complaint as the grievance desk keeps it: topic {@code warroom.complaints} (compacted, keyed by
 * {@link #number()}), its latest record is the complaint. Each change is also one ticket step on
 * {@code warroom.tickets} ({@link ComplaintTickets}), so backlogs, SLA breaches and ratings follow it.
 *
 * @param version   1 at registration, +1 per step; an action names the version it saw (optimistic concurrency)
 * @param phone     the caller's phone (personal data)
 * @param name      the caller's name, may be null (personal data)
 * @param text      what the citizen said (personal data)
 * @param message   the citizen message it was made of, when there was one
 * @param openedAt  when it was registered
 * @param openSince when its current time on a desk began (registration, or the last reopening)
 * @param slaDueAt  {@link #openSince()} + the category's SLA
 * @param history   every step, oldest first
 * @param replies   what the citizen was told, or would have been without a provider
 * @param rating    the citizen's rating 1–5 after resolution (once per complaint), null until rated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Complaint(String number, long version, ComplaintState state, String district, String department,
                        String category, String commodity, String phone, String name, String text,
                        ComplaintChannel channel, String language, String message, String call,
                        OffsetDateTime openedAt, OffsetDateTime openSince, OffsetDateTime slaDueAt, String assignee,
                        OffsetDateTime updatedAt, List<ComplaintStep> history, List<ComplaintReply> replies,
                        Integer rating) {
    /** More steps than this are refused: a record stays far below Kafka's record size limit. */
    public static final int MAX_STEPS = 200;

    public Complaint {
        history = history == null ? List.of() : List.copyOf(history);
        replies = replies == null ? List.of() : List.copyOf(replies);
    }

    /** A complaint not rated (records written before ratings existed read the same way). */
    public Complaint(String number, long version, ComplaintState state, String district, String department,
                     String category, String commodity, String phone, String name, String text,
                     ComplaintChannel channel, String language, String message, String call,
                     OffsetDateTime openedAt, OffsetDateTime openSince, OffsetDateTime slaDueAt, String assignee,
                     OffsetDateTime updatedAt, List<ComplaintStep> history, List<ComplaintReply> replies) {
        this(number, version, state, district, department, category, commodity, phone, name, text, channel, language,
                message, call, openedAt, openSince, slaDueAt, assignee, updatedAt, history, replies, null);
    }

    /** The same version with {@code replies} instead. */
    public Complaint withReplies(List<ComplaintReply> replies) {
        return new Complaint(number, version, state, district, department, category, commodity, phone, name, text,
                channel, language, message, call, openedAt, openSince, slaDueAt, assignee, updatedAt, history, replies,
                rating);
    }

    /** The latest step. */
    public ComplaintStep lastStep() {
        return history.get(history.size() - 1);
    }

    @Override
    public String toString() {
        return "Complaint[" + number + " v" + version + " " + state + " " + district + "/" + department + "]";
    }
}
