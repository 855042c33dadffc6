package org.warroom.dashboard.campaign;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.warroom.dashboard.web.CampaignLine;

/**
 * The running campaigns (someone still to be called) for the situation report, newest first, each with the figures
 * its own queue counts now, so the report says exactly what the campaign page says.
 */
public final class CampaignReportLines implements Supplier<List<CampaignLine>> {
    private final Supplier<Collection<CampaignQueue>> queues;
    private final Clock clock;

    public CampaignReportLines(Supplier<Collection<CampaignQueue>> queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    @Override
    public List<CampaignLine> get() {
        return queues.get().stream()
                .sorted(Comparator.comparing((CampaignQueue q) -> q.campaign().createdAt()).reversed())
                .map(q -> {
                    CampaignProgress p = q.progress(clock.instant());
                    return new CampaignLine(q.campaign().id(), q.campaign().name(), p.size(), p.reached(), p.verified(),
                            p.pending(), p.exhausted(), p.attempts());
                })
                .filter(line -> line.pending() > 0)
                .toList();
    }
}
