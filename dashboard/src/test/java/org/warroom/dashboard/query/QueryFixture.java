package org.warroom.dashboard.query;

import static org.warroom.testkit.FeedEvents.BHOPAL;
import static org.warroom.testkit.FeedEvents.INDORE;
import static org.warroom.testkit.FeedEvents.T0;

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
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.doc.CallDoc;
import org.warroom.elastic.doc.MessageDoc;
import org.warroom.elastic.doc.SnapshotDoc;
import org.warroom.elastic.doc.StockDoc;
import org.warroom.elastic.doc.TicketDoc;
import org.warroom.elastic.doc.WorkerDoc;
import org.warroom.testkit.FeedEvents;
import org.warroom.testkit.LocalElasticsearch;

/**
 * A small war room day in Elasticsearch, written with the indexer's own document records: 20 Nov 2026 (IST) in
 * Bhopal (396) and Indore (397), and a little of the day before. Public for the API tests, which run a dashboard
 * on it (its index prefix as {@code es.index.prefix}).
 */
public final class QueryFixture {
    /** The fixture's day: most documents are at this time or a few hours after (10:15 IST, 20 Nov 2026). */
    public static final OffsetDateTime DAY = T0;
    public static final OffsetDateTime YESTERDAY = T0.minusDays(1);

    final ElasticsearchClient client;
    final IndexNames names;

    private QueryFixture(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    public static QueryFixture load(LocalElasticsearch es) throws Exception {
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(),
                "es.index.prefix", "q" + System.nanoTime())));
        ElasticsearchClient client = ElasticClientFactory.create(settings);
        IndexTemplates.install(client, settings);
        QueryFixture f = new QueryFixture(client, settings.names());
        f.write();
        return f;
    }

    /** The index prefix the fixture's documents are under. */
    public String prefix() {
        return names.prefix();
    }

    public void close() throws java.io.IOException {
        client.close();
    }

    private void write() throws Exception {
        List<BulkOperation> ops = new ArrayList<>();
        message(ops, new CitizenMessage("m1", Channel.WHATSAPP, "+919812345678", "भोपाल में राशन नहीं मिल रहा", T0, BHOPAL,
                "hi", "given", List.of(Commodity.RATION), "Ramesh Kumar", "test"));
        message(ops, new CitizenMessage("m2", Channel.SMS, "+919876500001", "No milk in Indore since Monday, call me on 98765 43210",
                T0.plusHours(1), INDORE, "en", "given", List.of(Commodity.MILK), null, "test"));
        message(ops, new CitizenMessage("m3", Channel.SMS, "+919876500002", "<script>alert(1)</script> पानी की कमी है",
                T0.plusHours(2), BHOPAL, "hi", "given", List.of(Commodity.WATER), null, "test"));
        message(ops, new CitizenMessage("m4", Channel.WHATSAPP, "+919876500003", "राशन दुकान बंद है", YESTERDAY, BHOPAL,
                "hi", "given", List.of(Commodity.RATION), null, "test"));
        message(ops, new CitizenMessage("m5", Channel.TWITTER, "@someone", "राशन कहाँ मिलेगा", T0, null, "hi", "unknown",
                List.of(Commodity.RATION), null, "test"));

        ticket(ops, FeedEvents.ticket("t1o", "t1", BHOPAL, TicketEventType.OPENED, "ration shop closed in Kolar", T0));
        ticket(ops, FeedEvents.ticket("t1r", "t1", BHOPAL, TicketEventType.RESOLVED, "shop reopened", T0.plusHours(3)));
        ticket(ops, FeedEvents.ticket("t2o", "t2", INDORE, TicketEventType.OPENED, "राशन नहीं मिला", T0));
        ticket(ops, FeedEvents.ticket("t3o", "t3", BHOPAL, TicketEventType.OPENED, "no ration yesterday", YESTERDAY));

        call(ops, FeedEvents.call("c1s", "c1", BHOPAL, CallEventType.STARTED, T0));
        call(ops, FeedEvents.call("c1a", "c1", BHOPAL, CallEventType.ANSWERED, T0.plusSeconds(20)));
        call(ops, FeedEvents.call("c1e", "c1", BHOPAL, CallEventType.ENDED, T0.plusMinutes(4)));
        call(ops, FeedEvents.call("c2s", "c2", INDORE, CallEventType.STARTED, T0));
        call(ops, FeedEvents.call("c3s", "c3", BHOPAL, CallEventType.STARTED, YESTERDAY));
        call(ops, FeedEvents.call("c4s", "c4", BHOPAL, CallEventType.STARTED, YESTERDAY.plusHours(1)));

        report(ops, new DistrictReport("r1", BHOPAL, T0.minusHours(5), List.of(
                new StockItem(Commodity.RATION, 300, 100, null, "quintal")), "test"));
        report(ops, new DistrictReport("r2", BHOPAL, T0.plusHours(1), List.of(
                new StockItem(Commodity.RATION, 150, 100, 50.0, "quintal"),
                new StockItem(Commodity.MILK, 900, 300, null, "litre")), "test"));
        report(ops, new DistrictReport("r3", INDORE, T0, List.of(
                new StockItem(Commodity.RATION, 10, 100, null, "quintal")), "test"));

        worker(ops, FeedEvents.worker("w1", "Suresh Yadav", "+919811112222", BHOPAL, INDORE, WorkerStatus.WORKING, T0));
        worker(ops, FeedEvents.worker("w2", "Ramesh Kumar", "+919833334444", INDORE, INDORE, WorkerStatus.WORKING, YESTERDAY));
        worker(ops, FeedEvents.worker("w3", "Sita Devi", "+919855556666", "230", BHOPAL, WorkerStatus.HOME, null));

        alert(ops, new Alert("shortage-critical|396|ration|1", "shortage-critical", BHOPAL, Commodity.RATION,
                Severity.CRITICAL, AlertState.ACKNOWLEDGED, T0, "asha", T0.plusMinutes(5), null, BHOPAL + "|ration", 1,
                0.5, 1, "ration low", "truck sent", T0, 0));
        alert(ops, new Alert("backlog-breaches|397|food|1", "backlog-breaches", INDORE, null, Severity.HIGH,
                AlertState.ACTIVE, T0.plusHours(1), null, null, null, INDORE + "|food", 1, 4, 3, "4 breaches", null,
                T0.plusHours(1), 0));
        alert(ops, new Alert("shortage-critical|396|milk|0", "shortage-critical", BHOPAL, Commodity.MILK,
                Severity.CRITICAL, AlertState.CLEARED, YESTERDAY, "asha", YESTERDAY.plusHours(1), T0.plusHours(2),
                BHOPAL + "|milk", 2, 0.2, 1, "milk low", null, YESTERDAY, 1));
        alert(ops, new Alert("line-load|181|1", "line-load", null, null, Severity.MEDIUM, AlertState.ACTIVE, T0, null,
                null, null, "181", 1, 0.95, 0.9, "181 at 95%", null, T0, 0));

        snapshot(ops, SnapshotDoc.BACKLOG, BHOPAL + "|food", T0.toInstant(), BHOPAL,
                new BacklogStatus(BHOPAL, "food", 5, T0.minusHours(30), 1, 2, 0, 0));
        snapshot(ops, SnapshotDoc.BACKLOG, BHOPAL + "|food", T0.plusHours(2).toInstant(), BHOPAL,
                new BacklogStatus(BHOPAL, "food", 4, T0.minusHours(30), 0, 2, 1, 0));
        snapshot(ops, SnapshotDoc.BACKLOG, BHOPAL + "|food", YESTERDAY.toInstant(), BHOPAL,
                new BacklogStatus(BHOPAL, "food", 2, T0.minusHours(30), 2, 1, 0, 0));
        snapshot(ops, SnapshotDoc.BACKLOG, INDORE + "|food", T0.toInstant(), INDORE,
                new BacklogStatus(INDORE, "food", 8, T0.minusHours(50), 4, 3, 0, 0));
        snapshot(ops, SnapshotDoc.SHORTAGE, BHOPAL + "|ration", T0.plusHours(1).toInstant(), BHOPAL,
                new ShortageStatus(BHOPAL, Commodity.RATION, 150.0, 100.0, 1.5, ShortageLevel.LOW, 1, T0.plusHours(1),
                        50.0, "quintal", 150.0, T0.plusHours(25), "r2"));
        snapshot(ops, SnapshotDoc.SHORTAGE, INDORE + "|ration", T0.toInstant(), INDORE,
                new ShortageStatus(INDORE, Commodity.RATION, 10.0, 100.0, 0.1, ShortageLevel.CRITICAL, 1, T0, null,
                        "quintal", null, T0.plusHours(2), "r3"));
        snapshot(ops, SnapshotDoc.CALL_LOAD, "181", T0.toInstant(), null, new LineLoad("181", 40, 500, 3, 12, 0.08, 0));

        BulkResponse answer = client.bulk(b -> b.operations(ops).refresh(Refresh.WaitFor));
        if (answer.errors()) {
            throw new IllegalStateException("fixture not written: " + answer.items().stream()
                    .filter(i -> i.error() != null).map(i -> i.id() + ": " + i.error().reason()).toList());
        }
    }

    private void message(List<BulkOperation> ops, CitizenMessage m) {
        put(ops, IndexFamily.MESSAGES, m.at().toInstant(), m.id(), MessageDoc.of(m));
    }

    private void ticket(List<BulkOperation> ops, TicketStep t) {
        put(ops, IndexFamily.TICKETS, t.at().toInstant(), t.id(), TicketDoc.of(t));
    }

    private void call(List<BulkOperation> ops, CallStep c) {
        put(ops, IndexFamily.CALLS, c.at().toInstant(), c.id(), CallDoc.of(c));
    }

    private void report(List<BulkOperation> ops, DistrictReport r) {
        for (StockItem item : r.items()) {
            StockDoc doc = StockDoc.of(r, item);
            put(ops, IndexFamily.REPORTS, r.at().toInstant(), doc.id(), doc);
        }
    }

    private void worker(List<BulkOperation> ops, org.warroom.contracts.event.WorkerRecord w) {
        put(ops, IndexFamily.WORKERS, null, w.id(), WorkerDoc.of(w));
    }

    private void alert(List<BulkOperation> ops, Alert a) {
        put(ops, IndexFamily.ALERTS, a.raisedAt().toInstant(), a.id(), a);
    }

    private void snapshot(List<BulkOperation> ops, String kind, String key, Instant at, String district, Object value) {
        SnapshotDoc doc = new SnapshotDoc(kind, key, at, district, Json.mapper().valueToTree(value));
        put(ops, IndexFamily.SNAPSHOTS, at, doc.id(), doc);
    }

    private void put(List<BulkOperation> ops, IndexFamily family, Instant at, String id, Object doc) {
        String index = names.index(family, at);
        ops.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(id).document(doc))));
    }
}
