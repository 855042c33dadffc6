package org.warroom.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.Priority;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.doc.CallDoc;
import org.warroom.elastic.doc.MessageDoc;
import org.warroom.elastic.doc.SnapshotDoc;
import org.warroom.elastic.doc.StockDoc;
import org.warroom.elastic.doc.TicketDoc;

/**
 * A realistic day at all-India scale for the drill-down benchmark, written straight into the stack's own indices
 * (same templates, same document classes the indexer writes, same client): per 100 documents 45 call steps, 15
 * ticket steps, 25 citizen messages (Hindi and English text naming the district and a commodity), 10 stock lines of
 * district reports and 5 backlog snapshots, over every district of India, with times over the last 24 hours
 * weighted like a helpline's day (quiet at night, busiest late morning to evening). Ids are {@code dd-<n>}, so a
 * second seeding overwrites instead of adding; every event document carries {@code source: drilldown-seed}.
 */
final class DrilldownSeed {
    static final String SOURCE = "drilldown-seed";
    /** Relative load per hour of the day (IST), 00:00 to 23:00. */
    private static final int[] HOURLY = {2, 1, 1, 1, 1, 2, 4, 6, 8, 10, 11, 12, 12, 11, 11, 10, 10, 10, 9, 8, 7, 5, 4, 3};
    private static final String[] LINES = {"181", "104", "1075", "district-control", "worker-helpline"};
    private static final String[] CATEGORIES = {"ration", "water", "milk", "medicine", "health", "wages", "stranded", "transport", "other"};
    private static final String[] DEPARTMENTS = {"Food and Civil Supplies", "Health", "Labour", "Transport", "Revenue"};
    private static final String[] HINDI = {"%s में राशन नहीं मिल रहा है, मदद करें", "%s में दूध और सब्ज़ी नहीं मिल रही", "%s में पीने का पानी नहीं आ रहा", "%s के अस्पताल में दवाई खत्म"};
    private static final String[] ENGLISH = {"No ration in %s for three days", "Water supply stopped in %s ward 4", "Need medicine urgently in %s", "LPG cylinder not delivered in %s"};
    private static final Commodity[] MENTIONED = {Commodity.RATION, Commodity.MILK, Commodity.WATER, Commodity.MEDICINE};
    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);

    private final ElasticsearchClient es;
    private final IndexNames names;
    private final List<District> districts = DistrictDirectory.load().all();
    private final SplittableRandom random = new SplittableRandom(20200325);
    private final int[] cumulative = new int[HOURLY.length];
    private final Instant end;

    DrilldownSeed(ElasticsearchClient es, IndexNames names, Instant end) {
        this.es = es;
        this.names = names;
        this.end = end;
        int sum = 0;
        for (int h = 0; h < HOURLY.length; h++) {
            sum += HOURLY[h];
            cumulative[h] = sum;
        }
    }

    int districtCount() {
        return districts.size();
    }

    /** Event documents of the seed already searchable (snapshots are not counted: they carry no source). */
    long present() throws IOException {
        es.indices().refresh(r -> r.index(names.prefix() + "-*"));
        return es.count(c -> c.index(names.pattern(IndexFamily.CALLS), names.pattern(IndexFamily.TICKETS),
                        names.pattern(IndexFamily.MESSAGES), names.pattern(IndexFamily.REPORTS))
                .query(q -> q.term(t -> t.field("source").value(SOURCE)))).count();
    }

    /**
     * Writes {@code total} documents; progress every 10 %. Returns the documents Elasticsearch refused. While it
     * writes, the month's indices are not refreshed and their translog is synced asynchronously (a bulk load's usual
     * settings); both are put back afterwards.
     */
    long write(long total) throws Exception {
        List<String> indices = new ArrayList<>();
        for (IndexFamily f : List.of(IndexFamily.CALLS, IndexFamily.TICKETS, IndexFamily.MESSAGES, IndexFamily.REPORTS, IndexFamily.SNAPSHOTS)) {
            indices.add(names.index(f, end));
        }
        Map<String, String> refresh = new HashMap<>();
        for (String index : indices) {
            if (!es.indices().exists(e -> e.index(index)).value()) {
                es.indices().create(c -> c.index(index));
            }
            var settings = es.indices().getSettings(g -> g.index(index)).get(index).settings();
            Time interval = settings == null || settings.index() == null ? null : settings.index().refreshInterval();
            refresh.put(index, interval == null ? "1s" : interval.time());
        }
        es.indices().putSettings(p -> p.index(indices).settings(x -> x.refreshInterval(t -> t.time("-1"))
                .translog(t -> t.durability(TranslogDurability.Async))));
        try {
            return load(total);
        } finally {
            for (String index : indices) {
                es.indices().putSettings(p -> p.index(index).settings(x -> x.refreshInterval(t -> t.time(refresh.get(index)))
                        .translog(t -> t.durability(TranslogDurability.Request))));
            }
            es.indices().refresh(r -> r.index(indices));
        }
    }

    private long load(long total) throws Exception {
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        try (BulkIngester<Void> bulk = BulkIngester.of(b -> b.client(es).maxOperations(2_000).maxSize(8L * 1024 * 1024)
                .maxConcurrentRequests(2).listener(new BulkListener<>() {
                    @Override
                    public void beforeBulk(long id, BulkRequest request, List<Void> contexts) {
                    }

                    @Override
                    public void afterBulk(long id, BulkRequest request, List<Void> contexts, BulkResponse response) {
                        response.items().stream().filter(i -> i.error() != null).forEach(i -> failed.incrementAndGet());
                    }

                    @Override
                    public void afterBulk(long id, BulkRequest request, List<Void> contexts, Throwable failure) {
                        failed.addAndGet(request.operations().size());
                    }
                }))) {
            for (long n = 0; n < total; n++) {
                add(bulk, n);
                if ((n + 1) % (total / 10) == 0) {
                    Rig.log("seeded %,d of %,d documents (%,.0f docs/s), %,d refused", n + 1, total,
                            (n + 1) / ((System.nanoTime() - started) / 1e9), failed.get());
                }
            }
        }
        return failed.get();
    }

    private void add(BulkIngester<Void> bulk, long n) {
        String id = "dd-" + n;
        District d = districts.get(random.nextInt(districts.size()));
        OffsetDateTime at = at();
        int kind = (int) (n % 100);
        if (kind < 45) {
            CallEventType step = CallEventType.values()[(int) (n % 3)];
            CallDoc doc = CallDoc.of(new CallStep(id, "dd-call-" + n / 3, LINES[random.nextInt(LINES.length)], d.code(), step, at,
                    "+9198" + (10_000_000 + random.nextInt(89_999_999)), step == CallEventType.STARTED ? null : "agent-" + random.nextInt(400), SOURCE));
            bulk.add(op -> op.index(i -> i.index(names.index(IndexFamily.CALLS, at)).id(id).document(doc)));
        } else if (kind < 60) {
            boolean opened = random.nextInt(3) > 0;
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            TicketDoc doc = TicketDoc.of(new TicketStep(id, "dd-ticket-" + n / 2, d.code(), DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
                    category, null, opened ? TicketEventType.OPENED : TicketEventType.RESOLVED, at,
                    random.nextInt(10) == 0 ? Priority.URGENT : Priority.NORMAL,
                    opened ? "Caller reports " + category + " problem in " + d.name() + "; वार्ड में " + category + " की समस्या" : "Resolved by the district team",
                    null, SOURCE));
            bulk.add(op -> op.index(i -> i.index(names.index(IndexFamily.TICKETS, at)).id(id).document(doc)));
        } else if (kind < 85) {
            int pick = random.nextInt(HINDI.length);
            boolean hindi = random.nextBoolean();
            String text = String.format(hindi ? HINDI[pick] : ENGLISH[pick], hindi ? d.nameHi() : d.name());
            MessageDoc doc = MessageDoc.of(new CitizenMessage(id, Channel.values()[random.nextInt(4)], "+9197" + (10_000_000 + random.nextInt(89_999_999)),
                    text, at, d.code(), hindi ? "hi" : "en", CitizenMessage.DISTRICT_RECOGNISED, List.of(MENTIONED[pick]), null, SOURCE));
            bulk.add(op -> op.index(i -> i.index(names.index(IndexFamily.MESSAGES, at)).id(id).document(doc)));
        } else if (kind < 95) {
            Commodity commodity = Commodity.values()[random.nextInt(Commodity.values().length)];
            double need = 50 + random.nextInt(500);
            StockDoc doc = StockDoc.of(new DistrictReport(id, d.code(), at, List.of(), SOURCE),
                    new StockItem(commodity, random.nextDouble() * need * 8, need, null, "tonnes"));
            bulk.add(op -> op.index(i -> i.index(names.index(IndexFamily.REPORTS, at)).id(doc.id()).document(doc)));
        } else {
            String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
            ObjectNode value = Json.mapper().createObjectNode().put("district", d.code()).put("department", department)
                    .put("open", random.nextInt(120)).put("slaBreaches", random.nextInt(15))
                    .put("openedLastHour", random.nextInt(20)).put("resolvedLastHour", random.nextInt(20));
            Instant when = at.toInstant().plusNanos(n % 1_000 * 1_000);
            SnapshotDoc doc = new SnapshotDoc(SnapshotDoc.BACKLOG, "dd|" + d.code() + "|" + department, when, d.code(), value);
            bulk.add(op -> op.index(i -> i.index(names.index(IndexFamily.SNAPSHOTS, when)).id(doc.id()).document(doc)));
        }
    }

    /** A time in the 24 hours before {@code end} (from the start of that hour), weighted by the hour of the day in India. */
    private OffsetDateTime at() {
        int pick = random.nextInt(cumulative[cumulative.length - 1]);
        int hour = 0;
        while (cumulative[hour] <= pick) {
            hour++;
        }
        OffsetDateTime endIst = end.atOffset(IST);
        OffsetDateTime start = endIst.minusHours(24);
        long hoursFromStart = Math.floorMod(hour - start.getHour(), 24);
        return start.withMinute(0).withSecond(0).withNano(0).plusHours(hoursFromStart)
                .plusSeconds(random.nextInt(3_600)).plusNanos(random.nextInt(1_000) * 1_000_000L);
    }
}
