package org.warroom.dashboard.campaign;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.warroom.contracts.campaign.CampaignFilter;
import org.warroom.dashboard.query.PitScan;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;

/**
 * The workers of the registry that a campaign filter selects, in calling order (never verified first, then the
 * longest unverified, then by id), read from the worker index by a {@link PitScan} in pages of 10,000 ids with only
 * each worker's home district from the documents (for progress by district). Blocking: call it from a worker thread.
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

    public SelectedWorkers select(CampaignFilter filter, Instant now) {
        List<Query> filters = filters(filter, now);
        List<String> ids = new ArrayList<>();
        List<String> homes = new ArrayList<>();
        PitScan.Scan scan = new PitScan.Scan(names.pattern(IndexFamily.WORKERS),
                Query.of(q -> q.bool(b -> b.filter(filters))),
                List.of(SortOptions.of(o -> o.field(f -> f.field("verifiedAt").order(SortOrder.Asc).missing("_first"))),
                        SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))),
                SourceConfig.of(src -> src.filter(f -> f.includes("homeDistrict"))), PAGE);
        new PitScan(client).each(scan, com.fasterxml.jackson.databind.JsonNode.class, hit -> {
            ids.add(hit.id());
            com.fasterxml.jackson.databind.JsonNode home = hit.source() == null ? null : hit.source().get("homeDistrict");
            homes.add(home == null || home.isNull() ? null : home.asText().intern());
            if (ids.size() > MAX_SIZE) {
                throw new IllegalArgumentException("the filter selects more than " + MAX_SIZE + " workers");
            }
        });
        return new SelectedWorkers(ids, homes);
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
