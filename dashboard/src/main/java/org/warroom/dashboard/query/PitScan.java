package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every document a query selects, however many, in a fixed order: a point in time (one consistent view of
 * the index while the pages are read) and {@code search_after} pages, so memory holds one page at a time and the
 * 10,000-hit paging limit does not apply. The point in time is closed at the end, also when the consumer throws
 * (which is how a reader stops early: the exception reaches the caller). Used by the campaigns (worker ids) and the
 * exports (whole documents). Blocking: call it from a worker thread.
 */
public final class PitScan {
    private static final String KEEP_ALIVE = "2m";

    private final ElasticsearchClient client;

    public PitScan(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * What to read.
     *
     * @param index  index or pattern
     * @param query  the selection
     * @param sort   the order; its last field must be unique per document (an id) so pages neither skip nor repeat
     * @param source which source fields to fetch ({@code fetch(false)}: none, ids only)
     * @param page   documents per page
     */
    public record Scan(String index, Query query, List<SortOptions> sort, SourceConfig source, int page) {
    }

    /** Hands every hit to {@code each}, page by page; returns how many there were. */
    public <T> long each(Scan scan, Class<T> type, Consumer<Hit<T>> each) {
        String pit = null;
        try {
            pit = client.openPointInTime(p -> p.index(scan.index()).keepAlive(k -> k.time(KEEP_ALIVE))).id();
            long n = 0;
            List<FieldValue> after = null;
            while (true) {
                String pitId = pit;
                List<FieldValue> from = after;
                SearchResponse<T> page = client.search(s -> {
                    s.pit(p -> p.id(pitId).keepAlive(k -> k.time(KEEP_ALIVE)))
                            .size(scan.page())
                            .query(scan.query())
                            .sort(scan.sort())
                            .source(scan.source())
                            .trackTotalHits(t -> t.enabled(false));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, type);
                List<Hit<T>> hits = page.hits().hits();
                for (Hit<T> hit : hits) {
                    each.accept(hit);
                    n++;
                }
                if (hits.size() < scan.page()) {
                    return n;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new QueryFailed("scan of " + scan.index(), e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            throw new QueryFailed("scan of " + scan.index(), e);
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
}
