package org.warroom.tools.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples, once a second, how fresh the results are: the registry total on the dashboard's live overview and the
 * number of worker documents searchable in Elasticsearch, each against the accepted workers. A result is as stale as
 * the oldest accepted worker it does not count yet has been waiting ({@link AcceptedTimeline#staleness}); when a part
 * does not answer the sample is {@code -1} (stale). Each sample is a line of {@code fresh.csv}:
 * {@code epochMillis,acceptedWorkers,liveWorkers,liveStaleMs,indexedWorkers,indexStaleMs}.
 */
public final class FreshnessMonitor implements Runnable {
    private final DashboardApi dashboard;
    private final ElasticApi elastic;
    private final String workersAlias;
    private final AcceptedTimeline timeline;
    private final Path csv;
    private volatile boolean stopped;

    public FreshnessMonitor(DashboardApi dashboard, ElasticApi elastic, String workersAlias, AcceptedTimeline timeline,
            Path csv) {
        this.dashboard = dashboard;
        this.elastic = elastic;
        this.workersAlias = workersAlias;
        this.timeline = timeline;
        this.csv = csv;
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("epochMillis,acceptedWorkers,liveWorkers,liveStaleMs,indexedWorkers,indexStaleMs\n");
            while (!stopped) {
                long started = System.currentTimeMillis();
                long accepted = timeline.workers();
                long live = liveWorkers();
                long indexed = indexedWorkers();
                long now = System.currentTimeMillis();
                out.write(now + "," + accepted + "," + live + "," + (live < 0 ? -1 : timeline.staleness(live, now))
                        + "," + indexed + "," + (indexed < 0 ? -1 : timeline.staleness(indexed, now)) + "\n");
                out.flush();
                Thread.sleep(Math.max(0, 1000 - (System.currentTimeMillis() - started)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long liveWorkers() throws InterruptedException {
        try {
            JsonNode o = dashboard.overview();
            return o.path("ready").asBoolean(true) ? o.path("workersTracked").asLong() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private long indexedWorkers() throws InterruptedException {
        try {
            return elastic.count(workersAlias);
        } catch (IOException e) {
            return -1;
        }
    }
}
