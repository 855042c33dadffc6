package org.warroom.dashboard.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.campaign.CallAttempt;
import org.warroom.contracts.campaign.CallOutcome;
import org.warroom.contracts.campaign.CallingHours;
import org.warroom.contracts.campaign.Campaign;
import org.warroom.contracts.campaign.CampaignFilter;
import org.warroom.contracts.campaign.WorkerCalls;
import org.warroom.dashboard.web.CampaignLine;

/** The situation report's campaign lines are the queues' own figures; a finished campaign is not running. */
class CampaignReportLinesTest {
    private static final Instant NOON = Instant.parse("2026-12-07T06:30:00Z");

    private static CampaignQueue queue(String id, Instant created, String... workers) {
        return new CampaignQueue(new Campaign(id, "campaign " + id, CampaignFilter.EVERYONE, workers.length, 1,
                Duration.ofMinutes(60), Duration.ofMinutes(10), CallingHours.DEFAULT, List.of(), "sup", created),
                new WorkerIds(List.of(workers)));
    }

    private static void record(CampaignQueue q, String agent, CallOutcome outcome) {
        Handout h = q.next(agent, NOON, w -> false).orElseThrow();
        q.apply(new WorkerCalls(q.campaign().id(), h.lease().worker(), List.of(new CallAttempt(1, agent, h.lease().id(),
                outcome, outcome == CallOutcome.VERIFIED ? "27" : null, null, null, null, null, NOON, null))));
    }

    @Test
    void shouldReportEachRunningCampaignAsItsQueueCountsIt() {
        CampaignQueue older = queue("c-1", NOON.minusSeconds(3600), "a", "b", "c", "d");
        CampaignQueue newer = queue("c-2", NOON, "x", "y");
        CampaignQueue done = queue("c-3", NOON, "z");
        record(older, "asha", CallOutcome.VERIFIED);
        record(older, "asha", CallOutcome.NOT_REACHABLE); // one attempt allowed: exhausted
        record(older, "ravi", CallOutcome.REFUSED);
        record(newer, "asha", CallOutcome.VERIFIED);
        record(done, "ravi", CallOutcome.WRONG_NUMBER);

        List<CampaignLine> lines = new CampaignReportLines(() -> List.of(older, done, newer),
                Clock.fixed(NOON, ZoneOffset.UTC)).get();

        assertEquals(List.of("c-2", "c-1"), lines.stream().map(CampaignLine::id).toList());
        assertEquals(new CampaignLine("c-1", "campaign c-1", 4, 2, 1, 1, 1, 3), lines.get(1));
        for (CampaignQueue q : List.of(older, newer)) {
            CampaignProgress p = q.progress(NOON);
            CampaignLine line = lines.stream().filter(l -> l.id().equals(q.campaign().id())).findFirst().orElseThrow();
            assertEquals(List.of(p.size(), p.reached(), p.verified(), p.pending(), p.exhausted()),
                    List.of(line.size(), line.reached(), line.verified(), line.pending(), line.exhausted()));
            assertEquals(p.attempts(), line.attempts());
        }
    }
}
