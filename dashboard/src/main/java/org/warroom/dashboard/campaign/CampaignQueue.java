package org.warroom.dashboard.campaign;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.Predicate;
import org.warroom.contracts.campaign.CallAttempt;
import org.warroom.contracts.campaign.CallOutcome;
import org.warroom.contracts.campaign.Campaign;
import org.warroom.contracts.campaign.WorkerCalls;
import org.warroom.contracts.campaign.WorkerLease;

/**
 * Who an agent calls next in one campaign: workers in calling order, those due for another attempt first (an
 * unanswered call after the campaign's wait, a call-back at its time), each handed to one agent at a time under a
 * lease; an expired lease puts the worker back as due at once. Pure and in memory (the store writes every lease
 * and outcome to Kafka and replays them here after a restart); every method is synchronized, so two agents never
 * get the same worker.
 */
public final class CampaignQueue {
    private static final byte FRESH = 0;
    private static final byte PENDING = 1;
    private static final byte LEASED = 2;
    private static final byte CLOSED = 3;
    private static final byte EXHAUSTED = 4;

    private final Campaign campaign;
    private final WorkerIds ids;
    private final byte[] state;
    private final byte[] attempts;
    private final boolean[] verified;
    private final boolean[] reached;
    /** Retry entries: due second (upper bits) and position (lower 24 bits); stale entries are skipped. */
    private final PriorityQueue<Long> due = new PriorityQueue<>();
    private final Map<Integer, Lease> leases = new HashMap<>();
    private final Map<String, Integer> leaseByAgent = new HashMap<>();
    private final PriorityQueue<Lease> expiries = new PriorityQueue<>((a, b) -> a.value.until().compareTo(b.value.until()));
    /** Leases whose outcome was recorded lately, so a repeated request is recognised (the newest 10,000). */
    private final Map<String, Boolean> recorded = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    };
    private final Map<String, AgentTally> agents = new java.util.TreeMap<>();
    private final DistrictTally districts;
    private int cursor;
    private int verifiedCount;
    private int reachedCount;
    private int closedCount;
    private int exhaustedCount;
    private long attemptCount;

    private static final class Lease {
        final int position;
        final WorkerLease value;
        boolean closing;

        Lease(int position, WorkerLease value) {
            this.position = position;
            this.value = value;
        }
    }

    CampaignQueue(Campaign campaign, WorkerIds ids) {
        this(campaign, ids, null);
    }

    /** {@code homeDistricts}: each worker's home district in calling order (null: not known). */
    CampaignQueue(Campaign campaign, WorkerIds ids, java.util.List<String> homeDistricts) {
        if (ids.size() >= 1 << 24) {
            throw new IllegalArgumentException("a campaign holds at most " + ((1 << 24) - 1) + " workers");
        }
        this.campaign = campaign;
        this.ids = ids;
        this.state = new byte[ids.size()];
        this.attempts = new byte[ids.size()];
        this.verified = new boolean[ids.size()];
        this.reached = new boolean[ids.size()];
        this.districts = new DistrictTally(ids.size(), homeDistricts);
    }

    public Campaign campaign() {
        return campaign;
    }

    /**
     * The next worker for {@code agent}: the one the agent holds already (renewed), else the first due; empty when
     * nobody is due now or calling hours are over. {@code doNotCall} names workers never to hand out.
     */
    public synchronized Optional<Handout> next(String agent, Instant now, Predicate<String> doNotCall) {
        expire(now);
        Integer held = leaseByAgent.get(agent);
        if (held != null) {
            Lease lease = leases.get(held);
            return Optional.of(new Handout(lease.value, attempts[lease.position], true));
        }
        if (!campaign.hours().open(now)) {
            return Optional.empty();
        }
        while (!due.isEmpty() && due.peek() >>> 24 <= now.getEpochSecond()) {
            int position = (int) (due.poll() & 0xFFFFFF);
            if (state[position] == PENDING && callable(position, doNotCall)) {
                return Optional.of(lease(position, agent, now));
            }
        }
        while (cursor < state.length) {
            int position = cursor++;
            if (state[position] == FRESH && callable(position, doNotCall)) {
                return Optional.of(lease(position, agent, now));
            }
        }
        return Optional.empty();
    }

    /** False for a worker on the do-not-call list, who is closed here and then (never handed out again). */
    private boolean callable(int position, Predicate<String> doNotCall) {
        if (!doNotCall.test(ids.get(position))) {
            return true;
        }
        state[position] = CLOSED;
        closedCount++;
        districts.count(position, 1, false, false, true, false);
        return false;
    }

    private Handout lease(int position, String agent, Instant now) {
        WorkerLease value = new WorkerLease(UUID.randomUUID().toString(), campaign.id(), ids.get(position), agent,
                now.plus(campaign.leaseTime()));
        hold(position, value);
        return new Handout(value, attempts[position], false);
    }

    private void hold(int position, WorkerLease value) {
        Lease lease = new Lease(position, value);
        state[position] = LEASED;
        leases.put(position, lease);
        leaseByAgent.put(value.agent(), position);
        expiries.add(lease);
    }

    /** Takes back a lease whose writing failed: the worker is due again at once. */
    public synchronized void cancel(WorkerLease value) {
        int position = ids.indexOf(value.worker());
        Lease lease = position < 0 ? null : leases.get(position);
        if (lease != null && lease.value.id().equals(value.id())) {
            release(lease);
            pend(position, Instant.EPOCH);
        }
    }

    /** Whether {@code agent} may record an outcome for the worker under this lease now; marks it being closed. */
    public synchronized LeaseCheck check(String worker, String leaseId, String agent, Instant now) {
        expire(now);
        int position = ids.indexOf(worker);
        if (position < 0) {
            return LeaseCheck.UNKNOWN_WORKER;
        }
        if (recorded.containsKey(leaseId)) {
            return LeaseCheck.ALREADY_RECORDED;
        }
        Lease lease = leases.get(position);
        if (lease == null || !lease.value.id().equals(leaseId) || !lease.value.agent().equals(agent)) {
            return LeaseCheck.NOT_HELD;
        }
        lease.closing = true;
        return LeaseCheck.HELD;
    }

    /** Lets a lease whose outcome could not be written run out as usual again. */
    public synchronized void reopen(String worker, String leaseId) {
        int position = ids.indexOf(worker);
        Lease lease = position < 0 ? null : leases.get(position);
        if (lease != null && lease.value.id().equals(leaseId)) {
            lease.closing = false;
            expiries.add(lease);
        }
    }

    /** Applies a worker's calls (the latest one just recorded, or all of them when replayed after a restart). */
    public synchronized void apply(WorkerCalls calls) {
        int position = ids.indexOf(calls.worker());
        if (position < 0 || calls.attempts().isEmpty()) {
            return;
        }
        CallAttempt last = calls.last().orElseThrow();
        Lease lease = leases.get(position);
        boolean answered = lease != null && calls.attempts().stream().anyMatch(a -> lease.value.id().equals(a.lease()));
        if (lease != null && (answered || last.outcome().closes())) {
            release(lease);
        }
        boolean stillLeased = leases.containsKey(position);
        if (last.lease() != null) {
            recorded.put(last.lease(), Boolean.TRUE);
        }
        undoCounts(position);
        for (CallAttempt a : calls.attempts().subList(Math.min(attempts[position], calls.attempts().size()),
                calls.attempts().size())) {
            agents.compute(a.agent(), (k, t) -> (t == null ? new AgentTally(k, 0, 0, 0) : t)
                    .plus(a.outcome().reached(), a.outcome() == CallOutcome.VERIFIED));
        }
        attemptCount += calls.attempts().size() - attempts[position];
        attempts[position] = (byte) Math.min(calls.attempts().size(), Byte.MAX_VALUE);
        verified[position] = calls.attempts().stream().anyMatch(a -> a.outcome() == CallOutcome.VERIFIED);
        reached[position] = calls.attempts().stream().anyMatch(a -> a.outcome().reached());
        if (last.outcome().closes()) {
            state[position] = CLOSED;
        } else if (attempts[position] >= campaign.maxAttempts()) {
            if (stillLeased) {
                release(leases.get(position));
            }
            state[position] = EXHAUSTED;
        } else if (!stillLeased) {
            Instant when = last.outcome() == CallOutcome.CALL_BACK && last.callBackAt() != null
                    ? last.callBackAt() : last.at().plus(campaign.retryAfter());
            pend(position, when);
        }
        countIn(position);
    }

    /** Replays a lease read back after a restart, unless the worker's outcome for it is recorded already. */
    public synchronized void restore(WorkerLease value) {
        int position = ids.indexOf(value.worker());
        if (position < 0 || state[position] == CLOSED || state[position] == EXHAUSTED) {
            return;
        }
        Lease previous = leases.get(position);
        if (previous != null) {
            release(previous);
        }
        Integer other = leaseByAgent.get(value.agent());
        if (other != null) {
            release(leases.get(other));
            pend(other, Instant.EPOCH);
        }
        hold(position, value);
    }

    /** Whether the campaign holds the worker. */
    public boolean holds(String worker) {
        return ids.indexOf(worker) >= 0;
    }

    public synchronized CampaignProgress progress(Instant now) {
        expire(now);
        int pending = state.length - closedCount - exhaustedCount;
        return new CampaignProgress(state.length, verifiedCount, reachedCount, pending, exhaustedCount, closedCount,
                leases.size(), attemptCount);
    }

    /** The campaign's progress by the workers' home district, by district code. */
    public synchronized java.util.List<DistrictProgress> byDistrict(Instant now) {
        expire(now);
        return districts.progress();
    }

    /** A member's home district (LGD code, or {@code unknown}); null for a worker the campaign does not hold. */
    public synchronized String homeDistrict(String worker) {
        int position = ids.indexOf(worker);
        return position < 0 ? null : districts.district(position);
    }

    /**
     * Whether {@code agent} holds the worker under this lease now (to dial them), without closing the lease.
     */
    public synchronized boolean holding(String worker, String leaseId, String agent, Instant now) {
        expire(now);
        int position = ids.indexOf(worker);
        Lease lease = position < 0 ? null : leases.get(position);
        return lease != null && lease.value.id().equals(leaseId) && lease.value.agent().equals(agent) && !lease.closing;
    }

    /** Each agent's calls in this campaign, by username. */
    public synchronized java.util.List<AgentTally> agents() {
        return java.util.List.copyOf(agents.values());
    }

    private void expire(Instant now) {
        while (!expiries.isEmpty() && !expiries.peek().value.until().isAfter(now)) {
            Lease lease = expiries.poll();
            // A lease being closed (its outcome on the way to Kafka) is left to apply() or reopen().
            if (leases.get(lease.position) == lease && !lease.closing) {
                release(lease);
                pend(lease.position, Instant.EPOCH);
            }
        }
    }

    private void release(Lease lease) {
        leases.remove(lease.position);
        leaseByAgent.remove(lease.value.agent(), lease.position);
        if (state[lease.position] == LEASED) {
            state[lease.position] = attempts[lease.position] == 0 ? FRESH : PENDING;
        }
    }

    private void pend(int position, Instant when) {
        if (attempts[position] == 0 && when.equals(Instant.EPOCH)) {
            state[position] = FRESH;
            cursor = Math.min(cursor, position);
            return;
        }
        state[position] = PENDING;
        due.add((Math.max(0, when.getEpochSecond()) << 24) | position);
    }

    private void undoCounts(int position) {
        verifiedCount -= verified[position] ? 1 : 0;
        reachedCount -= reached[position] ? 1 : 0;
        closedCount -= state[position] == CLOSED ? 1 : 0;
        exhaustedCount -= state[position] == EXHAUSTED ? 1 : 0;
        districts.count(position, -1, verified[position], reached[position], state[position] == CLOSED,
                state[position] == EXHAUSTED);
    }

    private void countIn(int position) {
        verifiedCount += verified[position] ? 1 : 0;
        reachedCount += reached[position] ? 1 : 0;
        closedCount += state[position] == CLOSED ? 1 : 0;
        exhaustedCount += state[position] == EXHAUSTED ? 1 : 0;
        districts.count(position, 1, verified[position], reached[position], state[position] == CLOSED,
                state[position] == EXHAUSTED);
    }
}
