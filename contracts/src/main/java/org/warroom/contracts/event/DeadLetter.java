package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A rejected input, kept with why it was rejected. Topic {@code warroom.deadletter}, keyed by feed.
 *
 * @param feed     {@code calls}, {@code messages}, {@code reports}, {@code workers}, a webhook name, or the
 *                 topic a streams/indexer stage could not process
 * @param source   who sent it (the API key's source, or the provider)
 * @param line     1-based line in the request body or CSV file, when there was one
 * @param field    the offending field, when one is to blame
 * @param reason   why it was rejected, in words a sender can act on
 * @param raw      the input as received (truncated to a bounded size)
 * @param stage    {@code ingest}, {@code streams} or {@code indexer}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetter(
        String feed,
        String source,
        Integer line,
        String field,
        String reason,
        String raw,
        String stage,
        Instant at) {
}
