package org.warroom.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.Results;

/**
 * Shared snapshot messages over a synthetic all-India state (every district × every commodity, ~7,000 shortage keys
 * as in the benchmark): encoded once per change and the same bytes for every client; a state's slice only has that
 * state's districts plus the state-wide values. Prints what a subscribe costs with and without the cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotFramesTest {
    private final DistrictDirectory districts = DistrictDirectory.load();
    private final LiveState live = new LiveState();
    private Vertx vertx;

    @BeforeAll
    void fill() {
        vertx = Vertx.vertx();
        for (District d : districts.all()) {
            for (Commodity c : Commodity.values()) {
                put(LiveChannel.SHORTAGES, d.code() + "|" + c.wire(), Results.shortage(d.code(), c, 40, ShortageLevel.LOW));
            }
        }
        put(LiveChannel.CALL_LOAD, "104", Results.line("104", 3, 10));
    }

    @AfterAll
    void stop() {
        vertx.close().await();
    }

    @SuppressWarnings("unchecked")
    private void put(LiveChannel channel, String key, Object value) {
        var serializer = (org.apache.kafka.common.serialization.Serializer<Object>) channel.topic().valueSerde().serializer();
        live.apply(vertx, channel, key, serializer.serialize(channel.topic().name(), value));
    }

    @Test
    @DisplayName("two clients get the very same encoded snapshot; a change makes a new one with the new value")
    void shouldShareOneEncodingUntilAChange() {
        SnapshotFrames frames = new SnapshotFrames(live, districts);
        SnapshotFrame first = frames.shared(LiveChannel.SHORTAGES, null);
        SnapshotFrame second = frames.shared(LiveChannel.SHORTAGES, null);
        assertThat(second).isSameAs(first);
        assertThat(second.fragments()).allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(SnapshotFrame.FRAGMENT));
        JsonObject message = new JsonObject(first.text());
        assertThat(message.getString("type")).isEqualTo("snapshot");
        assertThat(message.getJsonArray("items")).hasSize(live.values(LiveChannel.SHORTAGES).size());

        put(LiveChannel.SHORTAGES, "396|water", Results.shortage("396", Commodity.WATER, 1, ShortageLevel.CRITICAL));
        SnapshotFrame after = frames.shared(LiveChannel.SHORTAGES, null);
        assertThat(after).isNotSameAs(first);
        assertThat(new JsonObject(after.text()).getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(o -> "396".equals(o.getString("district")) && "water".equals(o.getString("commodity"))))
                .singleElement().satisfies(o -> assertThat(o.getString("status")).isEqualTo("CRITICAL"));
        assertThat(frames.shared(LiveChannel.SHORTAGES, null)).isSameAs(after);
        put(LiveChannel.SHORTAGES, "396|water", Results.shortage("396", Commodity.WATER, 40, ShortageLevel.LOW));
    }

    @Test
    @DisplayName("a state's snapshot has only that state's districts and the state-wide values; unknown states are refused")
    void shouldScopeToAState() {
        SnapshotFrames frames = new SnapshotFrames(live, districts);
        JsonArray mp = new JsonObject(frames.shared(LiveChannel.SHORTAGES, "23").text()).getJsonArray("items");
        assertThat(mp).hasSize(districts.inState("23").size() * Commodity.values().length);
        assertThat(mp.stream().map(JsonObject.class::cast).map(o -> districts.byCode(o.getString("district")).orElseThrow().stateCode()))
                .containsOnly("23");
        assertThat(new JsonObject(frames.shared(LiveChannel.CALL_LOAD, "23").text()).getJsonArray("items")).hasSize(1);
        assertThat(frames.canonicalState("023")).isEqualTo("23");
        assertThat(frames.canonicalState("99")).isNull();
        assertThat(frames.cached()).isLessThanOrEqualTo(LiveChannel.values().length * 40);
    }

    @Test
    @DisplayName("measure: 1,000 subscribes to all-India shortages, encoded per client (before) and shared (after)")
    void shouldMakeASubscribeCheap() {
        int clients = 1000;
        SnapshotFrames frames = new SnapshotFrames(live, districts);
        int keys = live.values(LiveChannel.SHORTAGES).size();
        // before: every subscribe built the message from the values and the socket encoded it to UTF-8
        long before = System.nanoTime();
        long bytesBefore = 0;
        for (int i = 0; i < clients / 10; i++) {
            StringBuilder frame = new StringBuilder(4096).append("{\"type\":\"snapshot\",\"channel\":\"shortages\",\"items\":[");
            boolean first = true;
            for (LiveValue v : live.values(LiveChannel.SHORTAGES)) {
                if (!first) {
                    frame.append(',');
                }
                frame.append(v.json());
                first = false;
            }
            bytesBefore = frame.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        double perClientBefore = (System.nanoTime() - before) / 1e6 / (clients / 10);
        long after = System.nanoTime();
        List<SnapshotFrame> sent = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sent.add(frames.shared(LiveChannel.SHORTAGES, null));
        }
        double perClientAfter = (System.nanoTime() - after) / 1e6 / clients;
        int state = frames.shared(LiveChannel.SHORTAGES, "10").bytes();
        System.out.printf("snapshot cost: %,d shortage keys, %,d bytes; per subscribe before %.3f ms (encode per client),"
                        + " after %.4f ms (shared); Bihar's wall screen gets %,d bytes (%.0f%%)%n", keys, bytesBefore,
                perClientBefore, perClientAfter, state, 100.0 * state / bytesBefore);
        assertThat(sent).allSatisfy(f -> assertThat(f).isSameAs(sent.get(0)));
        assertThat(state).isLessThan((int) bytesBefore / 5);
    }

    @Test
    @DisplayName("a snapshot's fragments never cut a Devanagari character")
    void shouldCutOnCharacterBoundaries() {
        LiveState hindi = new LiveState();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            text.append('भ');
        }
        ShortageStatus s = new ShortageStatus("396", Commodity.RATION, 1d, 100d, 0.01, ShortageLevel.CRITICAL, 2,
                Results.shortage("396", Commodity.RATION, 1, ShortageLevel.CRITICAL).asOf(), 0d, text.toString(), null, null, "r");
        hindi.apply(vertx, LiveChannel.SHORTAGES, "396|ration",
                ResultTopics.SHORTAGES.valueSerde().serializer().serialize(ResultTopics.SHORTAGES.name(), s));
        SnapshotFrame frame = new SnapshotFrames(hindi, districts).shared(LiveChannel.SHORTAGES, null);
        assertThat(frame.fragments()).hasSizeGreaterThan(1);
        for (var b : frame.fragments()) {
            byte firstByte = b.getByte(0);
            assertThat(firstByte & 0xC0).as("a fragment starting inside a character").isNotEqualTo(0x80);
        }
        assertThat(new JsonObject(frame.text()).getJsonArray("items").getJsonObject(0).getString("unit")).isEqualTo(text.toString());
    }
}
