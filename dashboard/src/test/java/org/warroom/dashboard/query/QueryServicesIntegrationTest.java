package org.warroom.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.warroom.testkit.FeedEvents.BHOPAL;
import static org.warroom.testkit.FeedEvents.INDORE;
import static org.warroom.testkit.FeedEvents.T0;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.result.Alert;
import org.warroom.dashboard.access.Scope;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.RealElasticsearch;

/** The query services against a small war-room day in the real Elasticsearch node, for each kind of caller. */
@ExtendWith(RealElasticsearch.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryServicesIntegrationTest {
    /** A state operator: everything, personal data masked. */
    static final Scope OPERATOR = Scope.everywhere(false);
    /** An administrator: everything, personal data in clear. */
    static final Scope ADMIN = Scope.everywhere(true);
    /** Bhopal's district commander: only Bhopal, personal data in clear. */
    static final Scope BHOPAL_COMMANDER = Scope.districts(Set.of(BHOPAL), true);
    static final Scope BHOPAL_MASKED = Scope.districts(Set.of(BHOPAL), false);
    static final Clock NOON = Clock.fixed(T0.plusHours(2).toInstant(), ZoneOffset.UTC);

    QueryFixture data;
    SearchService search;
    WorkerSearch workers;
    AlertHistory alerts;
    DrillDownService drill;
    SituationReportData reports;

    @BeforeAll
    void load(LocalElasticsearch es) throws Exception {
        data = QueryFixture.load(es);
        search = new SearchService(data.client, data.names);
        workers = new WorkerSearch(data.client, data.names);
        alerts = new AlertHistory(data.client, data.names);
        drill = new DrillDownService(data.client, data.names, DrillDownService.DEFAULT_ZONE, NOON);
        reports = new SituationReportData(data.client, data.names, DrillDownService.DEFAULT_ZONE, NOON);
    }

    @AfterAll
    void close() throws Exception {
        data.client.close();
    }

    // ------------------------------------------------------------------ search

    @Test
    @DisplayName("a Hindi word is found in messages and ticket notes, highlighted")
    void shouldFindAHindiWord() {
        SearchResult r = search.search(OPERATOR, SearchQuery.of("राशन"));
        assertThat(ids(r)).contains("m1", "m4", "m5", "t2o").doesNotContain("m2", "m3");
        assertThat(r.total()).isEqualTo(r.items().size());
        SearchResult.Item m1 = item(r, "m1");
        assertThat(m1.feed()).isEqualTo("messages");
        assertThat(m1.district()).isEqualTo(BHOPAL);
        assertThat(m1.text()).isEqualTo("भोपाल में राशन नहीं मिल रहा");
        assertThat(m1.highlights()).anyMatch(h -> h.contains("<mark>राशन</mark>"));
        assertThat(item(r, "t2o").feed()).isEqualTo("tickets");
        assertThat(ids(search.search(OPERATOR, SearchQuery.of("ration shop")))).containsExactly("t1o");
        assertThat(ids(search.search(OPERATOR, SearchQuery.of("MILK")))).containsExactly("m2");
    }

    @Test
    @DisplayName("a district commander's search never returns another district's documents, however it is written")
    void shouldKeepACommanderInTheirDistrict() {
        for (String q : List.of("", "राशन", "district:397", "राशन OR district:397", "* OR milk", "\"unbalanced ( [ ]",
                "text:* | district:(397)", "{\"match_all\":{}}", "milk", "\\")) {
            SearchResult r = search.search(BHOPAL_COMMANDER, SearchQuery.of(q).page(0, 100));
            assertThat(r.items()).as(q).allSatisfy(i -> assertThat(i.district()).isEqualTo(BHOPAL));
            assertThat(r.total()).as(q).isEqualTo(r.items().size());
        }
        assertThat(ids(search.search(BHOPAL_COMMANDER, SearchQuery.of("")))).containsExactlyInAnyOrder(
                "m1", "m3", "m4", "t1o", "t1r", "t3o");
        assertThatThrownBy(() -> search.search(BHOPAL_COMMANDER, SearchQuery.of("milk").inDistrict(INDORE)))
                .isInstanceOfSatisfying(QueryRejected.class, e -> assertThat(e.kind()).isEqualTo(QueryRejected.Kind.FORBIDDEN));
        assertThat(search.search(Scope.districts(Set.of(), true), SearchQuery.of("")).items()).isEmpty();
    }

    @Test
    @DisplayName("personal data is masked for scopes that may not see it, and markup in text comes back escaped in highlights")
    void shouldMaskPersonalDataAndEscapeHighlights() {
        SearchResult.Item masked = item(search.search(OPERATOR, SearchQuery.of("milk")), "m2");
        assertThat(masked.from()).isEqualTo("********0001");
        assertThat(masked.text()).contains("******3210").doesNotContain("98765 43210");
        SearchResult.Item clear = item(search.search(ADMIN, SearchQuery.of("milk")), "m2");
        assertThat(clear.from()).isEqualTo("+919876500001");
        assertThat(clear.text()).contains("98765 43210");

        SearchResult.Item m3 = item(search.search(BHOPAL_COMMANDER, SearchQuery.of("पानी")), "m3");
        assertThat(m3.highlights()).isNotEmpty().allSatisfy(h -> assertThat(h).doesNotContain("<script>"));
        assertThat(m3.highlights().get(0)).contains("&lt;script&gt;").contains("<mark>पानी</mark>");
    }

    @Test
    @DisplayName("search filters by channel, category, time range and feed, and pages")
    void shouldFilterAndPage() {
        assertThat(ids(search.search(OPERATOR, SearchQuery.of("").onChannel("SMS")))).containsExactlyInAnyOrder("m2", "m3");
        assertThat(ids(search.search(OPERATOR, SearchQuery.of("").inCategory("water")))).containsExactly("m3");
        assertThat(ids(search.search(OPERATOR, SearchQuery.of("").only(SearchQuery.Feed.TICKETS).inDistrict(INDORE))))
                .containsExactly("t2o");
        assertThat(ids(search.search(OPERATOR, SearchQuery.of("")
                .between(T0.minusHours(1).toInstant(), T0.plusMinutes(90).toInstant()))))
                .containsExactlyInAnyOrder("m1", "m2", "m5", "t1o", "t2o");
        SearchResult first = search.search(OPERATOR, SearchQuery.of("").page(0, 2).sorted(SearchQuery.Sort.RECENT));
        SearchResult second = search.search(OPERATOR, SearchQuery.of("").page(2, 2).sorted(SearchQuery.Sort.RECENT));
        assertThat(first.total()).isEqualTo(9);
        assertThat(ids(first)).hasSize(2).doesNotContainAnyElementsOf(ids(second));
        assertThat(ids(first)).containsExactly("t1r", "m3");
        assertThatThrownBy(() -> search.search(OPERATOR, SearchQuery.of("").onChannel("pigeon")))
                .isInstanceOfSatisfying(QueryRejected.class, e -> assertThat(e.field()).isEqualTo("channel"));
        assertThatThrownBy(() -> search.search(OPERATOR, SearchQuery.of("").page(0, 1000)))
                .isInstanceOf(QueryRejected.class);
    }

    // ------------------------------------------------------------------ workers

    @Test
    @DisplayName("workers are found by name (typos forgiven), phone suffix, skill and district, masked by role")
    void shouldSearchWorkers() {
        WorkerPage byName = workers.search(OPERATOR, WorkerQuery.of("Sures Yadav"));
        assertThat(byName.items()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo("w1");
            assertThat(w.name()).isEqualTo("S***** Y****");
            assertThat(w.phone()).isEqualTo("********2222");
            assertThat(w.masked()).isTrue();
        });
        assertThat(workers.search(OPERATOR, WorkerQuery.of("2222")).items()).extracting(WorkerPage.Worker::id)
                .containsExactly("w1");
        assertThatThrownBy(() -> workers.search(OPERATOR, WorkerQuery.of("11112222")))
                .isInstanceOfSatisfying(QueryRejected.class, e -> assertThat(e.kind()).isEqualTo(QueryRejected.Kind.FORBIDDEN));
        assertThat(workers.search(ADMIN, WorkerQuery.of("98111 12222")).items()).singleElement()
                .satisfies(w -> assertThat(w.phone()).isEqualTo("+919811112222"));

        WorkerPage bhopal = workers.search(BHOPAL_COMMANDER, WorkerQuery.of(""));
        assertThat(bhopal.items()).extracting(WorkerPage.Worker::id).containsExactly("w1", "w3");
        assertThat(bhopal.items()).extracting(WorkerPage.Worker::name).containsExactly("Suresh Yadav", "Sita Devi");
        assertThat(workers.search(BHOPAL_COMMANDER, WorkerQuery.of("Ramesh")).items()).isEmpty();
        assertThat(workers.search(BHOPAL_MASKED, WorkerQuery.of("")).items()).allSatisfy(w -> assertThat(w.masked()).isTrue());
        assertThat(workers.search(OPERATOR, WorkerQuery.of("").withSkill("Mason").workingIn(INDORE)).items())
                .extracting(WorkerPage.Worker::id).containsExactly("w1", "w2");
        assertThat(workers.search(OPERATOR, WorkerQuery.of("").withStatus("home")).items())
                .extracting(WorkerPage.Worker::id).containsExactly("w3");
        assertThatThrownBy(() -> workers.search(BHOPAL_COMMANDER, WorkerQuery.of("").inDistrict(INDORE)))
                .isInstanceOf(QueryRejected.class);
    }

    // ------------------------------------------------------------------ alerts

    @Test
    @DisplayName("alert history shows acknowledgements, filters by state and category, and keeps commanders to their district")
    void shouldListAlertHistory() {
        AlertHistory.Page all = alerts.find(OPERATOR, AlertQuery.all());
        assertThat(all.total()).isEqualTo(4);
        Alert acked = alerts.find(OPERATOR, AlertQuery.all().inState("acknowledged")).items().get(0);
        assertThat(acked.ackBy()).isEqualTo("asha");
        assertThat(acked.ackComment()).isEqualTo("truck sent");
        assertThat(alerts.find(BHOPAL_COMMANDER, AlertQuery.all()).items()).extracting(Alert::district)
                .containsOnly(BHOPAL).hasSize(2);
        assertThat(alerts.find(OPERATOR, AlertQuery.all().forCategories(List.of("ration"))).items())
                .extracting(Alert::rule).containsExactlyInAnyOrder("shortage-critical", "backlog-breaches", "line-load");
        assertThat(alerts.find(OPERATOR, AlertQuery.all().ofSeverity("critical")).total()).isEqualTo(2);
        assertThatThrownBy(() -> alerts.find(BHOPAL_COMMANDER, AlertQuery.all().inDistrict(INDORE)))
                .isInstanceOf(QueryRejected.class);
    }

    // ------------------------------------------------------------------ drill-down

    @Test
    @DisplayName("district drill-down: counts per hour by category, line and commodity; stock and backlog trends")
    void shouldDrillDownIntoADistrict() {
        Instant dayStart = LocalDate.of(2026, 11, 20).atStartOfDay(DrillDownService.DEFAULT_ZONE).toInstant();
        Instant dayEnd = dayStart.plusSeconds(86_400);
        Trends.Activity a = drill.activity(BHOPAL_COMMANDER, BHOPAL, dayStart, dayEnd, Trends.Interval.HOUR);
        assertThat(a.calls().points()).hasSize(24);
        assertThat(sum(a.calls())).isEqualTo(1);
        assertThat(sum(a.messages())).isEqualTo(2);
        assertThat(a.callsByLine()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("181"));
        assertThat(a.ticketsOpenedByCategory()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("ration");
            assertThat(sum(s)).isEqualTo(1);
            assertThat(s.points().get(10).count()).as("10:00-11:00 IST").isEqualTo(1);
        });
        assertThat(a.messagesByCommodity()).extracting(Trends.Series::name).containsExactlyInAnyOrder("ration", "water");

        List<Trends.StockSeries> stock = drill.stock(BHOPAL_COMMANDER, BHOPAL, dayStart.minusSeconds(86_400), dayEnd,
                Trends.Interval.DAY);
        Trends.StockSeries ration = stock.stream().filter(s -> s.commodity().equals("ration")).findFirst().orElseThrow();
        assertThat(ration.points()).hasSize(2);
        assertThat(ration.points().get(0).stock()).isNull();
        assertThat(ration.points().get(1).stock()).isEqualTo(225.0);
        assertThat(ration.points().get(1).daysOfCover()).isEqualTo(1.5);

        List<Trends.BacklogSeries> backlog = drill.backlog(BHOPAL_COMMANDER, BHOPAL, dayStart.minusSeconds(86_400),
                dayEnd, Trends.Interval.DAY);
        assertThat(backlog).singleElement().satisfies(s -> {
            assertThat(s.department()).isEqualTo("food");
            assertThat(s.points().get(0).open()).isEqualTo(2);
            assertThat(s.points().get(1).open()).isEqualTo(5);
            assertThat(s.points().get(1).slaBreaches()).isEqualTo(1);
        });

        Trends.DistrictTrends t = drill.trends(BHOPAL_COMMANDER, BHOPAL, 24);
        assertThat(t.interval()).isEqualTo(Trends.Interval.HOUR);
        assertThat(sum(t.activity().calls())).isEqualTo(1);
        assertThatThrownBy(() -> drill.activity(BHOPAL_COMMANDER, INDORE, dayStart, dayEnd, Trends.Interval.HOUR))
                .isInstanceOfSatisfying(QueryRejected.class, e -> assertThat(e.kind()).isEqualTo(QueryRejected.Kind.FORBIDDEN));
        assertThatThrownBy(() -> drill.stock(OPERATOR, null, dayStart, dayEnd, Trends.Interval.DAY))
                .isInstanceOf(QueryRejected.class);
    }

    // ------------------------------------------------------------------ situation report

    @Test
    @DisplayName("situation report: the day's figures beside the previous day's, end-of-day state, scoped")
    void shouldReportTheDay() {
        SituationReportData.Report state = reports.report(OPERATOR, LocalDate.of(2026, 11, 20), null);
        SituationReportData.Figures today = state.today();
        SituationReportData.Figures before = state.previousDay();
        assertThat(today.calls()).isEqualTo(2);
        assertThat(today.callsAnswered()).isEqualTo(1);
        assertThat(before.calls()).isEqualTo(2);
        assertThat(today.messages()).isEqualTo(4);
        assertThat(before.messages()).isEqualTo(1);
        assertThat(today.ticketsOpened()).isEqualTo(2);
        assertThat(today.ticketsResolved()).isEqualTo(1);
        assertThat(before.ticketsOpened()).isEqualTo(1);
        assertThat(today.alertsRaised()).isEqualTo(3);
        assertThat(before.alertsRaised()).isEqualTo(1);
        assertThat(today.alertsCleared()).isEqualTo(1);
        assertThat(today.shortagesRaised()).isEqualTo(1);
        assertThat(today.shortagesCleared()).isEqualTo(1);
        assertThat(today.openTickets()).isEqualTo(12);
        assertThat(today.slaCompliance()).isEqualTo(8.0 / 12.0);
        assertThat(before.slaCompliance()).isEqualTo(0.0);
        assertThat(today.workersVerified()).isEqualTo(1);
        assertThat(state.change()).containsEntry("messages", 3.0).containsEntry("calls", 0.0);
        assertThat(state.trend()).hasSize(24);
        assertThat(state.trend().stream().mapToLong(SituationReportData.HourPoint::calls).sum()).isEqualTo(2);
        assertThat(state.shortages()).hasSize(2);
        assertThat(state.backlogs()).hasSize(2);
        assertThat(state.calls()).singleElement().satisfies(l -> assertThat(l.line()).isEqualTo("181"));
        assertThat(state.alerts()).hasSize(3);
        assertThat(state.workers().total()).isEqualTo(3);
        assertThat(state.workers().verifiedRecently()).isEqualTo(2);
        assertThat(state.workerBuckets()).anySatisfy(b -> {
            assertThat(b.by()).isEqualTo("currentDistrict");
            assertThat(b.key()).isEqualTo(INDORE);
            assertThat(b.count()).isEqualTo(2);
        });

        SituationReportData.Report bhopal = reports.report(BHOPAL_COMMANDER, null, BHOPAL);
        assertThat(bhopal.date()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(bhopal.today().calls()).isEqualTo(1);
        assertThat(bhopal.calls()).isEmpty();
        assertThat(bhopal.alerts()).extracting(Alert::district).containsOnly(BHOPAL);
        assertThat(bhopal.backlogs()).allSatisfy(b -> assertThat(b.district()).isEqualTo(BHOPAL));
        assertThat(bhopal.workers().total()).isEqualTo(2);
        assertThatThrownBy(() -> reports.report(BHOPAL_COMMANDER, null, INDORE)).isInstanceOf(QueryRejected.class);
    }

    private static List<String> ids(SearchResult r) {
        return r.items().stream().map(SearchResult.Item::id).toList();
    }

    private static SearchResult.Item item(SearchResult r, String id) {
        return r.items().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + ids(r)));
    }

    private static long sum(Trends.Series s) {
        return s.points().stream().mapToLong(Trends.Point::count).sum();
    }
}
