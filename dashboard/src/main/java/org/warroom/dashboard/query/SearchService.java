package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.event.WireEnum;
import org.warroom.dashboard.access.Scope;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.doc.ComplaintDoc;
import org.warroom.elastic.doc.MessageDoc;
import org.warroom.elastic.doc.PersonalData;
import org.warroom.elastic.doc.ShiftDoc;

/**
 * Full-text search over citizen messages and ticket notes — and, for the roles that may see them
 * ({@link SearchRights}), directives, the shift log and handovers — scoped: a caller only ever gets documents of the
 * districts their {@link Scope} sees, and asking for another district is refused ({@link QueryRejected}). User input
 * reaches Elasticsearch only as the text of a {@code simple_query_string} (which never fails on syntax and cannot
 * name fields) or as exact term values and search keys. A document matches when the words as typed match its text,
 * or when every word's search key matches its keys ({@link FoldedQuery}: {@code doodh} finds दूध, one typing error
 * is forgiven); matched words are marked by the {@link Highlighter}. Blocking: call it from a worker thread.
 */
public final class SearchService {
    public static final int MAX_PAGE = 100;
    public static final int MAX_QUERY_LENGTH = 500;

    private final ElasticsearchClient client;
    private final IndexNames names;

    public SearchService(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** Messages and ticket notes only. */
    public SearchResult search(Scope scope, SearchQuery query) {
        return search(scope, SearchRights.MESSAGES_AND_TICKETS, query);
    }

    /**
     * The feeds of {@code query} the {@code rights} allow (all of them when the query names none); a feed named but not
     * allowed is refused ({@code feed}, 403). Documents without a district (handovers, log entries about no district)
     * are found only by a caller who sees every district.
     */
    public SearchResult search(Scope scope, SearchRights rights, SearchQuery query) {
        Set<SearchQuery.Feed> feeds = EnumSet.noneOf(SearchQuery.Feed.class);
        if (query.allFeeds()) {
            feeds.addAll(rights.feeds());
        } else {
            for (SearchQuery.Feed f : query.feeds()) {
                if (!rights.feeds().contains(f)) {
                    throw QueryRejected.forbidden("feed", "your role may not search " + f.wire());
                }
                feeds.add(f);
            }
        }
        Scoping.checkPage(query.offset(), query.size(), MAX_PAGE);
        String q = query.q() == null ? "" : query.q().strip();
        if (q.length() > MAX_QUERY_LENGTH) {
            throw QueryRejected.invalid("q", "at most " + MAX_QUERY_LENGTH + " characters");
        }
        String district = Scoping.checkDistrict(scope, query.district());
        String channel = query.channel() == null || query.channel().isBlank() ? null
                : WireEnum.parse(Channel.class, query.channel()).map(Channel::wire)
                        .orElseThrow(() -> QueryRejected.invalid("channel", "unknown channel '" + query.channel()
                                + "', allowed: " + WireEnum.allowed(Channel.class)));
        String category = query.category() == null || query.category().isBlank() ? null
                : TicketCategory.parse(query.category()).orElseThrow(() -> QueryRejected.invalid("category",
                        "unknown category '" + query.category() + "', allowed: " + TicketCategory.ALL));

        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(f -> f.exists(e -> e.field("text"))));
        Scoping.filter(scope).ifPresent(filters::add);
        if (district != null) {
            filters.add(Scoping.term(Scoping.DISTRICT, district));
        }
        if (channel != null) {
            filters.add(Scoping.term("channel", channel));
        }
        if (category != null) {
            filters.add(Query.of(f -> f.bool(b -> b.minimumShouldMatch("1")
                    .should(Scoping.term("category", category))
                    .should(Scoping.term("commodities", category)))));
        }
        Scoping.range("at", query.from(), query.to()).ifPresent(filters::add);

        Set<IndexFamily> families = new LinkedHashSet<>();
        feeds.stream().sorted().forEach(f -> families.add(family(f)));
        List<String> indices = families.stream().map(names::pattern).toList();
        if (families.contains(IndexFamily.SHIFT)
                && !(feeds.contains(SearchQuery.Feed.LOG) && feeds.contains(SearchQuery.Feed.HANDOVERS))) {
            String kind = feeds.contains(SearchQuery.Feed.LOG) ? ShiftDoc.LOG : ShiftDoc.HANDOVER;
            filters.add(within(IndexFamily.SHIFT, Scoping.term("kind", kind)));
        }
        if (rights.byDepartment()) {
            List<FieldValue> desks = rights.departments().stream().map(FieldValue::of).toList();
            for (IndexFamily byDesk : List.of(IndexFamily.DIRECTIVES, IndexFamily.COMPLAINTS)) {
                if (families.contains(byDesk)) {
                    filters.add(within(byDesk, desks.isEmpty()
                            ? Query.of(n -> n.bool(b -> b.mustNot(m -> m.matchAll(a -> a))))
                            : Query.of(t -> t.terms(x -> x.field("departmentKey").terms(v -> v.value(desks))))));
                }
            }
        }
        List<Query> exact = families.contains(IndexFamily.COMPLAINTS) ? ComplaintSearch.exact(q) : List.of();
        boolean relevance = !q.isEmpty() && query.sort() == SearchQuery.Sort.RELEVANCE;
        FoldedQuery folded = FoldedQuery.parse(q);
        try {
            SearchResponse<JsonNode> answer = client.search(s -> {
                s.index(indices)
                        .query(x -> x.bool(b -> {
                            b.filter(filters);
                            if (!q.isEmpty()) {
                                b.must(m -> m.bool(any -> {
                                    any.should(plainText(q));
                                    folded.allWanted().ifPresent(any::should);
                                    exact.forEach(any::should);
                                    return any.minimumShouldMatch("1");
                                }));
                                b.mustNot(folded.excluded());
                            }
                            return b;
                        }))
                        .from(query.offset())
                        .size(query.size())
                        .trackTotalHits(t -> t.enabled(true));
                if (relevance) {
                    s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
                }
                s.sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)));
                if (!scope.personalData()) {
                    s.source(src -> src.filter(f -> f.excludes(MessageDoc.PROTECTED_FROM, MessageDoc.PROTECTED_SENDER_NAME,
                            ComplaintDoc.PROTECTED_PHONE, ComplaintDoc.PROTECTED_NAME)));
                }
                return s;
            }, JsonNode.class);
            List<SearchResult.Item> items = answer.hits().hits().stream().map(h -> item(h, scope, folded)).toList();
            long total = answer.hits().total() == null ? items.size() : answer.hits().total().value();
            return new SearchResult(total, items);
        } catch (IOException | RuntimeException e) {
            throw Queries.failed("search", e);
        }
    }

    private static IndexFamily family(SearchQuery.Feed feed) {
        return switch (feed) {
            case MESSAGES -> IndexFamily.MESSAGES;
            case TICKETS -> IndexFamily.TICKETS;
            case DIRECTIVES -> IndexFamily.DIRECTIVES;
            case LOG, HANDOVERS -> IndexFamily.SHIFT;
            case COMPLAINTS -> IndexFamily.COMPLAINTS;
        };
    }

    /** {@code constraint} on the documents of {@code family} only; the other families' documents pass. */
    private Query within(IndexFamily family, Query constraint) {
        Query inFamily = Query.of(q -> q.prefix(p -> p.field("_index").value(names.alias(family) + "-")));
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                .should(s -> s.bool(n -> n.mustNot(inFamily)))
                .should(constraint)));
    }

    /** The query as typed, on the text itself (phrases, {@code a | b}, {@code prefix*}, {@code -not}). */
    private static Query plainText(String q) {
        return Query.of(m -> m.simpleQueryString(sq -> sq.query(q).fields("text")
                .defaultOperator(Operator.And)
                .flags(SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or,
                        SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase,
                        SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Precedence,
                        SimpleQueryStringFlag.Whitespace, SimpleQueryStringFlag.Escape)));
    }

    private SearchResult.Item item(Hit<JsonNode> hit, Scope scope, FoldedQuery folded) {
        JsonNode d = hit.source();
        boolean message = hit.index().startsWith(names.alias(IndexFamily.MESSAGES) + "-");
        if (hit.index().startsWith(names.alias(IndexFamily.COMPLAINTS) + "-")) {
            return ComplaintSearch.item(d, scope, folded);
        }
        String feed = message ? SearchQuery.Feed.MESSAGES.wire()
                : hit.index().startsWith(names.alias(IndexFamily.DIRECTIVES) + "-") ? SearchQuery.Feed.DIRECTIVES.wire()
                : hit.index().startsWith(names.alias(IndexFamily.SHIFT) + "-")
                        ? (ShiftDoc.LOG.equals(Queries.text(d, "kind")) ? SearchQuery.Feed.LOG.wire()
                                : SearchQuery.Feed.HANDOVERS.wire())
                : SearchQuery.Feed.TICKETS.wire();
        String text = Queries.text(d, "text");
        if (!scope.personalData()) {
            text = PersonalData.maskText(text);
        }
        List<String> highlights = Highlighter.fragments(text, folded);
        String from = message ? Queries.text(d, scope.personalData() ? "from" : "fromMasked") : null;
        boolean directive = feed.equals(SearchQuery.Feed.DIRECTIVES.wire());
        return new SearchResult.Item(feed,
                Queries.text(d, "id"), Queries.text(d, "district"), Queries.time(d, "at"), text, highlights,
                Queries.text(d, "channel"), Queries.text(d, "category"), Queries.texts(d, "commodities"),
                Queries.text(d, "ticket"), Queries.text(d, "event"), Queries.text(d, "department"), from,
                Queries.text(d, "state"), Queries.text(d, directive ? "issuedBy" : "by"));
    }
}
