package org.warroom.contracts.directive;

/**
 * An action on a directive as asked ({@code POST /api/v1/directives/{id}/actions}).
 *
 * @param version the directive version the person acted on: a stale one is refused (optimistic concurrency)
 */
public record DirectiveRequest(DirectiveAction action, String note, long version) {
}
