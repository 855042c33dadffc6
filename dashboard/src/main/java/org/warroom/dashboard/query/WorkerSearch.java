package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.dashboard.access.Scope;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.doc.PersonalData;
import org.warroom.elastic.doc.WorkerDoc;

/**
 * Searches the worker registry by name, phone suffix, skill, status, home or current district. A district-scoped
 * caller sees the workers from or in their districts only; names and phones are masked unless the scope shows
 * personal data (the clear values are then not even fetched from Elasticsearch). Blocking: call it from a worker
 * thread.
 */
public final class WorkerSearch {
    public static final int MAX_PAGE = 100;

    private final ElasticsearchClient client;
    private final IndexNames names;

    public WorkerSearch(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    public WorkerPage search(Scope scope, WorkerQuery query) {
        Scoping.checkPage(query.offset(), query.size(), MAX_PAGE);
        Selection selection = select(scope, query);
        Query mustQuery = selection.must();
        try {
            SearchResponse<JsonNode> answer = client.search(s -> {
                s.index(names.pattern(IndexFamily.WORKERS))
                        .query(selection.query())
                        .from(query.offset()).size(query.size())
                        .trackTotalHits(t -> t.enabled(true));
                if (mustQuery == null) {
                    s.sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                }
                s.source(source(scope));
                return s;
            }, JsonNode.class);
            List<WorkerPage.Worker> items = answer.hits().hits().stream().map(h -> worker(h.source(), scope)).toList();
            return new WorkerPage(answer.hits().total() == null ? items.size() : answer.hits().total().value(), items);
        } catch (IOException | RuntimeException e) {
            throw Queries.failed("worker search", e);
        }
    }

    /**
     * Every worker the search selects (not one page: all of them, by id), each as the search shows it to this scope
     * (masked alike), read by a {@link PitScan} in pages of {@code page}; {@code each} may throw to stop. Returns
     * how many were handed over.
     */
    public long each(Scope scope, WorkerQuery query, int page, Consumer<WorkerPage.Worker> each) {
        Selection selection = select(scope, query);
        PitScan.Scan scan = new PitScan.Scan(names.pattern(IndexFamily.WORKERS), selection.query(),
                List.of(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))), source(scope), page);
        return new PitScan(client).each(scan, JsonNode.class, hit -> each.accept(worker(hit.source(), scope)));
    }

    /** The clear name and phone are not even fetched for a scope that masks them. */
    private static SourceConfig source(Scope scope) {
        return scope.personalData() ? SourceConfig.of(s -> s.fetch(true))
                : SourceConfig.of(s -> s.filter(f -> f.excludes(WorkerDoc.PROTECTED_NAME, WorkerDoc.PROTECTED_PHONE)));
    }

    private record Selection(List<Query> filters, Query must) {
        Query query() {
            return Query.of(x -> x.bool(b -> {
                b.filter(filters);
                if (must != null) {
                    b.must(must);
                }
                return b;
            }));
        }
    }

    private Selection select(Scope scope, WorkerQuery query) {
        List<Query> filters = new ArrayList<>();
        Scoping.filter(scope).ifPresent(filters::add);
        String district = Scoping.checkDistrict(scope, query.district());
        if (district != null) {
            filters.add(Scoping.term(Scoping.DISTRICT, district));
        }
        String home = Scoping.checkDistrict(Scope.everywhere(false), query.homeDistrict());
        if (home != null) {
            filters.add(Scoping.term("homeDistrict", home));
        }
        String current = Scoping.checkDistrict(Scope.everywhere(false), query.currentDistrict());
        if (current != null) {
            filters.add(Scoping.term("currentDistrict", current));
        }
        if (query.currentState() != null && !query.currentState().isBlank()) {
            filters.add(Scoping.term("currentState", query.currentState().strip()));
        }
        if (query.skill() != null && !query.skill().isBlank()) {
            filters.add(Scoping.term("skills", query.skill().strip().toLowerCase(Locale.ROOT)));
        }
        if (query.status() != null && !query.status().isBlank()) {
            String status = WireEnum.parse(WorkerStatus.class, query.status()).map(WorkerStatus::wire)
                    .orElseThrow(() -> QueryRejected.invalid("status", "unknown status '" + query.status()
                            + "', allowed: " + WireEnum.allowed(WorkerStatus.class)));
            filters.add(Scoping.term("status", status));
        }
        Query must = null;
        String q = query.q() == null ? "" : query.q().strip();
        if (q.length() > 200) {
            throw QueryRejected.invalid("q", "at most 200 characters");
        }
        if (!q.isEmpty()) {
            if (q.matches("[+\\d\\s-]+")) {
                String digits = PersonalData.digits(q);
                if (digits.length() < 4) {
                    throw QueryRejected.invalid("q", "a phone number suffix needs at least 4 digits");
                }
                if (!scope.personalData() && digits.length() > 4) {
                    throw QueryRejected.forbidden("q", "you may search by the last 4 digits of a phone number only");
                }
                String reversed = new StringBuilder(digits).reverse().toString();
                filters.add(digits.length() == 4 ? Scoping.term("phoneLast4", digits)
                        : Query.of(x -> x.prefix(p -> p.field("phoneReversed").value(reversed))));
            } else {
                must = Query.of(x -> x.match(m -> m.field("name").query(q).operator(Operator.And).fuzziness("AUTO")));
            }
        }
        return new Selection(filters, must);
    }

    private static WorkerPage.Worker worker(JsonNode d, Scope scope) {
        boolean clear = scope.personalData();
        return new WorkerPage.Worker(Queries.text(d, "id"),
                Queries.text(d, clear ? "name" : "nameMasked"),
                Queries.text(d, clear ? "phone" : "phoneMasked"),
                !clear, Queries.text(d, "homeDistrict"), Queries.text(d, "currentState"),
                Queries.text(d, "currentDistrict"), Queries.texts(d, "skills"), Queries.text(d, "status"),
                Queries.time(d, "verifiedAt"), Queries.text(d, "source"), Queries.time(d, "at"));
    }
}
