package org.warroom.contracts.complaint;

/**
 * An action on a complaint as asked ({@code POST /api/v1/complaints/{number}/actions}, or a citizen's message).
 *
 * @param version the complaint version the person acted on: a stale one is refused (optimistic concurrency)
 * @param rating  for {@code rate} only: the citizen's rating, {@code 1}–{@code 5}
 */
public record ActionRequest(ComplaintAction action, String note, String assignee, String department, long version,
                            String rating) {
    public ActionRequest(ComplaintAction action, String note, String assignee, String department, long version) {
        this(action, note, assignee, department, version, null);
    }
}
