package org.warroom.dashboard.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.campaign.CallAttempt;
import org.warroom.contracts.campaign.CallOutcome;
import org.warroom.contracts.campaign.CallingHours;
import org.warroom.contracts.campaign.Campaign;
import org.warroom.contracts.campaign.CampaignFilter;
import org.warroom.contracts.campaign.WorkerCalls;
import org.warroom.contracts.campaign.WorkerLease;

class CampaignQueueTest {
    /** 12:00 IST, inside the default calling hours. */
    private static final Instant NOON = Instant.parse("2026-12-07T06:30:00Z");

    private static CampaignQueue queue(int maxAttempts, String... workers) {
        Campaign c = new Campaign("c-1", "test", CampaignFilter.EVERYONE, workers.length, maxAttempts,
                Duration.ofMinutes(60), Duration.ofMinutes(10), CallingHours.DEFAULT, List.of(), "sup", NOON);
        return new CampaignQueue(c, new WorkerIds(List.of(workers)));
    }

    private static WorkerCalls call(Handout h, CallOutcome outcome, Instant at, Instant callBackAt,
                                    WorkerCalls before) {
        WorkerCalls start = before != null ? before
                : new WorkerCalls("c-1", h.lease().worker(), List.of());
        return start.with(new CallAttempt(start.attempts().size() + 1, h.lease().agent(), h.lease().id(), outcome,
                null, null, null, callBackAt, null, at, null));
    }

    private static Handout next(CampaignQueue q, String agent, Instant now) {
        return q.next(agent, now, w -> false).orElseThrow();
    }

    @Test
    void shouldHandWorkersInCallingOrderOneAgentEach() {
        CampaignQueue q = queue(3, "w1", "w2", "w3");
        assertEquals("w1", next(q, "asha", NOON).lease().worker());
        assertEquals("w2", next(q, "ravi", NOON).lease().worker());
        Handout again = next(q, "asha", NOON);
        assertEquals("w1", again.lease().worker(), "an agent asking again keeps their worker");
        assertTrue(again.renewed());
        assertEquals("w3", next(q, "meena", NOON).lease().worker());
        assertTrue(q.next("kiran", NOON, w -> false).isEmpty(), "everyone is with an agent");
        assertEquals(3, q.progress(NOON).leased());
    }

    @Test
    void shouldReturnWorkerOfExpiredLeaseToTheQueue() {
        CampaignQueue q = queue(3, "w1", "w2");
        Handout first = next(q, "asha", NOON);
        next(q, "ravi", NOON);
        Instant later = NOON.plus(Duration.ofMinutes(10));
        Handout taken = next(q, "kiran", later);
        assertEquals("w1", taken.lease().worker(), "asha's lease ran out at 10 minutes");
        assertEquals(LeaseCheck.NOT_HELD, q.check("w1", first.lease().id(), "asha", later));
        assertEquals(LeaseCheck.HELD, q.check("w1", taken.lease().id(), "kiran", later));
    }

    @Test
    void shouldRetryUnreachableWorkerAfterTheWaitUntilMaxAttempts() {
        CampaignQueue q = queue(2, "w1");
        Handout h = next(q, "asha", NOON);
        assertEquals(LeaseCheck.HELD, q.check("w1", h.lease().id(), "asha", NOON));
        WorkerCalls once = call(h, CallOutcome.NOT_REACHABLE, NOON, null, null);
        q.apply(once);
        assertTrue(q.next("asha", NOON.plus(Duration.ofMinutes(59)), w -> false).isEmpty(), "not due for an hour");
        Handout second = next(q, "ravi", NOON.plus(Duration.ofMinutes(60)));
        assertEquals("w1", second.lease().worker());
        assertEquals(1, second.previousAttempts());
        q.apply(call(second, CallOutcome.NOT_REACHABLE, NOON.plus(Duration.ofMinutes(61)), null, once));
        assertTrue(q.next("asha", NOON.plus(Duration.ofDays(1)), w -> false).isEmpty(), "two attempts: exhausted");
        CampaignProgress p = q.progress(NOON);
        assertEquals(new CampaignProgress(1, 0, 0, 0, 1, 0, 0, 2), p);
    }

    @Test
    void shouldHandCallBackAtItsTime() {
        CampaignQueue q = queue(3, "w1", "w2");
        Handout h = next(q, "asha", NOON);
        Instant at = NOON.plus(Duration.ofHours(3));
        q.apply(call(h, CallOutcome.CALL_BACK, NOON, at, null));
        assertEquals("w2", next(q, "asha", NOON.plus(Duration.ofHours(1))).lease().worker());
        assertEquals("w1", next(q, "ravi", at).lease().worker());
        assertEquals(1, q.progress(at).reached());
    }

    @Test
    void shouldHandOutNobodyOutsideCallingHours() {
        CampaignQueue q = queue(3, "w1");
        Instant night = Instant.parse("2026-12-07T17:00:00Z"); // 22:30 IST
        assertTrue(q.next("asha", night, w -> false).isEmpty());
        assertEquals(Instant.parse("2026-12-08T03:30:00Z"), CallingHours.DEFAULT.nextOpening(night));
        assertTrue(new CallingHours(LocalTime.of(20, 0), LocalTime.of(2, 0)).open(night), "hours across midnight");
        assertTrue(new CallingHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).open(night), "around the clock");
    }

    @Test
    void shouldSkipAndCloseDoNotCallWorkers() {
        CampaignQueue q = queue(3, "w1", "w2");
        assertEquals("w2", q.next("asha", NOON, w -> w.equals("w1")).orElseThrow().lease().worker());
        assertEquals(1, q.progress(NOON).closed());
        assertEquals(1, q.progress(NOON).pending());
    }

    @Test
    void shouldCountOutcomes() {
        CampaignQueue q = queue(3, "w1", "w2", "w3", "w4");
        q.apply(call(next(q, "a", NOON), CallOutcome.VERIFIED, NOON, null, null));
        q.apply(call(next(q, "a", NOON), CallOutcome.WRONG_NUMBER, NOON, null, null));
        q.apply(call(next(q, "a", NOON), CallOutcome.REFUSED, NOON, null, null));
        next(q, "b", NOON);
        assertEquals(new CampaignProgress(4, 1, 2, 1, 0, 3, 1, 3), q.progress(NOON));
        assertEquals(List.of(new AgentTally("a", 3, 2, 1)), q.agents());
    }

    @Test
    void shouldRebuildAfterRestartWithoutHandingAnyWorkerTwice() {
        CampaignQueue before = queue(3, "w1", "w2", "w3");
        Handout answered = next(before, "asha", NOON);
        WorkerCalls calls = call(answered, CallOutcome.NOT_REACHABLE, NOON, null, null);
        before.apply(calls);
        Handout running = next(before, "ravi", NOON);
        // After a restart: the leases are replayed first (the answered one's tombstone was never written), then calls.
        CampaignQueue after = queue(3, "w1", "w2", "w3");
        after.restore(answered.lease());
        after.restore(running.lease());
        after.apply(calls);
        Handout renewed = next(after, "ravi", NOON.plusSeconds(5));
        assertEquals(running.lease(), renewed.lease(), "ravi keeps w2");
        assertEquals("w3", next(after, "asha", NOON.plusSeconds(5)).lease().worker(),
                "w1 is not due again for an hour, w2 is ravi's");
        assertEquals(1, after.progress(NOON).attempts());
    }

    @Test
    void shouldRecogniseRepeatedOutcomeOfTheSameLease() {
        CampaignQueue q = queue(3, "w1");
        Handout h = next(q, "asha", NOON);
        q.check("w1", h.lease().id(), "asha", NOON);
        q.apply(call(h, CallOutcome.VERIFIED, NOON, null, null));
        assertEquals(LeaseCheck.ALREADY_RECORDED, q.check("w1", h.lease().id(), "asha", NOON));
        assertEquals(LeaseCheck.UNKNOWN_WORKER, q.check("w9", h.lease().id(), "asha", NOON));
    }

    @Test
    void shouldKeepLeaseBeingClosedPastItsEnd() {
        CampaignQueue q = queue(3, "w1");
        Handout h = next(q, "asha", NOON);
        assertEquals(LeaseCheck.HELD, q.check("w1", h.lease().id(), "asha", NOON.plus(Duration.ofMinutes(9))));
        assertTrue(q.next("ravi", NOON.plus(Duration.ofMinutes(11)), w -> false).isEmpty(),
                "the outcome is on its way to Kafka");
        q.reopen("w1", h.lease().id());
        assertEquals("w1", next(q, "ravi", NOON.plus(Duration.ofMinutes(12))).lease().worker(),
                "its writing failed: the lease runs out as usual");
    }

    @Test
    void shouldNeverHandTheSameWorkerToTwoOf200AgentsAskingAtOnce() throws Exception {
        String[] workers = IntStream.range(0, 5_000).mapToObj(i -> "w" + i).toArray(String[]::new);
        CampaignQueue q = queue(3, workers);
        Set<String> handed = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int a = 0; a < 200; a++) {
                String agent = "agent" + a;
                results.add(pool.submit(() -> {
                    int dup = 0;
                    for (int i = 0; i < 20; i++) {
                        Optional<Handout> h = q.next(agent, NOON, w -> false);
                        if (h.isEmpty()) {
                            break;
                        }
                        if (!handed.add(h.get().lease().worker())) {
                            dup++;
                        }
                        q.check(h.get().lease().worker(), h.get().lease().id(), agent, NOON);
                        q.apply(call(h.get(), CallOutcome.VERIFIED, NOON, null, null));
                    }
                    return dup;
                }));
            }
            int duplicates = 0;
            for (Future<Integer> r : results) {
                duplicates += r.get();
            }
            assertEquals(0, duplicates);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4_000, handed.size());
        assertEquals(4_000, q.progress(NOON).verified());
        assertFalse(q.holds("w5000"));
    }

    @Test
    void shouldIndexPackedIds() {
        WorkerIds ids = new WorkerIds(List.of("BR-1", "BR-2", "मज़दूर-3"));
        assertEquals(2, ids.indexOf("मज़दूर-3"));
        assertEquals("मज़दूर-3", ids.get(2));
        assertEquals(-1, ids.indexOf("BR-3"));
        assertEquals(new HashSet<>(List.of(0, 1)), new HashSet<>(List.of(ids.indexOf("BR-1"), ids.indexOf("BR-2"))));
    }

    @Test
    void shouldCancelLeaseWhoseWritingFailed() {
        CampaignQueue q = queue(3, "w1", "w2");
        WorkerLease lease = next(q, "asha", NOON).lease();
        q.cancel(lease);
        assertEquals("w1", next(q, "ravi", NOON).lease().worker());
    }

    @Test
    void shouldCountProgressByHomeDistrictExactlyAsTheWhole() {
        Campaign c = new Campaign("c-1", "test", CampaignFilter.EVERYONE, 7, 2, Duration.ofMinutes(60),
                Duration.ofMinutes(10), CallingHours.DEFAULT, List.of(), "sup", NOON);
        CampaignQueue q = new CampaignQueue(c, new WorkerIds(List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7")),
                java.util.Arrays.asList("396", "396", "396", "212", "212", null, "212"));
        Handout h1 = next(q, "asha", NOON);
        q.apply(call(h1, CallOutcome.VERIFIED, NOON, null, null));
        Handout h2 = next(q, "asha", NOON);
        WorkerCalls w2 = call(h2, CallOutcome.NOT_REACHABLE, NOON, null, null);
        q.apply(w2);
        Handout h3 = next(q, "asha", NOON);
        q.apply(call(h3, CallOutcome.REFUSED, NOON, null, null));
        Handout h4 = next(q, "asha", NOON);
        q.apply(call(h4, CallOutcome.CALL_BACK, NOON, NOON.plus(Duration.ofHours(3)), null));
        Handout h5 = next(q, "asha", NOON);
        q.apply(call(h5, CallOutcome.WRONG_NUMBER, NOON, null, null));
        Instant later = NOON.plus(Duration.ofMinutes(61));
        Handout again = next(q, "asha", later);
        assertEquals("w2", again.lease().worker());
        q.apply(call(again, CallOutcome.NOT_REACHABLE, later, null, w2));
        // w6 (home unknown) is on the do-not-call list: closed when its turn comes; w7 is leased to ravi.
        Handout h7 = q.next("ravi", later, w -> w.equals("w6")).orElseThrow();
        assertEquals("w7", h7.lease().worker());
        assertEquals("396", q.homeDistrict("w1"));
        assertEquals("unknown", q.homeDistrict("w6"));

        List<DistrictProgress> byDistrict = q.byDistrict(later);
        assertEquals(List.of(
                new DistrictProgress("212", 3, 0, 1, 2, 0),
                new DistrictProgress("396", 3, 1, 2, 0, 1),
                new DistrictProgress("unknown", 1, 0, 0, 0, 0)), byDistrict);
        CampaignProgress whole = q.progress(later);
        assertEquals(whole.size(), byDistrict.stream().mapToInt(DistrictProgress::size).sum());
        assertEquals(whole.verified(), byDistrict.stream().mapToInt(DistrictProgress::verified).sum());
        assertEquals(whole.reached(), byDistrict.stream().mapToInt(DistrictProgress::reached).sum());
        assertEquals(whole.pending(), byDistrict.stream().mapToInt(DistrictProgress::pending).sum());
        assertEquals(whole.exhausted(), byDistrict.stream().mapToInt(DistrictProgress::exhausted).sum());
    }

    @Test
    void shouldTellWhetherAnAgentHoldsAWorkerWithoutClosingTheLease() {
        CampaignQueue q = queue(3, "w1");
        Handout h = next(q, "asha", NOON);
        assertTrue(q.holding("w1", h.lease().id(), "asha", NOON));
        assertFalse(q.holding("w1", h.lease().id(), "ravi", NOON));
        assertFalse(q.holding("w1", "other-lease", "asha", NOON));
        assertEquals(LeaseCheck.HELD, q.check("w1", h.lease().id(), "asha", NOON));
        assertFalse(q.holding("w1", h.lease().id(), "asha", NOON), "a lease being closed is not dialled");
        assertFalse(q.holding("w1", h.lease().id(), "asha", NOON.plus(Duration.ofMinutes(11))));
    }
}
