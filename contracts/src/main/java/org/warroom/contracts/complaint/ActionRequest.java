package org.warroom.contracts.complaint;

/**
 * An action on a complaint as asked ({@code POST /api/v1/complaints/{number}/actions}).
 *
 * @param version the complaint version the person acted on: a stale one is refused (optimistic concurrency)
 */
public record ActionRequest(ComplaintAction action, String note, String assignee, String department, long version) {
}
