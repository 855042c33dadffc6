package org.warroom.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void generatedKeysFollowTheFormatAndAreUnique() {
        String a = ApiKeys.generate();
        assertThat(a).matches("wr_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(ApiKeys.generate()).isNotEqualTo(a);
        assertThat(ApiKeys.keyId(a)).isEqualTo(a.substring(3, 15));
    }

    @Test
    void onlyTheExactKeyMatchesItsHash() {
        String key = ApiKeys.generate();
        String hash = ApiKeys.sha256(key);
        assertThat(hash).hasSize(64);
        assertThat(ApiKeys.matches(key, hash)).isTrue();
        assertThat(ApiKeys.matches(key + "x", hash)).isFalse();
        assertThat(ApiKeys.matches(key, null)).isFalse();
    }

    @Test
    void aKeyOutsideTheFormatGetsAStableIdFromItsHash() {
        assertThat(ApiKeys.keyId("my-own-long-secret-key")).isEqualTo(ApiKeys.keyId("my-own-long-secret-key")).startsWith("x");
    }

    @Test
    void theFirstKeyIsGeneratedOnceAndKeptForTheNextStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var file = dir.resolve("secrets/ingest-key");
        FirstKey first = FirstKey.resolve(java.util.Optional.empty(), file);
        FirstKey again = FirstKey.resolve(java.util.Optional.empty(), file);
        assertThat(first.generated()).isTrue();
        assertThat(again.generated()).isFalse();
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(first.banner()).startsWith("Ingest API key (all feeds, all districts): wr_");
        assertThat(first.toString()).doesNotContain(first.key());
        assertThat(FirstKey.resolve(java.util.Optional.of("configured-key-0123456789"), file).key())
                .isEqualTo("configured-key-0123456789");
    }

    @Test
    void rateLimiterRefusesBeyondTheBurstAndSaysWhenToRetry() {
        org.warroom.ingest.HandClock clock = new org.warroom.ingest.HandClock();
        RateLimiter limiter = new RateLimiter(1, 10, clock);
        assertThat(limiter.take("k", 10).allowed()).isTrue();
        RateLimiter.Verdict refused = limiter.take("k", 5);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(5);
        assertThat(limiter.take("other", 1).allowed()).isTrue();
        clock.advance(java.time.Duration.ofSeconds(4));
        assertThat(limiter.take("k", 5).retryAfterSeconds()).isEqualTo(1);
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(limiter.take("k", 5).allowed()).isTrue();
        assertThat(limiter.take("k", 1).allowed()).isFalse();
    }
}
