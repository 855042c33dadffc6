package org.warroom.dashboard.campaign;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.warroom.contracts.campaign.CampaignFilter;
import org.warroom.dashboard.query.QueryFailed;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;

/**
 * The workers of the registry that a campaign filter selects, in calling order (never verified first, then the
 * longest unverified, then by id), read from the worker index with a point in time and {@code search_after} pages
 * of 10,000 ids (no documents fetched). Blocking: call it from a worker thread.
 */
public final class CampaignMembership {
    /** Larger campaigns are refused (a campaign's queue addresses workers by 24-bit positions). */
    public static final int MAX_SIZE = 4_000_000;
    private static final int PAGE = 10_000;

    private final ElasticsearchClient client;
    private final IndexNames names;

    public CampaignMembership(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    public List<String> select(CampaignFilter filter, Instant now) {
        List<Query> filters = filters(filter, now);
        String pit = null;
        try {
            pit = client.openPointInTime(p -> p.index(names.pattern(IndexFamily.WORKERS)).keepAlive(k -> k.time("2m")))
                    .id();
            List<String> ids = new ArrayList<>();
            List<FieldValue> after = null;
            while (true) {
                String pitId = pit;
                List<FieldValue> from = after;
                SearchResponse<Void> page = client.search(s -> {
                    s.pit(p -> p.id(pitId).keepAlive(k -> k.time("2m")))
                            .size(PAGE)
                            .query(q -> q.bool(b -> b.filter(filters)))
                            .sort(o -> o.field(f -> f.field("verifiedAt").order(SortOrder.Asc).missing("_first")))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                            .source(src -> src.fetch(false))
                            .trackTotalHits(t -> t.enabled(false));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, Void.class);
                List<Hit<Void>> hits = page.hits().hits();
                for (Hit<Void> hit : hits) {
                    ids.add(hit.id());
                }
                if (ids.size() > MAX_SIZE) {
                    throw new IllegalArgumentException("the filter selects more than " + MAX_SIZE + " workers");
                }
                if (hits.size() < PAGE) {
                    return ids;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e;
            }
            throw new QueryFailed("campaign members", e);
        } finally {
            if (pit != null) {
                String id = pit;
                try {
                    client.closePointInTime(c -> c.id(id));
                } catch (IOException | RuntimeException ignored) {
                    // it expires by itself within two minutes
                }
            }
        }
    }

    static List<Query> filters(CampaignFilter filter, Instant now) {
        List<Query> filters = new ArrayList<>();
        term(filters, "homeDistrict", filter.homeDistrict());
        term(filters, "currentState", filter.currentState());
        term(filters, "status", filter.status());
        term(filters, "skills", filter.skill());
        if (filter.notVerifiedForDays() != null) {
            String before = now.minus(filter.notVerifiedForDays(), ChronoUnit.DAYS).toString();
            filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.bool(n -> n.mustNot(m -> m.exists(x -> x.field("verifiedAt")))))
                    .should(s -> s.range(r -> r.untyped(u -> u.field("verifiedAt").lt(JsonData.of(before))))))));
        }
        return filters;
    }

    private static void term(List<Query> filters, String field, String value) {
        if (value != null) {
            filters.add(Query.of(q -> q.term(t -> t.field(field).value(value))));
        }
    }
}
