package org.warroom.dashboard.campaign;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.warroom.contracts.campaign.CallOutcome;
import org.warroom.contracts.campaign.Campaign;
import org.warroom.contracts.campaign.CampaignMembers;
import org.warroom.contracts.campaign.CampaignTopics;
import org.warroom.contracts.campaign.WorkerCalls;
import org.warroom.contracts.campaign.WorkerLease;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * Every campaign's queue, rebuilt at start from the campaign topics (definitions and members, then leases, then
 * calls: a call answering a lease ends it) and kept by this instance from then on: it writes each lease and each
 * outcome to Kafka before it answers, so a restart hands out no worker twice and loses no outcome. One dashboard
 * instance hands out work (docs/CAMPAIGNS.md says why).
 */
public final class CampaignStore {
    /** Members per {@link CampaignMembers} record (about 150 KB of JSON). */
    static final int CHUNK = 10_000;

    private final Map<String, CampaignQueue> queues = new ConcurrentHashMap<>();
    private final Set<String> doNotCall = ConcurrentHashMap.newKeySet();
    /** Calls of workers still being called (for the agent's "previous attempts"), by campaign/worker key. */
    private final Map<String, WorkerCalls> open = new ConcurrentHashMap<>();
    private final TopicWriter writer;
    private volatile boolean loaded;

    public CampaignStore(TopicWriter writer) {
        this.writer = writer;
    }

    /** Reads the topics to their ends (which must exist) and builds the queues; {@link #loaded()} from then on. */
    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        Map<String, Campaign> campaigns = new HashMap<>();
        Map<String, CampaignMembers[]> members = new HashMap<>();
        Map<String, WorkerLease> leases = new HashMap<>();
        CompactedReader definitions = new CompactedReader(vertx, kafka, "warroom-dashboard-campaigns-" + instance,
                List.of(CampaignTopics.CAMPAIGNS.name(), CampaignTopics.MEMBERS.name()),
                (topic, key, value, p, o) -> {
                    if (value == null) {
                        return;
                    }
                    if (topic.equals(CampaignTopics.CAMPAIGNS.name())) {
                        Campaign c = CampaignTopics.CAMPAIGNS.valueSerde().deserializer().deserialize(topic, value);
                        campaigns.put(c.id(), c);
                    } else {
                        CampaignMembers m = CampaignTopics.MEMBERS.valueSerde().deserializer().deserialize(topic, value);
                        members.computeIfAbsent(m.campaign(), k -> new CampaignMembers[m.chunks()])[m.chunk()] = m;
                    }
                });
        CompactedReader leaseReader = new CompactedReader(vertx, kafka, "warroom-dashboard-campaign-leases-" + instance,
                List.of(CampaignTopics.LEASES.name()), (topic, key, value, p, o) -> {
                    if (value == null) {
                        leases.remove(key); // answered: its tombstone
                    } else {
                        leases.put(key, CampaignTopics.LEASES.valueSerde().deserializer().deserialize(topic, value));
                    }
                });
        CompactedReader callReader = new CompactedReader(vertx, kafka, "warroom-dashboard-campaign-calls-" + instance,
                List.of(CampaignTopics.CALLS.name()), (topic, key, value, p, o) -> {
                    if (value != null) {
                        applied(CampaignTopics.CALLS.valueSerde().deserializer().deserialize(topic, value));
                    }
                });
        return definitions.start()
                .compose(v -> definitions.close())
                .compose(v -> vertx.executeBlocking(() -> {
                    campaigns.values().forEach(c -> build(c, members.get(c.id())));
                    return null;
                }))
                .compose(v -> leaseReader.start()).compose(v -> leaseReader.close())
                .compose(v -> {
                    leases.values().forEach(l -> queue(l.campaign()).ifPresent(q -> q.restore(l)));
                    return callReader.start();
                })
                .compose(v -> callReader.close())
                .onSuccess(v -> loaded = true);
    }

    private void build(Campaign campaign, CampaignMembers[] chunks) {
        if (chunks == null) {
            return;
        }
        List<String> ids = new ArrayList<>(campaign.size());
        List<String> homes = new ArrayList<>(campaign.size());
        for (CampaignMembers chunk : chunks) {
            if (chunk == null) {
                return; // written only in part: the campaign was never announced as created
            }
            ids.addAll(chunk.workers());
            if (chunk.homeDistricts() != null) {
                chunk.homeDistricts().forEach(h -> homes.add(h == null ? null : h.intern()));
            }
        }
        queues.put(campaign.id(), new CampaignQueue(campaign, new WorkerIds(ids),
                homes.size() == ids.size() ? homes : null));
    }

    public boolean loaded() {
        return loaded;
    }

    public Optional<CampaignQueue> queue(String id) {
        return Optional.ofNullable(queues.get(id));
    }

    public Collection<CampaignQueue> queues() {
        return queues.values();
    }

    public boolean doNotCall(String worker) {
        return doNotCall.contains(worker);
    }

    /** The calls made to a worker in a campaign so far, while the campaign is still calling them. */
    public Optional<WorkerCalls> calls(String campaign, String worker) {
        return Optional.ofNullable(open.get(CampaignTopics.key(campaign, worker)));
    }

    /** Writes the members (in chunks) and then the definition; the queue exists once both are written. */
    public Future<CampaignQueue> create(Campaign campaign, SelectedWorkers selected) {
        List<String> workers = selected.ids();
        int chunks = Math.max(1, (workers.size() + CHUNK - 1) / CHUNK);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            int from = i * CHUNK;
            int to = Math.min(workers.size(), (i + 1) * CHUNK);
            writes.add(writer.write(CampaignTopics.MEMBERS, campaign.id() + "/" + i,
                    new CampaignMembers(campaign.id(), i, chunks, workers.subList(from, to),
                            selected.homeDistricts().subList(from, to))));
        }
        CampaignQueue queue = new CampaignQueue(campaign, new WorkerIds(workers), selected.homeDistricts());
        return Future.all(writes)
                .compose(v -> writer.write(CampaignTopics.CAMPAIGNS, campaign.id(), campaign))
                .map(meta -> {
                    queues.put(campaign.id(), queue);
                    return queue;
                });
    }

    /** Writes a lease (before the agent is told); a failed write takes it back. */
    public Future<WorkerLease> lease(CampaignQueue queue, WorkerLease lease) {
        return writer.write(CampaignTopics.LEASES, CampaignTopics.key(lease.campaign(), lease.worker()), lease)
                .map(meta -> lease)
                .onFailure(e -> queue.cancel(lease));
    }

    /** Writes a worker's calls with the new attempt, applies them, then removes the answered lease from the topic. */
    public Future<WorkerCalls> record(CampaignQueue queue, WorkerCalls calls) {
        String key = CampaignTopics.key(calls.campaign(), calls.worker());
        String lease = calls.last().map(a -> a.lease()).orElse(null);
        return writer.write(CampaignTopics.CALLS, key, calls)
                .onFailure(e -> queue.reopen(calls.worker(), lease))
                .map(meta -> {
                    applied(calls);
                    // Best effort: a lease left behind is recognised as answered by the calls record after a restart.
                    writer.write(CampaignTopics.LEASES, key, null);
                    return calls;
                });
    }

    private void applied(WorkerCalls calls) {
        String key = CampaignTopics.key(calls.campaign(), calls.worker());
        calls.last().ifPresent(last -> {
            if (last.outcome() == CallOutcome.REFUSED) {
                doNotCall.add(calls.worker());
            }
        });
        queue(calls.campaign()).ifPresent(q -> {
            q.apply(calls);
            boolean stillCalling = calls.last().map(a -> !a.outcome().closes()).orElse(false)
                    && calls.attempts().size() < q.campaign().maxAttempts();
            if (stillCalling) {
                open.put(key, calls);
            } else {
                open.remove(key);
            }
        });
    }

    /** A new campaign id: short, unique. */
    public static String newId() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
