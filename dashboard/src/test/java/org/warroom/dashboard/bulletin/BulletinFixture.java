package org.warroom.dashboard.bulletin;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.Priority;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.doc.CallDoc;
import org.warroom.elastic.doc.MessageDoc;
import org.warroom.elastic.doc.TicketDoc;
import org.warroom.elastic.doc.WorkerDoc;
import org.warroom.testkit.LocalElasticsearch;

/**
 * A Bihar war-room morning full of personal data, for the public bulletin: complaints (with notes), citizen
 * messages (with phone numbers, names and texts), calls (with callers' numbers) and workers (names, phones) in
 * Elasticsearch as the indexer writes them, and the live results (shortages, backlogs, line load, workers per
 * district, an alert quoting a citizen) in Kafka. Districts Arwal 611, Banka 190, Begusarai 191 — used by no other
 * test. {@link #PERSONAL} lists every personal string written: none may ever appear in the bulletin.
 */
final class BulletinFixture {
    static final String ARWAL = "611";
    static final String BANKA = "190";
    static final String BEGUSARAI = "191";
    static final String LINE = "bl-1077";
    /** 10:15 IST on the fixture's day; the dashboard's clock is set two hours later. */
    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T10:15:00+05:30");

    static final List<String> PERSONAL = List.of(
            "+919812300611", "9812300611", "+919812300612", "9812300612", "+919812300190", "9812300190",
            "+919800077701", "9800077701", "+919811122233", "9811122233",
            "Kamla Devi", "Rajendra Paswan", "Sunita Kumari", "Birju Manjhi",
            "अरवल में राशन की दुकान तीन दिन से बंद है", "Please call me on 98123 00611, no milk for my children",
            "बांका में पानी नहीं", "ration dealer Mohan Singh refuses to give grain", "caller abused the agent",
            "फोन 9812300611 पर बात करें");

    private final ElasticsearchClient client;
    private final IndexNames names;

    private BulletinFixture(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    static BulletinFixture load(LocalElasticsearch es) throws Exception {
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(),
                "es.index.prefix", "b" + System.nanoTime())));
        ElasticsearchClient client = ElasticClientFactory.create(settings);
        IndexTemplates.install(client, settings);
        BulletinFixture f = new BulletinFixture(client, settings.names());
        f.write();
        return f;
    }

    String prefix() {
        return names.prefix();
    }

    void close() throws java.io.IOException {
        client.close();
    }

    /** Arwal: 6 complaints registered today, 5 resolved; Banka: 2 and 1; one of yesterday's in Arwal (not today). */
    private void write() throws Exception {
        List<BulkOperation> ops = new ArrayList<>();
        String[] notes = {"अरवल में राशन की दुकान तीन दिन से बंद है", "ration dealer Mohan Singh refuses to give grain",
                "फोन 9812300611 पर बात करें", "caller abused the agent", "Kamla Devi needs medicine", "no water"};
        for (int i = 0; i < 6; i++) {
            ticket(ops, "a" + i + "o", "a" + i, ARWAL, TicketEventType.OPENED, notes[i], T0.plusMinutes(i));
            if (i < 5) {
                ticket(ops, "a" + i + "r", "a" + i, ARWAL, TicketEventType.RESOLVED, "resolved for Kamla Devi",
                        T0.plusMinutes(30 + i));
            }
        }
        ticket(ops, "ay", "ay", ARWAL, TicketEventType.OPENED, "yesterday's", T0.minusDays(1));
        ticket(ops, "b0o", "b0", BANKA, TicketEventType.OPENED, "बांका में पानी नहीं", T0);
        ticket(ops, "b1o", "b1", BANKA, TicketEventType.OPENED, "Sunita Kumari +919812300190", T0);
        ticket(ops, "b1r", "b1", BANKA, TicketEventType.RESOLVED, "done", T0.plusHours(1));

        message(ops, new CitizenMessage("bm1", Channel.WHATSAPP, "+919812300611", "अरवल में राशन की दुकान तीन दिन से बंद है",
                T0, ARWAL, "hi", "given", List.of(Commodity.RATION), "Kamla Devi", "test"));
        message(ops, new CitizenMessage("bm2", Channel.SMS, "+919812300612",
                "Please call me on 98123 00611, no milk for my children", T0, ARWAL, "en", "given",
                List.of(Commodity.MILK), "Rajendra Paswan", "test"));
        message(ops, new CitizenMessage("bm3", Channel.SMS, "+919812300190", "बांका में पानी नहीं", T0, BANKA, "hi",
                "given", List.of(Commodity.WATER), "Sunita Kumari", "test"));
        call(ops, new CallStep("bc1s", "bc1", LINE, ARWAL, CallEventType.STARTED, T0, "+919800077701", null, "test"));
        worker(ops, new WorkerRecord("bw1", "Birju Manjhi", "+919811122233", ARWAL, List.of("mason"),
                WorkerStatus.WORKING, "10", ARWAL, T0, WorkerSource.REGISTRY, T0));

        BulkResponse answer = client.bulk(b -> b.operations(ops).refresh(Refresh.WaitFor));
        if (answer.errors()) {
            throw new IllegalStateException("fixture not written: " + answer.items().stream()
                    .filter(i -> i.error() != null).map(i -> i.id() + ": " + i.error().reason()).toList());
        }
    }

    /** The live results, as the streams would have made them from the same morning. */
    static void produceResults(TestDashboard d) {
        d.produce(ResultTopics.SHORTAGES, ARWAL + "|ration", shortage(ARWAL, Commodity.RATION, 20, ShortageLevel.CRITICAL));
        d.produce(ResultTopics.SHORTAGES, ARWAL + "|milk", shortage(ARWAL, Commodity.MILK, 900, ShortageLevel.OK));
        d.produce(ResultTopics.SHORTAGES, BANKA + "|water", shortage(BANKA, Commodity.WATER, 150, ShortageLevel.LOW));
        // known from citizen messages alone: never reported, so "no report"
        d.produce(ResultTopics.SHORTAGES, BEGUSARAI + "|ration", new ShortageStatus(BEGUSARAI, Commodity.RATION, null,
                null, null, ShortageLevel.STALE, 3, null, null, null, null, null, null));
        d.produce(ResultTopics.BACKLOGS, ARWAL + "|food", new BacklogStatus(ARWAL, "food", 7, T0.minusHours(3), 1, 2, 1, 0));
        d.produce(ResultTopics.BACKLOGS, BANKA + "|food", new BacklogStatus(BANKA, "food", 3, T0.minusHours(3), 0, 1, 0, 0));
        d.produce(ResultTopics.CALL_LOAD, LINE, new LineLoad(LINE, 40, 100, 2, 9, 0.4, 0));
        d.produce(ResultTopics.WORKER_DISTRIBUTION, "currentDistrict|" + ARWAL,
                new DistributionBucket(DistributionBucket.BY_CURRENT_DISTRICT, ARWAL, null, 12));
        d.produce(ResultTopics.WORKER_DISTRIBUTION, "currentDistrict|" + BANKA,
                new DistributionBucket(DistributionBucket.BY_CURRENT_DISTRICT, BANKA, null, 3));
        String subject = ARWAL + "|ration";
        d.produce(ResultTopics.ALERTS, "citizen-signals|" + subject + "|1", new Alert("citizen-signals|" + subject + "|1",
                "citizen-signals", ARWAL, Commodity.RATION, Severity.HIGH, AlertState.ACTIVE, T0, null, null, null,
                subject, 1, 3, 3, "Kamla Devi (+919812300611): अरवल में राशन की दुकान तीन दिन से बंद है", null, T0, 0));
    }

    static ShortageStatus shortage(String district, Commodity commodity, double stock, ShortageLevel level) {
        return new ShortageStatus(district, commodity, stock, 100d, stock / 100d, level, 2, T0, 0d, "kg", null, null,
                "report-" + district);
    }

    private void ticket(List<BulkOperation> ops, String id, String ticket, String district, TicketEventType event,
                        String note, OffsetDateTime at) {
        TicketStep t = new TicketStep(id, ticket, district, "food", "ration", Commodity.RATION, event, at,
                Priority.URGENT, note, null, "test");
        put(ops, IndexFamily.TICKETS, at.toInstant(), id, TicketDoc.of(t));
    }

    private void message(List<BulkOperation> ops, CitizenMessage m) {
        put(ops, IndexFamily.MESSAGES, m.at().toInstant(), m.id(), MessageDoc.of(m));
    }

    private void call(List<BulkOperation> ops, CallStep c) {
        put(ops, IndexFamily.CALLS, c.at().toInstant(), c.id(), CallDoc.of(c));
    }

    private void worker(List<BulkOperation> ops, WorkerRecord w) {
        put(ops, IndexFamily.WORKERS, null, w.id(), WorkerDoc.of(w));
    }

    private void put(List<BulkOperation> ops, IndexFamily family, Instant at, String id, Object doc) {
        String index = names.index(family, at);
        ops.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(id).document(doc))));
    }
}
