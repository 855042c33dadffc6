package org.warroom.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.FeedEvents.BHOPAL;
import static org.warroom.testkit.FeedEvents.T0;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.dashboard.access.Scope;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.doc.MessageDoc;
import org.warroom.elastic.doc.TicketDoc;
import org.warroom.testkit.FeedEvents;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.RealElasticsearch;

/**
 * The search test set ({@code search/search-set.tsv}: messages and ticket notes in Devanagari, romanised Hindi and
 * English, and over 60 queries in both scripts with the documents each must find) against the real Elasticsearch
 * node, the documents written with the indexer's own records. Prints precision and recall over the whole set and
 * every query that missed or over-found; both must be at least 0.9.
 */
@ExtendWith(RealElasticsearch.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchAcrossScriptsIntegrationTest {
    static final Scope OPERATOR = Scope.everywhere(false);

    record Judged(String q, Set<String> must, Set<String> may) {
    }

    final Map<String, String> documents = new LinkedHashMap<>();
    final List<Judged> queries = new ArrayList<>();
    ElasticsearchClient client;
    SearchService search;

    @BeforeAll
    void load(LocalElasticsearch es) throws Exception {
        readSet();
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(),
                "es.index.prefix", "s" + System.nanoTime())));
        client = ElasticClientFactory.create(settings);
        IndexTemplates.install(client, settings);
        IndexNames names = settings.names();
        List<BulkOperation> ops = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> d : documents.entrySet()) {
            String id = d.getKey();
            String[] feedAndText = d.getValue().split("\t", 2);
            var at = T0.plusMinutes(n++);
            Object doc = feedAndText[0].equals("t")
                    ? TicketDoc.of(FeedEvents.ticket(id, "ticket-" + id, BHOPAL, TicketEventType.OPENED, feedAndText[1], at))
                    : MessageDoc.of(FeedEvents.message(id, BHOPAL, feedAndText[1], at));
            IndexFamily family = feedAndText[0].equals("t") ? IndexFamily.TICKETS : IndexFamily.MESSAGES;
            ops.add(BulkOperation.of(b -> b.index(i -> i.index(names.index(family, at.toInstant())).id(id).document(doc))));
        }
        BulkResponse answer = client.bulk(b -> b.operations(ops).refresh(Refresh.WaitFor));
        assertThat(answer.errors()).as("documents written").isFalse();
        search = new SearchService(client, names);
    }

    @AfterAll
    void close() throws Exception {
        client.close();
    }

    @Test
    @DisplayName("the search test set: precision and recall across scripts and spellings both at least 0.9")
    void shouldFindAcrossScriptsAndSpellings() {
        assertThat(queries).hasSizeGreaterThanOrEqualTo(60);
        int relevantFound = 0;
        int relevant = 0;
        int acceptableFound = 0;
        int found = 0;
        List<String> misses = new ArrayList<>();
        for (Judged j : queries) {
            Set<String> got = new HashSet<>(search.search(OPERATOR, SearchQuery.of(j.q()).page(0, 100)).items()
                    .stream().map(SearchResult.Item::id).toList());
            Set<String> missed = new HashSet<>(j.must());
            missed.removeAll(got);
            Set<String> extra = new HashSet<>(got);
            extra.removeAll(j.must());
            extra.removeAll(j.may());
            relevant += j.must().size();
            relevantFound += j.must().size() - missed.size();
            got.removeAll(j.may().stream().filter(m -> !j.must().contains(m)).toList());
            found += got.size();
            acceptableFound += got.size() - extra.size();
            if (!missed.isEmpty() || !extra.isEmpty()) {
                misses.add(String.format("  %-22s missed %s, wrongly found %s", j.q(), missed, extra));
            }
        }
        double precision = found == 0 ? 0 : (double) acceptableFound / found;
        double recall = (double) relevantFound / relevant;
        System.out.printf("search test set: %d queries over %d documents: precision %.3f (%d of %d found were right),"
                        + " recall %.3f (%d of %d to find were found)%n", queries.size(), documents.size(), precision,
                acceptableFound, found, recall, relevantFound, relevant);
        misses.forEach(System.out::println);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.9);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    @DisplayName("a romanised query marks the Devanagari words it found, and the other way round")
    void shouldHighlightAcrossScripts() {
        SearchResult.Item d01 = search.search(OPERATOR, SearchQuery.of("doodh nahi")).items().stream()
                .filter(i -> i.id().equals("d01")).findFirst().orElseThrow();
        assertThat(d01.highlights()).containsExactly("इंदौर में <mark>दूध</mark> <mark>नहीं</mark> मिल रहा");
        SearchResult.Item d08 = search.search(OPERATOR, SearchQuery.of("दवा")).items().stream()
                .filter(i -> i.id().equals("d08")).findFirst().orElseThrow();
        assertThat(d08.highlights()).containsExactly("dawai ki dukan band hai, sugar ki <mark>dawa</mark> khatam");
        SearchResult.Item d26 = search.search(OPERATOR, SearchQuery.of("medcines")).items().stream()
                .filter(i -> i.id().equals("d26")).findFirst().orElseThrow();
        assertThat(d26.highlights()).singleElement().asString().startsWith("<mark>Medicines</mark> for diabetes");
    }

    private void readSet() throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/search/search-set.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                if (f[0].equals("D")) {
                    documents.put(f[1], f[2] + "\t" + f[3]);
                } else if (f[0].equals("Q")) {
                    queries.add(new Judged(f[1], ids(f[2]), ids(f[3])));
                }
            }
        }
    }

    private static Set<String> ids(String list) {
        return list.equals("-") ? Set.of() : new HashSet<>(Arrays.asList(list.split(",")));
    }
}
