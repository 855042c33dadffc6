package org.warroom.dashboard.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * API.md's search answer: {@code {"total", "items": [{"feed", "id", "district", "at", "text"}]}} plus additions.
 *
 * @param total matching documents in the caller's scope (exact up to 10,000, then a lower bound)
 */
public record SearchResult(long total, List<Item> items) {

    /**
     * One hit. {@code text} is the message text or ticket note, with phone numbers masked unless the caller may see
     * personal data; {@code highlights} are HTML-escaped fragments of it with the matched words in
     * {@code <mark>...</mark>} (safe to put into a page as HTML; {@code text} is not: insert it as text).
     *
     * @param feed  {@code messages}, {@code tickets}, {@code directives}, {@code log} or {@code handovers}
     * @param state a directive's or handover's state
     * @param by    who issued the directive, wrote the log entry or drafted the handover
     * @param from the sender (messages), masked unless the caller may see personal data
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String feed, String id, String district, OffsetDateTime at, String text, List<String> highlights,
                       String channel, String category, List<String> commodities, String ticket, String event,
                       String department, String from, String state, String by) {
        /** A message or ticket hit (no state, no author). */
        public Item(String feed, String id, String district, OffsetDateTime at, String text, List<String> highlights,
                    String channel, String category, List<String> commodities, String ticket, String event,
                    String department, String from) {
            this(feed, id, district, at, text, highlights, channel, category, commodities, ticket, event, department,
                    from, null, null);
        }
    }
}
