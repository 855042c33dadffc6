package org.warroom.contracts.social;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostLengthTest {

    @Test
    @DisplayName("X weighs Latin and Devanagari 1, CJK 2, an emoji with its modifier 2, a URL 23")
    void shouldWeighAsX() {
        assertThat(PostLength.x("Hello")).isEqualTo(5);
        assertThat(PostLength.x("नमस्ते")).isEqualTo(6); // न म स ् त े: six code points of weight 1
        assertThat(PostLength.x("日本")).isEqualTo(4);
        assertThat(PostLength.x("👍🏽")).isEqualTo(2);
        assertThat(PostLength.x("see https://warroom.example.gov.in/public/a/very/long/path/indeed")).isEqualTo(4 + 23);
        assertThat(PostLength.x("“quoted” – x")).isEqualTo(12);
    }

    @Test
    @DisplayName("X normalises to NFC before counting: a decomposed é counts 1")
    void shouldNormaliseForX() {
        assertThat(PostLength.x("e\u0301")).isEqualTo(1);
    }

    @Test
    @DisplayName("Mastodon counts what a reader sees as one letter: नमस्ते is 4, 日本 2, 👍🏽 1, a URL 23")
    void shouldCountGraphemesAsMastodon() {
        assertThat(PostLength.mastodon("Hello")).isEqualTo(5);
        assertThat(PostLength.mastodon("नमस्ते")).isEqualTo(4); // न | म | स् | ते
        assertThat(PostLength.mastodon("किसान")).isEqualTo(3); // कि | सा | न
        assertThat(PostLength.mastodon("日本")).isEqualTo(2);
        assertThat(PostLength.mastodon("👍🏽")).isEqualTo(1);
        assertThat(PostLength.mastodon("https://warroom.example.gov.in/public/a/very/long/path x")).isEqualTo(23 + 2);
    }

    @Test
    @DisplayName("the limits: 280 on X whatever the script (Devanagari weighs 1), 140 CJK; Mastodon 500 or as configured")
    void shouldApplyLimits() {
        PostLimits limits = PostLimits.defaults();
        assertThat(limits.fits(Network.X, "a".repeat(280))).isTrue();
        assertThat(limits.fits(Network.X, "a".repeat(281))).isFalse();
        assertThat(limits.fits(Network.X, "क".repeat(280))).isTrue();
        assertThat(limits.fits(Network.X, "日".repeat(140))).isTrue();
        assertThat(limits.fits(Network.X, "日".repeat(141))).isFalse();
        assertThat(limits.fits(Network.MASTODON, "कि".repeat(500))).isTrue(); // 1000 code points, 500 letters
        assertThat(limits.fits(Network.MASTODON, "a".repeat(501))).isFalse();
        assertThat(new PostLimits(1000).fits(Network.MASTODON, "a".repeat(501))).isTrue();
    }
}
