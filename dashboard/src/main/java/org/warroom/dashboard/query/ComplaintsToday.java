package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;

/**
 * Complaints registered and resolved today (the war room's calendar day, midnight until now), per district: the
 * ticket steps {@code opened} and {@code resolved} of the tickets index, counted as the situation report counts its
 * {@code ticketsOpened}/{@code ticketsResolved}, so the two agree. Counts only — no ticket, note or phone leaves
 * this class. Blocking: call it from a worker thread.
 */
public final class ComplaintsToday {
    private static final int MAX_DISTRICTS = 2_000;

    /** Today's counts of one district. */
    public record Counts(long registered, long resolved) {
    }

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final ZoneId zone;
    private final Clock clock;

    public ComplaintsToday(ElasticsearchClient client, IndexNames names, ZoneId zone, Clock clock) {
        this.client = client;
        this.names = names;
        this.zone = zone;
        this.clock = clock;
    }

    /** Today's counts per district code (districts without a complaint today are absent). */
    public Map<String, Counts> byDistrict() {
        Instant now = clock.instant();
        Instant start = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Query today = Scoping.range("at", start, now.plusMillis(1)).orElseThrow();
        Query ticketSteps = Query.of(q -> q.exists(e -> e.field("ticket")));
        try {
            SearchResponse<Void> answer = client.search(s -> s.index(names.pattern(IndexFamily.TICKETS)).size(0)
                    .query(q -> q.bool(b -> b.filter(today).filter(ticketSteps)))
                    .aggregations("district", a -> a.terms(t -> t.field(Scoping.DISTRICT).size(MAX_DISTRICTS))
                            .aggregations("opened", o -> o.filter(Scoping.term("event", "opened")))
                            .aggregations("resolved", o -> o.filter(Scoping.term("event", "resolved")))), Void.class);
            Map<String, Counts> out = new HashMap<>();
            List<StringTermsBucket> buckets = answer.aggregations().get("district").sterms().buckets().array();
            for (StringTermsBucket b : buckets) {
                out.put(b.key().stringValue(), new Counts(b.aggregations().get("opened").filter().docCount(),
                        b.aggregations().get("resolved").filter().docCount()));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw Queries.failed("complaints today", e);
        }
    }
}
