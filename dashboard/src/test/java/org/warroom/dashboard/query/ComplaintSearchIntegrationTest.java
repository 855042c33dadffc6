package org.warroom.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.FeedEvents.BHOPAL;
import static org.warroom.testkit.FeedEvents.INDORE;
import static org.warroom.testkit.FeedEvents.T0;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.complaint.ActionRequest;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintAction;
import org.warroom.contracts.complaint.ComplaintChannel;
import org.warroom.contracts.complaint.ComplaintLifecycle;
import org.warroom.contracts.complaint.ComplaintNumber;
import org.warroom.contracts.complaint.ComplaintSla;
import org.warroom.contracts.complaint.Registration;
import org.warroom.contracts.config.Settings;
import org.warroom.dashboard.access.Scope;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.doc.ComplaintDoc;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.RealElasticsearch;

/**
 * Desk complaints found by {@code /api/v1/search}'s service by number, caller's phone and text, masked by role
 * (docs/SEARCH.md, "Complaints"): the documents are the indexer's own ({@link ComplaintDoc}) on the real local
 * Elasticsearch with the installed templates.
 */
@ExtendWith(RealElasticsearch.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintSearchIntegrationTest {
    static final Scope OPERATOR = Scope.everywhere(false);
    static final SearchRights OPERATOR_RIGHTS = SearchRights.of(Role.OPERATOR, List.of());
    static final Scope BHOPAL_CLEAR = Scope.districts(Set.of(BHOPAL), true);

    ElasticsearchClient client;
    SearchService search;

    @BeforeAll
    void load(LocalElasticsearch es) throws Exception {
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(),
                "es.index.prefix", "cmp" + System.nanoTime())));
        client = ElasticClientFactory.create(settings);
        IndexTemplates.install(client, settings);
        IndexNames names = settings.names();
        search = new SearchService(client, names);

        ComplaintLifecycle lifecycle = new ComplaintLifecycle(ComplaintSla.defaults());
        Complaint ration = lifecycle.register(new ComplaintNumber("MP", BHOPAL, 1), new Registration("+919876543210",
                "Ram", BHOPAL, "ration", null, "राशन की दुकान एक हफ्ते से बंद है", ComplaintChannel.CALL, "hi", null, null),
                "Food and Civil Supplies", "agent1", T0);
        ration = lifecycle.act(ration, new ActionRequest(ComplaintAction.RESOLVE, "dealer opened the shop", null, null,
                1), "officer1", T0.plusHours(3));
        Complaint doctor = lifecycle.register(new ComplaintNumber("MP", BHOPAL, 2), new Registration("+919812345678",
                null, BHOPAL, "health", null, "no doctor at the PHC, call me back on 9812345678", ComplaintChannel.CALL,
                "en", null, null), "Health", "agent1", T0.plusHours(1));
        Complaint indore = lifecycle.register(new ComplaintNumber("MP", INDORE, 1), new Registration("+919876543210",
                null, INDORE, "ration", null, "rashan nahi mila", ComplaintChannel.SMS, "en", null, null),
                "Food and Civil Supplies", "agent1", T0.plusHours(2));
        List<BulkOperation> ops = new ArrayList<>();
        for (Complaint c : List.of(ration, doctor, indore)) {
            ComplaintDoc doc = ComplaintDoc.of(c);
            ops.add(BulkOperation.of(b -> b.index(i -> i.index(names.index(IndexFamily.COMPLAINTS, c.openedAt()))
                    .id(c.number()).document(doc))));
        }
        BulkResponse answer = client.bulk(b -> b.operations(ops).refresh(Refresh.WaitFor));
        assertThat(answer.errors()).as("documents written").isFalse();
    }

    @AfterAll
    void close() throws Exception {
        client.close();
    }

    private static List<String> ids(SearchResult r) {
        return r.items().stream().map(i -> i.feed() + ":" + i.id()).toList();
    }

    @Test
    @DisplayName("a complaint number as read back on the phone finds that complaint, any case, spaces, no leading zeros")
    void shouldFindByNumber() {
        for (String typed : List.of("MP-396-000001", "mp 396 1", "Mp-396-01")) {
            assertThat(ids(search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of(typed)))).as(typed)
                    .containsExactly("complaints:MP-" + BHOPAL + "-000001");
        }
    }

    @Test
    @DisplayName("a caller's phone however written finds their complaints; an operator sees it masked, in the text too")
    void shouldFindByPhoneMasked() {
        SearchResult r = search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("98765 43210").only(SearchQuery.Feed.COMPLAINTS));
        assertThat(ids(r)).containsExactlyInAnyOrder("complaints:MP-" + BHOPAL + "-000001",
                "complaints:MP-" + INDORE + "-000001");
        assertThat(r.items()).extracting(SearchResult.Item::from).containsOnly("+91******3210");
        SearchResult doctor = search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("+91 98123 45678"));
        assertThat(ids(doctor)).containsExactly("complaints:MP-" + BHOPAL + "-000002");
        assertThat(ids(search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("098123-45678"))))
                .as("with a trunk 0 and a dash").containsExactly("complaints:MP-" + BHOPAL + "-000002");
        SearchResult.Item hit = doctor.items().get(0);
        assertThat(hit.from()).isEqualTo("+91******5678");
        assertThat(hit.text()).doesNotContain("9812345678").contains("5678");
        assertThat(hit.state()).isEqualTo("open");
        assertThat(hit.department()).isEqualTo("Health");
        assertThat(hit.ticket()).isEqualTo("MP-" + BHOPAL + "-000002");
    }

    @Test
    @DisplayName("text across scripts, the notes of its steps included (rashan = राशन, dealer)")
    void shouldFindByText() {
        assertThat(ids(search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("rashan").only(SearchQuery.Feed.COMPLAINTS))))
                .containsExactlyInAnyOrder("complaints:MP-" + BHOPAL + "-000001", "complaints:MP-" + INDORE + "-000001");
        SearchResult dealer = search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("dealer"));
        assertThat(ids(dealer)).containsExactly("complaints:MP-" + BHOPAL + "-000001");
        assertThat(dealer.items().get(0).state()).isEqualTo("resolved");
    }

    @Test
    @DisplayName("an officer finds only their department's complaints in their districts, with the phone in clear")
    void shouldKeepOfficersToTheirDesks() {
        SearchRights health = SearchRights.of(Role.OFFICER, List.of("Health"));
        SearchResult r = search.search(BHOPAL_CLEAR, health, SearchQuery.of("9812345678"));
        assertThat(ids(r)).containsExactly("complaints:MP-" + BHOPAL + "-000002");
        assertThat(r.items().get(0).from()).isEqualTo("+919812345678");
        assertThat(r.items().get(0).text()).contains("9812345678");
        assertThat(ids(search.search(BHOPAL_CLEAR, health, SearchQuery.of("rashan")))).isEmpty();
        SearchRights food = SearchRights.of(Role.OFFICER, List.of("Food and Civil Supplies"));
        assertThat(ids(search.search(BHOPAL_CLEAR, food, SearchQuery.of("9876543210"))))
                .as("Indore is outside the officer's districts").containsExactly("complaints:MP-" + BHOPAL + "-000001");
    }
}
