package org.warroom.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.dashboard.api.Results;

/** How values are placed for scoping and how update frames look. */
class LiveSocketFramesTest {
    @Test
    @DisplayName("an update frame carries channel, key and the value's JSON; a deletion carries value null")
    void shouldBuildUpdateFrames() {
        LiveValue v = LiveState.place(LiveChannel.SHORTAGES, "396|medicine", Results.shortage("396", Commodity.MEDICINE, 5, 
                org.warroom.contracts.result.ShortageLevel.CRITICAL));
        JsonObject frame = new JsonObject(LiveSocket.updateFrame(new LiveChange(LiveChannel.SHORTAGES, "396|medicine", v, null)));
        assertThat(frame.getString("type")).isEqualTo("update");
        assertThat(frame.getString("channel")).isEqualTo("shortages");
        assertThat(frame.getString("key")).isEqualTo("396|medicine");
        assertThat(frame.getJsonObject("value").getString("asOf")).isEqualTo("2026-04-01T18:13:00+05:30");
        JsonObject deleted = new JsonObject(LiveSocket.updateFrame(new LiveChange(LiveChannel.SHORTAGES, "396|medicine", null, v)));
        assertThat(deleted.containsKey("value")).isTrue();
        assertThat(deleted.getValue("value")).isNull();
    }

    @Test
    @DisplayName("district-scoped values are placed in their district, state-wide ones nowhere, alerts by category")
    void shouldPlaceValues() {
        assertThat(LiveState.place(LiveChannel.BACKLOGS, "396|food", Results.backlog("396", "food", 1, 0)).district()).isEqualTo("396");
        assertThat(LiveState.place(LiveChannel.CALL_LOAD, "181", Results.line("181", 1, 2)).stateWide()).isTrue();
        assertThat(LiveState.place(LiveChannel.WORKER_DISTRIBUTION, "homeDistrict|396",
                Results.bucket(DistributionBucket.BY_HOME_DISTRICT, "396", 3)).district()).isEqualTo("396");
        assertThat(LiveState.place(LiveChannel.WORKER_DISTRIBUTION, "skill|mason",
                Results.bucket(DistributionBucket.BY_SKILL, "mason", 3)).stateWide()).isTrue();
        assertThat(LiveState.place(LiveChannel.WORKER_DISTRIBUTION, "currentDistrict|unknown",
                Results.bucket(DistributionBucket.BY_CURRENT_DISTRICT, "unknown", 3)).stateWide()).isTrue();
        var alert = Results.alert("396", Commodity.WATER, AlertState.ACTIVE);
        assertThat(LiveState.place(LiveChannel.ALERTS, alert.id(), alert).categories()).containsExactly("water");
    }
}
