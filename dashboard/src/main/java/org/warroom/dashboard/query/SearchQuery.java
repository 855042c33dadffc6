package org.warroom.dashboard.query;

import java.time.Instant;
import java.util.Set;

/**
 * A full-text search over citizen messages and ticket notes ({@code search?q=&district=&from=&to=}).
 *
 * @param q        words to find (Hindi or English); {@code "a phrase"}, {@code -not}, {@code a | b} and {@code prefix*}
 *                 work; nothing else is syntax. Blank lists everything that matches the filters, newest first
 * @param district one LGD district code, inside the caller's scope; null for all the scope allows
 * @param channel  {@code whatsapp|sms|twitter|facebook|other} (messages only); null for any
 * @param category a ticket category or commodity: tickets of that category and messages about that commodity
 * @param feeds    which feeds to search; empty for every feed the caller may search ({@link SearchRights})
 * @param from     inclusive lower bound of {@code at}; null for none
 * @param to       exclusive upper bound of {@code at}; null for none
 * @param offset   paging: results to skip
 * @param size     paging: results per page, at most {@link SearchService#MAX_PAGE}
 * @param sort     by relevance (then newest first) or newest first
 */
public record SearchQuery(String q, String district, String channel, String category, Set<Feed> feeds, Instant from,
                          Instant to, int offset, int size, Sort sort) {

    public enum Feed {
        MESSAGES("messages"), TICKETS("tickets"), DIRECTIVES("directives"), LOG("log"), HANDOVERS("handovers"),
        /** Desk complaints (issue 20): by number, caller's phone and text. */
        COMPLAINTS("complaints");

        private final String wire;

        Feed(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The feed of a {@code feed=} parameter, case-insensitive. */
        public static java.util.Optional<Feed> parse(String value) {
            for (Feed f : values()) {
                if (f.wire.equalsIgnoreCase(value)) {
                    return java.util.Optional.of(f);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public enum Sort { RELEVANCE, RECENT }

    public SearchQuery {
        feeds = feeds == null || feeds.isEmpty() ? Set.of() : Set.copyOf(feeds);
        sort = sort == null ? Sort.RELEVANCE : sort;
    }

    /** Words over everything the caller sees, first page of 20. */
    public static SearchQuery of(String q) {
        return new SearchQuery(q, null, null, null, Set.of(), null, null, 0, 20, Sort.RELEVANCE);
    }

    public SearchQuery inDistrict(String d) {
        return new SearchQuery(q, d, channel, category, feeds, from, to, offset, size, sort);
    }

    public SearchQuery onChannel(String c) {
        return new SearchQuery(q, district, c, category, feeds, from, to, offset, size, sort);
    }

    public SearchQuery inCategory(String c) {
        return new SearchQuery(q, district, channel, c, feeds, from, to, offset, size, sort);
    }

    /** Every feed the caller may search (the default). */
    public boolean allFeeds() {
        return feeds.isEmpty();
    }

    public SearchQuery only(Feed... f) {
        return new SearchQuery(q, district, channel, category, Set.of(f), from, to, offset, size, sort);
    }

    public SearchQuery between(Instant f, Instant t) {
        return new SearchQuery(q, district, channel, category, feeds, f, t, offset, size, sort);
    }

    public SearchQuery page(int o, int s) {
        return new SearchQuery(q, district, channel, category, feeds, from, to, o, s, sort);
    }

    public SearchQuery sorted(Sort s) {
        return new SearchQuery(q, district, channel, category, feeds, from, to, offset, size, s);
    }
}
