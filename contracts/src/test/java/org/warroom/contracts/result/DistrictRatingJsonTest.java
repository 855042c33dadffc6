package org.warroom.contracts.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.json.Json;

class DistrictRatingJsonTest {
    private final ObjectMapper mapper = Json.mapper();

    @Test
    void shouldReadARatingWrittenBeforeTheCapExisted() throws Exception {
        String old = "{\"district\":\"405\",\"stars\":5,\"score\":1.0,\"slaCompliance\":1.0,\"reportTimeliness\":1.0,"
                + "\"shortageResolution\":1.0,\"meanResolutionHours\":null,\"openTickets\":0,\"slaBreaches\":0,"
                + "\"commoditiesReported\":2,\"commoditiesStale\":0,\"shortageEpisodes\":0}";
        DistrictRating r = mapper.readValue(old, DistrictRating.class);
        assertThat(r.stars()).isEqualTo(5);
        assertThat(r.maxStars()).isZero();
        assertThat(r.limitedBy()).isNull();
        assertThat(r.needsAttention()).isFalse();
    }

    @Test
    void shouldWriteAndReadTheStateNow() throws Exception {
        DistrictRating r = new DistrictRating("405", 2, 1.0, 1.0, 1.0, 1.0, 0.2, 0, 0, 2, 0, 1, 1, 0, 2,
                DistrictRating.LIMITED_BY_CRITICAL, true);
        String json = mapper.writeValueAsString(r);
        assertThat(json).contains("\"limitedBy\":\"critical-shortage\"", "\"needsAttention\":true", "\"maxStars\":2")
                .doesNotContain("WORST_FIRST");
        assertThat(mapper.readValue(json, DistrictRating.class)).isEqualTo(r);
    }

    @Test
    void shouldTellAStaleReportFromNoReport() throws Exception {
        ShortageStatus signalsOnly = new ShortageStatus("405", org.warroom.contracts.event.Commodity.LPG, null, null,
                null, ShortageLevel.STALE, 3, null, null, null, null, null, null);
        ShortageStatus old = new ShortageStatus("405", org.warroom.contracts.event.Commodity.LPG, 10.0, 1.0, 10.0,
                ShortageLevel.STALE, 0, java.time.OffsetDateTime.parse("2026-04-01T10:00:00+05:30"), null, null, null,
                null, "r");
        assertThat(signalsOnly.staleReport()).isFalse();
        assertThat(old.staleReport()).isTrue();
        assertThat(mapper.writeValueAsString(old)).doesNotContain("staleReport").doesNotContain("\"reported\"");
    }
}
