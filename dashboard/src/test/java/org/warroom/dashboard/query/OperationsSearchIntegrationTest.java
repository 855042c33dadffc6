package org.warroom.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveAction;
import org.warroom.contracts.directive.DirectiveLifecycle;
import org.warroom.contracts.directive.DirectiveOrder;
import org.warroom.contracts.directive.DirectiveRequest;
import org.warroom.contracts.shift.Handover;
import org.warroom.contracts.shift.HandoverDraft;
import org.warroom.contracts.shift.HandoverItem;
import org.warroom.contracts.shift.HandoverState;
import org.warroom.contracts.shift.ShiftLogEntry;
import org.warroom.dashboard.access.Scope;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.doc.DirectiveDoc;
import org.warroom.elastic.doc.ShiftDoc;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.RealElasticsearch;

/**
 * Directives, log entries and handovers found by {@code /api/v1/search}'s service, across scripts, with each role's
 * rights (docs/SEARCH.md): the documents are the indexer's own records ({@link DirectiveDoc}, {@link ShiftDoc}) on the
 * real local Elasticsearch with the installed templates.
 */
@ExtendWith(RealElasticsearch.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsSearchIntegrationTest {
    static final Scope OPERATOR = Scope.everywhere(false);
    static final Scope BHOPAL_ONLY = Scope.districts(Set.of(BHOPAL), true);
    static final SearchRights OPERATOR_RIGHTS = SearchRights.of(Role.OPERATOR, List.of());
    static final SearchRights COMMANDER_RIGHTS = SearchRights.of(Role.COMMANDER, List.of());

    ElasticsearchClient client;
    SearchService search;

    @BeforeAll
    void load(LocalElasticsearch es) throws Exception {
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(),
                "es.index.prefix", "ops" + System.nanoTime())));
        client = ElasticClientFactory.create(settings);
        IndexTemplates.install(client, settings);
        IndexNames names = settings.names();
        search = new SearchService(client, names);

        DirectiveLifecycle lifecycle = new DirectiveLifecycle();
        Directive kits = lifecycle.issue("D-1", new DirectiveOrder(BHOPAL, null, "दवाई के 200 किट भेजें",
                T0.plusHours(6), null, null, null), "op1", T0);
        kits = lifecycle.act(kits, new DirectiveRequest(DirectiveAction.PROGRESS, "truck left at noon", 1), "cmdr",
                T0.plusHours(1));
        Directive camp = lifecycle.issue("D-2", new DirectiveOrder(BHOPAL, "Health", "open a dawai camp in Kolar",
                T0.plusHours(6), null, null, null), "op1", T0);
        Directive water = lifecycle.issue("D-3", new DirectiveOrder(INDORE, null, "send a paani tanker to Mhow",
                T0.plusHours(6), null, null, null), "op1", T0);
        List<BulkOperation> ops = new ArrayList<>();
        for (Directive d : List.of(kits, camp, water)) {
            put(ops, names.index(IndexFamily.DIRECTIVES, d.issuedAt()), d.id(), DirectiveDoc.of(d));
        }
        for (ShiftLogEntry e : List.of(
                new ShiftLogEntry("L-1", T0.plusHours(1), "op1", "Collector of Bhopal says dawai reached", BHOPAL, null,
                        null, "D-1"),
                new ShiftLogEntry("L-2", T0.plusHours(2), "op1", "पानी का टैंकर इंदौर पहुँचा", INDORE, null, null, null),
                new ShiftLogEntry("L-3", T0.plusHours(3), "op2", "Quiet night, doodh supply normal", null, null, null,
                        null))) {
            put(ops, names.index(IndexFamily.SHIFT, e.at()), e.id(), ShiftDoc.of(e));
        }
        Handover h = new Handover("H-1", 2, HandoverState.SIGNED, T0.plusHours(8), "op1",
                new HandoverDraft(T0, List.of(new HandoverItem("a1", BHOPAL, "shortage-critical high", null,
                        "Medicine CRITICAL in Bhopal", "भोपाल में दवा गंभीर", T0)), List.of(), List.of(), List.of(),
                        List.of(), List.of()), "Paani tanker to Sagar still pending", "op1", T0.plusHours(8), null, null);
        put(ops, names.index(IndexFamily.SHIFT, h.draftedAt()), h.id(), ShiftDoc.of(h));
        BulkResponse answer = client.bulk(b -> b.operations(ops).refresh(Refresh.WaitFor));
        assertThat(answer.errors()).as("documents written").isFalse();
    }

    @AfterAll
    void close() throws Exception {
        client.close();
    }

    private static void put(List<BulkOperation> ops, String index, String id, Object doc) {
        ops.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(id).document(doc))));
    }

    private static List<String> ids(SearchResult r) {
        return r.items().stream().map(i -> i.feed() + ":" + i.id()).toList();
    }

    @Test
    @DisplayName("an operator finds directives, log entries and handovers across scripts (dawai = दवाई, paani = पानी)")
    void shouldFindDirectivesLogAndHandoversAcrossScripts() {
        assertThat(ids(search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("dawai"))))
                .containsExactlyInAnyOrder("directives:D-1", "directives:D-2", "log:L-1");
        assertThat(ids(search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("पानी"))))
                .containsExactlyInAnyOrder("directives:D-3", "log:L-2", "handovers:H-1");
        assertThat(ids(search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("truck"))))
                .as("a directive is found by the notes of its steps").containsExactly("directives:D-1");
        SearchResult.Item d1 = search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("truck")).items().get(0);
        assertThat(d1).extracting(SearchResult.Item::district, SearchResult.Item::state, SearchResult.Item::by)
                .containsExactly(BHOPAL, "acknowledged", "op1");
        assertThat(d1.highlights()).anyMatch(f -> f.contains("<mark>truck</mark>"));
        SearchResult.Item h1 = search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("medicine")
                .only(SearchQuery.Feed.HANDOVERS)).items().get(0);
        assertThat(h1).extracting(SearchResult.Item::id, SearchResult.Item::state, SearchResult.Item::district)
                .containsExactly("H-1", "signed", null);
        assertThat(ids(search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("doodh").only(SearchQuery.Feed.LOG))))
                .containsExactly("log:L-3");
        assertThat(ids(search.search(OPERATOR, OPERATOR_RIGHTS, SearchQuery.of("paani").only(SearchQuery.Feed.LOG))))
                .containsExactly("log:L-2");
    }

    @Test
    @DisplayName("a commander finds only their district's directives, never the log or handovers; an officer only their desk's")
    void shouldSearchWithTheRolesRights() {
        assertThat(ids(search.search(BHOPAL_ONLY, COMMANDER_RIGHTS, SearchQuery.of("")))) // everything they may see
                .containsExactlyInAnyOrder("directives:D-1", "directives:D-2");
        assertThat(ids(search.search(BHOPAL_ONLY, COMMANDER_RIGHTS, SearchQuery.of("paani")))).isEmpty();
        assertThatThrownBy(() -> search.search(BHOPAL_ONLY, COMMANDER_RIGHTS, SearchQuery.of("paani")
                .only(SearchQuery.Feed.LOG))).isInstanceOf(QueryRejected.class).hasMessageContaining("log");
        assertThatThrownBy(() -> search.search(BHOPAL_ONLY, COMMANDER_RIGHTS, SearchQuery.of("x").inDistrict(INDORE)))
                .isInstanceOf(QueryRejected.class);

        SearchRights healthDesk = SearchRights.of(Role.OFFICER, List.of("HEALTH"));
        assertThat(ids(search.search(BHOPAL_ONLY, healthDesk, SearchQuery.of("dawai"))))
                .containsExactly("directives:D-2");
        assertThat(ids(search.search(BHOPAL_ONLY, SearchRights.of(Role.OFFICER, List.of("food")), SearchQuery.of("dawai"))))
                .isEmpty();

        // a responder searches messages and tickets only, as before; so does the two-argument search
        assertThat(ids(search.search(OPERATOR, SearchRights.of(Role.RESPONDER, List.of()), SearchQuery.of("dawai"))))
                .isEmpty();
        assertThat(ids(search.search(OPERATOR, SearchQuery.of("dawai")))).isEmpty();

        // a scope limited to districts sees no handover (state-wide) and no log entry without a district
        Scope bhopalOperator = Scope.districts(Set.of(BHOPAL), false);
        assertThat(ids(search.search(bhopalOperator, OPERATOR_RIGHTS, SearchQuery.of(""))))
                .containsExactlyInAnyOrder("directives:D-1", "directives:D-2", "log:L-1");
    }
}
