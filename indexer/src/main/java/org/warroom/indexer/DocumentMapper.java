package org.warroom.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.campaign.CampaignTopics;
import org.warroom.contracts.campaign.WorkerCalls;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.notify.Delivery;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.shift.Handover;
import org.warroom.contracts.shift.ShiftLogEntry;
import org.warroom.contracts.shift.ShiftTopics;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.doc.AuditEntry;
import org.warroom.elastic.doc.CallDoc;
import org.warroom.elastic.doc.CampaignCallDoc;
import org.warroom.elastic.doc.ComplaintDoc;
import org.warroom.elastic.doc.DirectiveDoc;
import org.warroom.elastic.doc.MessageDoc;
import org.warroom.elastic.doc.ShiftDoc;
import org.warroom.elastic.doc.SnapshotDoc;
import org.warroom.elastic.doc.StockDoc;
import org.warroom.elastic.doc.TicketDoc;
import org.warroom.elastic.doc.WorkerDoc;

/**
 * Turns one Kafka record of a feed or result topic into the Elasticsearch writes it needs. Document ids come from
 * the event ids (feeds) or from the result's key and Kafka timestamp (snapshots), so replaying a topic or receiving
 * a duplicate never makes a second document.
 *
 * <table>
 *   <tr><th>topic</th><th>family</th><th>id</th><th>mode</th></tr>
 *   <tr><td>warroom.calls</td><td>calls</td><td>step id</td><td>create</td></tr>
 *   <tr><td>warroom.tickets</td><td>tickets</td><td>step id</td><td>create</td></tr>
 *   <tr><td>warroom.messages</td><td>messages</td><td>message id</td><td>create</td></tr>
 *   <tr><td>warroom.reports</td><td>reports</td><td>report id|commodity</td><td>create</td></tr>
 *   <tr><td>warroom.workers</td><td>workers</td><td>worker id</td><td>versioned (tombstone: delete)</td></tr>
 *   <tr><td>result tables</td><td>snapshots</td><td>kind|key@timestamp</td><td>versioned; only when the key's value
 *       changed ({@link UnchangedResults})</td></tr>
 *   <tr><td>warroom.alerts</td><td>alerts</td><td>alert id</td><td>versioned</td></tr>
 *   <tr><td>warroom.audit</td><td>audit</td><td>event id</td><td>create</td></tr>
 *   <tr><td>warroom.deliveries</td><td>deliveries</td><td>delivery id|outcome|attempts</td><td>create</td></tr>
 *   <tr><td>warroom.directives</td><td>directives</td><td>directive id (month of issuedAt)</td><td>versioned (the
 *       latest step)</td></tr>
 *   <tr><td>warroom.shift-log</td><td>shift ({@code kind} log)</td><td>entry id</td><td>create</td></tr>
 *   <tr><td>warroom.handovers</td><td>shift ({@code kind} handover)</td><td>handover id (month of draftedAt)</td>
 *       <td>versioned (the latest step)</td></tr>
 *   <tr><td>warroom.campaign-calls</td><td>campaign-calls</td><td>campaign/worker/attempt (month of the call), one per
 *       attempt of the worker's record</td><td>create</td></tr>
 *   <tr><td>warroom.complaints</td><td>complaints</td><td>complaint number (month of openedAt)</td><td>versioned
 *       (the latest version)</td></tr>
 * </table>
 */
final class DocumentMapper {
    private interface Mapping {
        List<IndexAction> map(ConsumerRecord<String, byte[]> record) throws Unindexable;
    }

    /**
     * The dashboard's audit topic (declared by the dashboard as {@code AuditTopics.AUDIT}: append-only, keyed by
     * actor, values {@code AuditEvent}); read here as JSON so the indexer does not depend on the web side.
     */
    static final String AUDIT_TOPIC = org.warroom.contracts.audit.AuditTopics.AUDIT.name();

    /** Result keys whose last value is remembered (about 20,000 keys all-India; a forgotten one costs one snapshot). */
    private static final int REMEMBERED_RESULTS = 200_000;

    private final IndexNames names;
    private final Map<String, Mapping> byTopic = new LinkedHashMap<>();
    private final UnchangedResults unchanged = new UnchangedResults(REMEMBERED_RESULTS);

    DocumentMapper(IndexNames names) {
        this.names = names;
        byTopic.put(Topics.CALLS.name(), r -> event(r, Topics.CALLS, IndexFamily.CALLS, CallStep::id, CallStep::at, CallDoc::of));
        byTopic.put(Topics.TICKETS.name(), r -> event(r, Topics.TICKETS, IndexFamily.TICKETS, TicketStep::id, TicketStep::at, TicketDoc::of));
        byTopic.put(Topics.MESSAGES.name(), this::message);
        byTopic.put(Topics.REPORTS.name(), this::report);
        byTopic.put(Topics.WORKERS.name(), this::worker);
        byTopic.put(ResultTopics.ALERTS.name(), this::alert);
        byTopic.put(AUDIT_TOPIC, this::audit);
        byTopic.put(NotifyTopics.DELIVERIES.name(), this::delivery);
        byTopic.put(DirectiveTopics.DIRECTIVES.name(), r -> latest(r, DirectiveTopics.DIRECTIVES, IndexFamily.DIRECTIVES,
                Directive::id, Directive::issuedAt, "issuedAt", DirectiveDoc::of));
        byTopic.put(ShiftTopics.SHIFT_LOG.name(), r -> event(r, ShiftTopics.SHIFT_LOG, IndexFamily.SHIFT,
                ShiftLogEntry::id, ShiftLogEntry::at, ShiftDoc::of));
        byTopic.put(ShiftTopics.HANDOVERS.name(), r -> latest(r, ShiftTopics.HANDOVERS, IndexFamily.SHIFT,
                Handover::id, Handover::draftedAt, "draftedAt", ShiftDoc::of));
        byTopic.put(CampaignTopics.CALLS.name(), this::campaignCalls);
        byTopic.put(ComplaintTopics.COMPLAINTS.name(), r -> latest(r, ComplaintTopics.COMPLAINTS, IndexFamily.COMPLAINTS,
                Complaint::number, Complaint::openedAt, "openedAt", ComplaintDoc::of));
        snapshot(ResultTopics.SHORTAGES, SnapshotDoc.SHORTAGE, v -> text(v, "district"));
        snapshot(ResultTopics.BACKLOGS, SnapshotDoc.BACKLOG, v -> text(v, "district"));
        snapshot(ResultTopics.RATINGS, SnapshotDoc.RATING, v -> text(v, "district"));
        snapshot(ResultTopics.CALL_LOAD, SnapshotDoc.CALL_LOAD, v -> null);
        snapshot(ResultTopics.WORKER_TOTALS, SnapshotDoc.WORKER_TOTALS, v -> null);
        snapshot(ResultTopics.UNLOCATED_MESSAGES, SnapshotDoc.UNLOCATED_MESSAGES, v -> null);
        snapshot(ResultTopics.WORKER_DISTRIBUTION, SnapshotDoc.WORKER_DISTRIBUTION, DocumentMapper::bucketDistrict);
    }

    /** Forgets the results' last values (partitions moved: another indexer may have written newer ones meanwhile). */
    void forgetResults() {
        unchanged.forget();
    }

    /** The topics this mapper understands: what the indexer subscribes to. */
    List<String> topics() {
        return List.copyOf(byTopic.keySet());
    }

    List<IndexAction> map(ConsumerRecord<String, byte[]> record) throws Unindexable {
        Mapping mapping = byTopic.get(record.topic());
        if (mapping == null) {
            throw new Unindexable(null, "the indexer does not index topic " + record.topic());
        }
        return mapping.map(record);
    }

    private <T> List<IndexAction> event(ConsumerRecord<String, byte[]> r, Topic<String, T> topic, IndexFamily family,
                                        Function<T, String> id, Function<T, java.time.OffsetDateTime> at,
                                        Function<T, Object> doc) throws Unindexable {
        T value = read(r, topic);
        if (value == null) {
            return List.of(); // feeds are logs: a null value carries nothing to index
        }
        String docId = requireId(id.apply(value));
        java.time.OffsetDateTime time = at.apply(value);
        if (time == null) {
            throw new Unindexable("at", "no time ('at')");
        }
        return List.of(action(r, family, names.index(family, time), docId, doc.apply(value), IndexAction.Mode.CREATE));
    }

    /**
     * A record of a compacted topic whose latest record per id is the thing (a directive, a handover): one document per
     * id in the month of its fixed time, versioned so an older step never overwrites a newer one. A tombstone: the
     * document stays as history.
     */
    private <T> List<IndexAction> latest(ConsumerRecord<String, byte[]> r, Topic<String, T> topic, IndexFamily family,
                                         Function<T, String> id, Function<T, java.time.OffsetDateTime> at,
                                         String atField, Function<T, Object> doc) throws Unindexable {
        T value = read(r, topic);
        if (value == null) {
            return List.of();
        }
        String docId = requireId(id.apply(value));
        java.time.OffsetDateTime time = at.apply(value);
        if (time == null) {
            throw new Unindexable(atField, "no time ('" + atField + "')");
        }
        return List.of(action(r, family, names.index(family, time), docId, doc.apply(value), IndexAction.Mode.VERSIONED));
    }

    /**
     * A citizen message is an immutable event ({@code create}), except once an operator placed it (triage, the same id
     * again with {@code districtSource=assigned}): that copy replaces the document, versioned by its offset, so the
     * message is found under its district; a later copy of the unplaced message is then refused as a duplicate.
     */
    private List<IndexAction> message(ConsumerRecord<String, byte[]> r) throws Unindexable {
        List<IndexAction> actions = event(r, Topics.MESSAGES, IndexFamily.MESSAGES, CitizenMessage::id, CitizenMessage::at,
                MessageDoc::of);
        if (actions.isEmpty() || !CitizenMessage.DISTRICT_ASSIGNED.equals(((MessageDoc) actions.get(0).document()).districtSource())) {
            return actions;
        }
        IndexAction a = actions.get(0);
        return List.of(new IndexAction(a.family(), a.index(), a.id(), a.document(), IndexAction.Mode.VERSIONED,
                a.version(), a.topic(), a.partition(), a.offset()));
    }

    private List<IndexAction> report(ConsumerRecord<String, byte[]> r) throws Unindexable {
        DistrictReport report = read(r, Topics.REPORTS);
        if (report == null) {
            return List.of();
        }
        requireId(report.id());
        if (report.at() == null) {
            throw new Unindexable("at", "no time ('at')");
        }
        String index = names.index(IndexFamily.REPORTS, report.at());
        List<IndexAction> out = new ArrayList<>(report.items().size());
        for (StockItem item : report.items()) {
            if (item == null || item.commodity() == null) {
                throw new Unindexable("items", "an item without commodity");
            }
            StockDoc doc = StockDoc.of(report, item);
            out.add(action(r, IndexFamily.REPORTS, index, doc.id(), doc, IndexAction.Mode.CREATE));
        }
        return out;
    }

    private List<IndexAction> worker(ConsumerRecord<String, byte[]> r) throws Unindexable {
        String index = names.index(IndexFamily.WORKERS, null);
        if (r.value() == null) {
            if (r.key() == null) {
                throw new Unindexable(null, "a tombstone without key");
            }
            return List.of(action(r, IndexFamily.WORKERS, index, r.key(), null, IndexAction.Mode.DELETE));
        }
        WorkerRecord w = read(r, Topics.WORKERS);
        String id = requireId(w.id());
        return List.of(action(r, IndexFamily.WORKERS, index, id, WorkerDoc.of(w), IndexAction.Mode.VERSIONED));
    }

    private List<IndexAction> alert(ConsumerRecord<String, byte[]> r) throws Unindexable {
        Alert a = read(r, ResultTopics.ALERTS);
        if (a == null) {
            return List.of(); // compaction tombstone: the alert document stays as history
        }
        String id = requireId(a.id());
        if (a.raisedAt() == null) {
            throw new Unindexable("raisedAt", "an alert without raisedAt");
        }
        return List.of(action(r, IndexFamily.ALERTS, names.index(IndexFamily.ALERTS, a.raisedAt()), id, a,
                IndexAction.Mode.VERSIONED));
    }

    private List<IndexAction> audit(ConsumerRecord<String, byte[]> r) throws Unindexable {
        if (r.value() == null) {
            return List.of();
        }
        JsonNode e;
        try {
            e = Json.mapper().readTree(r.value());
        } catch (java.io.IOException ex) {
            throw new Unindexable(null, "not JSON: " + ex.getMessage());
        }
        String id = requireId(text(e, "id"));
        Instant at;
        try {
            at = Instant.parse(text(e, "at"));
        } catch (RuntimeException ex) {
            throw new Unindexable("at", "no valid time ('at')");
        }
        Map<String, String> details = new LinkedHashMap<>();
        JsonNode d = e.get("details");
        if (d != null && d.isObject()) {
            d.fields().forEachRemaining(f -> details.put(f.getKey(), f.getValue().asText()));
        }
        AuditEntry entry = new AuditEntry(id, at, text(e, "actor"), text(e, "role"), text(e, "action"),
                text(e, "target"), text(e, "district"), text(e, "outcome"), text(e, "address"), details);
        return List.of(action(r, IndexFamily.AUDIT, names.index(IndexFamily.AUDIT, at), id, entry,
                IndexAction.Mode.CREATE));
    }

    private List<IndexAction> delivery(ConsumerRecord<String, byte[]> r) throws Unindexable {
        Delivery d = read(r, NotifyTopics.DELIVERIES);
        if (d == null) {
            return List.of();
        }
        String id = requireId(d.id());
        if (d.at() == null) {
            throw new Unindexable("at", "no time ('at')");
        }
        // One document per record: "sending" then "sent"/"undeliverable" of one notification are two attempts' log.
        String docId = id + "|" + d.outcome() + "|" + d.attempts();
        return List.of(action(r, IndexFamily.DELIVERIES, names.index(IndexFamily.DELIVERIES, d.at()), docId, d,
                IndexAction.Mode.CREATE));
    }

    /**
     * A worker's calls in a campaign (compacted: the latest record holds every attempt): one document per attempt,
     * created once; the attempts indexed from an earlier record are refused as duplicates. A tombstone: history stays.
     */
    private List<IndexAction> campaignCalls(ConsumerRecord<String, byte[]> r) throws Unindexable {
        WorkerCalls calls = read(r, CampaignTopics.CALLS);
        if (calls == null) {
            return List.of();
        }
        if (calls.campaign() == null || calls.worker() == null) {
            throw new Unindexable(calls.campaign() == null ? "campaign" : "worker", "no campaign or worker");
        }
        List<IndexAction> out = new ArrayList<>(calls.attempts().size());
        for (CampaignCallDoc doc : CampaignCallDoc.of(calls)) {
            if (doc.at() == null) {
                throw new Unindexable("attempts.at", "an attempt without its time ('at')");
            }
            out.add(action(r, IndexFamily.CAMPAIGN_CALLS, names.index(IndexFamily.CAMPAIGN_CALLS, doc.at()),
                    requireId(doc.id()), doc, IndexAction.Mode.CREATE));
        }
        return out;
    }

    private void snapshot(Topic<String, ?> topic, String kind, Function<JsonNode, String> district) {
        byTopic.put(topic.name(), r -> {
            if (r.value() == null) {
                return List.of(); // a deleted key: its history stays
            }
            read(r, topic); // validate against the result type
            JsonNode value;
            try {
                value = Json.mapper().readTree(r.value());
            } catch (java.io.IOException e) {
                throw new Unindexable(null, "not JSON: " + e.getMessage());
            }
            String key = r.key() == null ? "-" : r.key();
            if (!unchanged.changed(r.topic(), key, r.value())) {
                return List.of(); // the same value as the last snapshot of the key: no new point in its history
            }
            Instant at = Instant.ofEpochMilli(r.timestamp() >= 0 ? r.timestamp() : 0);
            SnapshotDoc doc = new SnapshotDoc(kind, key, at, district.apply(value), value);
            return List.of(action(r, IndexFamily.SNAPSHOTS, names.index(IndexFamily.SNAPSHOTS, at), doc.id(), doc,
                    IndexAction.Mode.VERSIONED));
        });
    }

    private static String bucketDistrict(JsonNode bucket) {
        String by = text(bucket, "by");
        String key = text(bucket, "key");
        boolean districtDimension = DistributionBucket.BY_CURRENT_DISTRICT.equals(by)
                || DistributionBucket.BY_HOME_DISTRICT.equals(by);
        return districtDimension && !DistributionBucket.UNKNOWN.equals(key) ? key : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> T read(ConsumerRecord<String, byte[]> r, Topic<String, T> topic) throws Unindexable {
        try {
            return ((JsonSerde<T>) topic.valueSerde()).fromBytes(r.value());
        } catch (SerializationException e) {
            throw new Unindexable(null, e.getMessage());
        }
    }

    private static String requireId(String id) throws Unindexable {
        if (id == null || id.isBlank()) {
            throw new Unindexable("id", "no id");
        }
        if (id.length() > 256) {
            throw new Unindexable("id", "id longer than 256 characters");
        }
        return id;
    }

    private static IndexAction action(ConsumerRecord<String, byte[]> r, IndexFamily family, String index, String id,
                                      Object doc, IndexAction.Mode mode) {
        return new IndexAction(family, index, id, doc, mode, r.offset() + 1, r.topic(), r.partition(), r.offset());
    }
}
