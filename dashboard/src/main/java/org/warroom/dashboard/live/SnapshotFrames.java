package org.warroom.dashboard.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;

/**
 * Snapshot messages shared by every client that sees all districts (operators, admins): per channel, the whole
 * channel, or one state's districts plus the state-wide values. Each is encoded once per change of its channel
 * ({@link LiveState#version}) and then sent as the same bytes to every client asking for it, however many connect.
 * Only known states are cached (a fixed, small set); narrower or scoped snapshots are built per client from
 * {@link LiveState#valuesIn}, reading only the districts they cover.
 */
final class SnapshotFrames {
    private record Slice(LiveChannel channel, String state) {
    }

    private record Cached(long version, SnapshotFrame frame) {
    }

    private final LiveState live;
    private final DistrictDirectory districts;
    private final Map<Slice, Cached> cache = new ConcurrentHashMap<>();

    SnapshotFrames(LiveState live, DistrictDirectory districts) {
        this.live = live;
        this.districts = districts;
    }

    /** The state's code as the district directory spells it ("023" → "23"), null when it has no such state. */
    String canonicalState(String state) {
        List<District> in = districts.inState(state);
        return in.isEmpty() ? null : in.get(0).stateCode();
    }

    /** The state a district belongs to, null when unknown. */
    String stateOf(String district) {
        return districts.byCode(district).map(District::stateCode).orElse(null);
    }

    /** The whole channel (state null) or one known state's values plus the state-wide ones, as everyone sees it. */
    SnapshotFrame shared(LiveChannel channel, String state) {
        Slice slice = new Slice(channel, state);
        long version = live.version(channel); // before reading the values: a change after it makes this entry stale
        Cached cached = cache.get(slice);
        if (cached != null && cached.version() == version) {
            return cached.frame();
        }
        SnapshotFrame frame = SnapshotFrame.of(channel, state == null ? live.values(channel) : inState(channel, state));
        cache.merge(slice, new Cached(version, frame), (old, now) -> old.version() >= now.version() ? old : now);
        return frame;
    }

    private List<LiveValue> inState(LiveChannel channel, String state) {
        List<LiveValue> values = new ArrayList<>(live.valuesIn(channel, null));
        for (District d : districts.inState(state)) {
            values.addAll(live.valuesIn(channel, d.code()));
        }
        return values;
    }

    /** How many shared snapshots are cached (tests). */
    int cached() {
        return cache.size();
    }
}
