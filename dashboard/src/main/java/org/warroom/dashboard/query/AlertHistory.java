package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;
import org.warroom.dashboard.access.Scope;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;

/**
 * The alert history with acknowledgements: every alert episode as its latest state ({@link Alert}: raised, who
 * acknowledged it when and with what comment, when it cleared), newest first. A district-scoped caller sees only
 * their districts' alerts (state-wide alerts such as line load are for whole-state scopes). Blocking: call it from a
 * worker thread.
 */
public final class AlertHistory {
    public static final int MAX_PAGE = 200;

    /** One page: {@code {"total", "items": [Alert...]}}; each item is a superset of API.md's alert item. */
    public record Page(long total, List<Alert> items) {
    }

    /** Newest first; the id makes the order total (for paging after a point in time). */
    private static final List<SortOptions> ORDER = List.of(
            SortOptions.of(o -> o.field(f -> f.field("raisedAt").order(SortOrder.Desc))),
            SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));

    private final ElasticsearchClient client;
    private final IndexNames names;

    public AlertHistory(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    public Page find(Scope scope, AlertQuery query) {
        Scoping.checkPage(query.offset(), query.size(), MAX_PAGE);
        List<Query> filters = filters(scope, query);
        try {
            SearchResponse<Alert> answer = client.search(s -> s
                    .index(names.pattern(IndexFamily.ALERTS))
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(ORDER)
                    .from(query.offset()).size(query.size())
                    .trackTotalHits(t -> t.enabled(true)), Alert.class);
            List<Alert> items = answer.hits().hits().stream().map(h -> h.source()).toList();
            return new Page(answer.hits().total() == null ? items.size() : answer.hits().total().value(), items);
        } catch (IOException | RuntimeException e) {
            throw Queries.failed("alert history", e);
        }
    }

    /**
     * Every alert the query selects (all of them, newest first, not one page), read by a {@link PitScan} in pages of
     * {@code page}; {@code each} may throw to stop. Returns how many were handed over.
     */
    public long each(Scope scope, AlertQuery query, int page, Consumer<Alert> each) {
        List<Query> filters = filters(scope, query);
        PitScan.Scan scan = new PitScan.Scan(names.pattern(IndexFamily.ALERTS),
                Query.of(q -> q.bool(b -> b.filter(filters))), ORDER, SourceConfig.of(s -> s.fetch(true)), page);
        return new PitScan(client).each(scan, Alert.class, hit -> each.accept(hit.source()));
    }

    private static List<Query> filters(Scope scope, AlertQuery query) {
        List<Query> filters = new ArrayList<>();
        Scoping.filter(scope).ifPresent(filters::add);
        String district = Scoping.checkDistrict(scope, query.district());
        if (district != null) {
            filters.add(Scoping.term(Scoping.DISTRICT, district));
        }
        if (query.state() != null && !query.state().isBlank()) {
            String state = WireEnum.parse(AlertState.class, query.state()).map(AlertState::wire)
                    .orElseThrow(() -> QueryRejected.invalid("state", "unknown state '" + query.state()
                            + "', allowed: " + WireEnum.allowed(AlertState.class)));
            filters.add(Scoping.term("state", state));
        }
        if (query.severity() != null && !query.severity().isBlank()) {
            String severity = WireEnum.parse(Severity.class, query.severity()).map(Severity::wire)
                    .orElseThrow(() -> QueryRejected.invalid("severity", "unknown severity '" + query.severity()
                            + "', allowed: " + WireEnum.allowed(Severity.class)));
            filters.add(Scoping.term("severity", severity));
        }
        if (query.rule() != null && !query.rule().isBlank()) {
            filters.add(Scoping.term("rule", query.rule().strip()));
        }
        if (!query.categories().isEmpty()) {
            List<FieldValue> values = query.categories().stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.terms(t -> t.field("commodity").terms(v -> v.value(values))))
                    .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field("commodity"))))))));
        }
        Scoping.range("raisedAt", query.from(), query.to()).ifPresent(filters::add);
        return filters;
    }
}
