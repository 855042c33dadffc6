package org.warroom.dashboard.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.json.Json;
import org.warroom.dashboard.live.LiveState;
import org.warroom.dashboard.query.ComplaintsToday;

/**
 * The bulletin readers get: a snapshot rebuilt every {@link BulletinSettings#refresh()} on a worker thread from the
 * live state (and today's complaint counts from Elasticsearch), so that however many public readers come, each
 * costs one lookup of ready bytes and none touches the live state, Kafka or Elasticsearch. While today's counts
 * cannot be had, the bulletin says they are unknown rather than wait.
 */
public final class BulletinCache {
    private static final Logger LOG = LoggerFactory.getLogger(BulletinCache.class);

    private final Vertx vertx;
    private final LiveState live;
    private final BulletinBuilder builder;
    private final Callable<Map<String, ComplaintsToday.Counts>> complaints;
    private final BulletinSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile BulletinSnapshot snapshot;
    private long timer = -1;

    public BulletinCache(Vertx vertx, LiveState live, BulletinBuilder builder,
                         Callable<Map<String, ComplaintsToday.Counts>> complaints, BulletinSettings settings,
                         Clock clock, ZoneId zone) {
        this.vertx = vertx;
        this.live = live;
        this.builder = builder;
        this.complaints = complaints;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    /** Builds the first snapshot, then rebuilds it periodically. */
    public Future<Void> start() {
        timer = vertx.setPeriodic(settings.refresh().toMillis(), t -> rebuild());
        return rebuild();
    }

    /** Rebuilds now (skipped while a rebuild is under way); completes when the new snapshot is in place. */
    public Future<Void> rebuild() {
        if (!building.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(this::build, false)
                .onSuccess(s -> snapshot = s)
                .onFailure(e -> LOG.warn("the public bulletin could not be rebuilt (the previous one stays): {}",
                        e.toString()))
                .onComplete(x -> building.set(false))
                .mapEmpty();
    }

    private BulletinSnapshot build() throws JsonProcessingException {
        Optional<Map<String, ComplaintsToday.Counts>> today;
        try {
            today = Optional.of(complaints.call());
        } catch (Exception e) {
            LOG.debug("today's complaints are not available for the bulletin: {}", e.toString());
            today = Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone));
        Map<String, Object> bulletin = builder.build(live, today, now, settings.refresh().toSeconds());
        return BulletinSnapshot.of(Json.mapper().writeValueAsBytes(bulletin), clock.instant());
    }

    /** The latest snapshot; empty until the first one is built. */
    public Optional<BulletinSnapshot> current() {
        return Optional.ofNullable(snapshot);
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
