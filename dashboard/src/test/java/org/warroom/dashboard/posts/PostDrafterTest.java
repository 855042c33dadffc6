package org.warroom.dashboard.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.social.Network;
import org.warroom.contracts.social.PostLength;
import org.warroom.contracts.social.PostLimits;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

class PostDrafterTest {
    private static final String LINK = "https://warroom.mp.gov.in/public";

    private static JsonObject district(String code, String name, String nameHi, String status) {
        return new JsonObject().put("code", code).put("name", name).put("nameHi", nameHi).put("status", status)
                .put("complaints", new JsonObject().put("open", "< 5")).put("workers", 12);
    }

    private static String bulletin(int criticalDistricts) {
        JsonArray districts = new JsonArray();
        for (int i = 0; i < criticalDistricts; i++) {
            districts.add(district("9" + i, "Districtname" + i, "ज़िला" + i, "critical"));
        }
        districts.add(district("412", "Jhabua", "झाबुआ", "low"));
        districts.add(district("413", "Seoni", "सिवनी", "ok"));
        return new JsonObject().put("updatedAt", "2026-12-07T20:15:00+05:30").put("refreshSeconds", 30)
                .put("floor", 5)
                .put("complaints", new JsonObject().put("registeredToday", 37).put("resolvedToday", "< 5")
                        .put("open", 120))
                .put("registry", new JsonObject().put("workers", 16_02_345).put("verifiedPercent", 81))
                .put("states", new JsonArray().add(new JsonObject().put("code", "23").put("name", "Madhya Pradesh")
                        .put("districts", districts)))
                .encode();
    }

    @Test
    @DisplayName("four drafts (Mastodon and X, Hindi and English) carrying the bulletin's figures as published, small counts as \"< 5\"")
    void shouldDraftBothLanguagesForBothNetworks() {
        List<PostDrafter.Draft> drafts = new PostDrafter(Words.bundled(), PostLimits.defaults(), LINK).draft(bulletin(2));
        assertThat(drafts).extracting(d -> d.network().wire() + "-" + d.language().code())
                .containsExactlyInAnyOrder("mastodon-hi", "mastodon-en", "x-hi", "x-en");
        PostDrafter.Draft en = find(drafts, Network.MASTODON, Language.EN);
        assertThat(en.text()).isEqualTo("War room bulletin, 2026-12-07 20:15 IST: 2 districts report a critical "
                + "shortage, 1 a low one. Complaints today: 37 registered, < 5 resolved; 120 open. Workers registered: "
                + "1602345. Critical: Districtname0, Districtname1. Details: " + LINK);
        PostDrafter.Draft hi = find(drafts, Network.X, Language.HI);
        assertThat(hi.text()).startsWith("वॉर रूम बुलेटिन, 2026-12-07 20:15 IST: 2 ज़िलों में गंभीर कमी")
                .contains("< 5 हल").contains("गंभीर: ज़िला0, ज़िला1।").endsWith("विवरण: " + LINK);
    }

    @Test
    @DisplayName("every draft fits its network as the network counts; on X, critical district names are added only while they fit")
    void shouldFitEachNetwork() {
        List<PostDrafter.Draft> drafts = new PostDrafter(Words.bundled(), PostLimits.defaults(), LINK).draft(bulletin(40));
        for (PostDrafter.Draft d : drafts) {
            assertThat(PostLength.count(d.network(), d.text())).as(d.toString())
                    .isLessThanOrEqualTo(PostLimits.defaults().of(d.network()));
            assertThat(d.text()).contains("40").endsWith(LINK);
        }
        String x = find(drafts, Network.X, Language.EN).text();
        assertThat(x).contains("Critical: Districtname0").doesNotContain("Districtname39");
        List<String> none = new ArrayList<>();
        for (PostDrafter.Draft d : new PostDrafter(Words.bundled(), PostLimits.defaults(), LINK).draft(bulletin(0))) {
            none.add(d.text());
        }
        assertThat(none).noneMatch(t -> t.contains("Critical:") || t.contains("गंभीर:"));
    }

    @Test
    @DisplayName("today's complaints not known (Elasticsearch down) read \"not available\" / \"उपलब्ध नहीं\"")
    void shouldSayWhenNotAvailable() {
        JsonObject b = new JsonObject(bulletin(0));
        b.getJsonObject("complaints").putNull("registeredToday").putNull("resolvedToday");
        List<PostDrafter.Draft> drafts = new PostDrafter(Words.bundled(), PostLimits.defaults(), LINK).draft(b.encode());
        assertThat(find(drafts, Network.MASTODON, Language.EN).text()).contains("not available registered");
        assertThat(find(drafts, Network.MASTODON, Language.HI).text()).contains("उपलब्ध नहीं दर्ज");
    }

    private static PostDrafter.Draft find(List<PostDrafter.Draft> drafts, Network network, Language language) {
        return drafts.stream().filter(d -> d.network() == network && d.language() == language).findFirst().orElseThrow();
    }
}
