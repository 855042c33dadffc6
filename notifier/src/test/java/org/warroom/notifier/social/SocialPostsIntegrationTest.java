package org.warroom.notifier.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.social.Network;
import org.warroom.contracts.social.PostOutcome;
import org.warroom.contracts.social.PostResult;
import org.warroom.contracts.social.PostState;
import org.warroom.contracts.social.ProviderStatus;
import org.warroom.contracts.social.SocialPost;
import org.warroom.contracts.social.SocialTopics;
import org.warroom.notifier.NotifierVerticle;
import org.warroom.notifier.NotifyConfig;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.vertxkafka.TopicWriter;

/**
 * Approved posts reach Mastodon and X — local receivers speaking their real APIs (method, path, bearer token,
 * JSON body checked) — through a real notifier on a real broker: each posted once even when retried or read again,
 * a refusal recorded with the provider's status and answer, an interrupted X publication never sent twice, drafts
 * never published, every result audited; and a notifier without providers says so.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialPostsIntegrationTest {
    private Vertx vertx;
    private SocialReceivers receivers;
    private TopicWriter writer;
    private NotifierVerticle notifier;
    private LocalKafka kafka;

    @BeforeAll
    void start(LocalKafka kafka) throws Exception {
        this.kafka = kafka;
        vertx = Vertx.vertx();
        receivers = new SocialReceivers();
        writer = new TopicWriter(vertx, kafka.kafkaSettings(), Duration.ofSeconds(15));
        Map<String, String> keys = new HashMap<>();
        keys.put("kafka.bootstrap", kafka.bootstrap());
        keys.put("data.dir", Files.createTempDirectory("social-test").toString());
        keys.put("notify.group", "social-test-" + UUID.randomUUID());
        keys.put("notify.tick.interval", "0s");
        keys.put("notify.retry.backoff", "50ms");
        keys.put("social.mastodon.url", receivers.base());
        keys.put("social.mastodon.token", SocialReceivers.MASTODON_TOKEN);
        keys.put("social.x.url", receivers.base());
        keys.put("social.x.token", SocialReceivers.X_TOKEN);
        NotifyConfig config = NotifyConfig.from(Settings.ofKeys(keys));
        assertThat(config.toString()).doesNotContain(SocialReceivers.MASTODON_TOKEN)
                .doesNotContain(SocialReceivers.X_TOKEN);
        notifier = new NotifierVerticle(config, Clock.systemUTC());
        vertx.deployVerticle(notifier).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (receivers != null) {
            receivers.close();
        }
    }

    private static SocialPost approved(Network network, String language, String text) {
        Instant now = Instant.now();
        return new SocialPost("P-" + UUID.randomUUID().toString().substring(0, 8), 3, network, language, text,
                PostState.APPROVED, now, "op1", now, "op1", now, "op2", now);
    }

    private void put(SocialPost post) throws Exception {
        writer.write(SocialTopics.POSTS, post.id(), post).toCompletionStage().toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
    }

    private PostResult finalResult(SocialPost post) {
        PostResult[] out = new PostResult[1];
        eventually(Duration.ofSeconds(30), () -> {
            PostResult r = notifier.posts().result(post.id()).orElse(null);
            assertThat(r).isNotNull();
            assertThat(r.outcome().isFinal()).isTrue();
            out[0] = r;
        });
        return out[0];
    }

    @Test
    @DisplayName("Mastodon: an approved Hindi post is published once although the first two answers are 503 and the post is read twice")
    void shouldPostToMastodonOnce() throws Exception {
        receivers.failMastodonFirst(2);
        SocialPost post = approved(Network.MASTODON, "hi", "वॉर रूम बुलेटिन: आज 12 शिकायतें दर्ज, 9 हल। https://warroom.example/public");
        put(post);
        PostResult result = finalResult(post);

        assertThat(result.outcome()).isEqualTo(PostOutcome.POSTED);
        assertThat(result.postVersion()).isEqualTo(3);
        assertThat(result.status()).isEqualTo(200);
        JsonObject made = receivers.statuses.get(post.idempotencyKey());
        assertThat(result.providerId()).isEqualTo(made.getString("id"));
        assertThat(result.url()).isEqualTo(receivers.base() + "/@warroom/" + made.getString("id"));
        List<SocialReceivers.Request> sent = receivers.mastodon.stream()
                .filter(r -> post.idempotencyKey().equals(r.headers().get("idempotency-key"))).toList();
        assertThat(sent).extracting(SocialReceivers.Request::status).containsExactly(503, 503, 200);
        for (SocialReceivers.Request r : sent) {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/statuses");
            assertThat(r.headers().get("authorization")).isEqualTo("Bearer " + SocialReceivers.MASTODON_TOKEN);
            JsonObject body = new JsonObject(r.body());
            assertThat(body.getString("status")).isEqualTo(post.text());
            assertThat(body.getString("language")).isEqualTo("hi");
            assertThat(body.getString("visibility")).isEqualTo("public");
        }

        put(post); // the same approved version again (a restart re-reading it): nothing more is sent
        SocialPost marker = approved(Network.MASTODON, "en", "marker " + UUID.randomUUID());
        put(marker);
        finalResult(marker);
        assertThat(receivers.mastodon.stream().filter(r -> post.idempotencyKey()
                .equals(r.headers().get("idempotency-key")))).hasSize(3);
        assertThat(audit(post.id())).extracting(a -> a.getString("outcome")).containsExactly("posted");
    }

    @Test
    @DisplayName("Mastodon after an interrupted publication: asked again with the same Idempotency-Key, no second status")
    void shouldResumeMastodonWithTheSameKey() throws Exception {
        SocialPost post = approved(Network.MASTODON, "en", "Resumed " + UUID.randomUUID());
        // the notifier had asked Mastodon (which made the status) and stopped before recording the answer
        receivers.statuses.put(post.idempotencyKey(), new JsonObject().put("id", "4242").put("url",
                receivers.base() + "/@warroom/4242"));
        writer.write(SocialTopics.RESULTS, post.id(), new PostResult(post.id(), post.version(), post.network(),
                PostOutcome.PUBLISHING, null, null, null, null, Instant.now())).toCompletionStage()
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        eventually(Duration.ofSeconds(20), () -> assertThat(notifier.posts().result(post.id())).isPresent());
        put(post);
        PostResult result = finalResult(post);
        assertThat(result.outcome()).isEqualTo(PostOutcome.POSTED);
        assertThat(result.providerId()).isEqualTo("4242");
        assertThat(receivers.statuses.values().stream().filter(s -> "4242".equals(s.getString("id")))).hasSize(1);
    }

    @Test
    @DisplayName("X: posted with the user token and {\"text\"}; the same text again refused 403 with X's answer kept and audited")
    void shouldPostToXAndRecordARefusal() throws Exception {
        String text = "War room bulletin " + UUID.randomUUID() + ": 3 districts critical.";
        SocialPost first = approved(Network.X, "en", text);
        put(first);
        PostResult posted = finalResult(first);
        assertThat(posted.outcome()).isEqualTo(PostOutcome.POSTED);
        assertThat(posted.status()).isEqualTo(201);
        assertThat(receivers.tweets.get(posted.providerId())).isEqualTo(text);
        assertThat(posted.url()).isEqualTo("https://x.com/i/web/status/" + posted.providerId());
        SocialReceivers.Request request = receivers.x.stream().filter(r -> r.body().contains(text)).findFirst()
                .orElseThrow();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2/tweets");
        assertThat(request.headers().get("authorization")).isEqualTo("Bearer " + SocialReceivers.X_TOKEN);
        assertThat(request.headers().get("content-type")).startsWith("application/json");
        assertThat(new JsonObject(request.body()).fieldNames()).containsExactly("text");

        SocialPost again = approved(Network.X, "en", text);
        put(again);
        PostResult refused = finalResult(again);
        assertThat(refused.outcome()).isEqualTo(PostOutcome.REFUSED);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.answer()).contains("You are not allowed to create a Tweet with duplicate content.");
        assertThat(receivers.x.stream().filter(r -> r.body().contains(text))).hasSize(2);
        List<JsonObject> audited = audit(again.id());
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).getString("outcome")).isEqualTo("refused");
        assertThat(audited.get(0).getJsonObject("details").getString("status")).isEqualTo("403");
        assertThat(audited.get(0).encode()).doesNotContain(SocialReceivers.X_TOKEN);
    }

    @Test
    @DisplayName("X after an interrupted publication: not sent again (X has no idempotency key), recorded unknown")
    void shouldNotResendToXAfterAnInterruption() throws Exception {
        SocialPost post = approved(Network.X, "en", "Interrupted " + UUID.randomUUID());
        writer.write(SocialTopics.RESULTS, post.id(), new PostResult(post.id(), post.version(), post.network(),
                PostOutcome.PUBLISHING, null, null, null, null, Instant.now())).toCompletionStage()
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        eventually(Duration.ofSeconds(20), () -> assertThat(notifier.posts().result(post.id())).isPresent());
        put(post);
        PostResult result = finalResult(post);
        assertThat(result.outcome()).isEqualTo(PostOutcome.UNKNOWN);
        assertThat(result.answer()).contains("check the account");
        assertThat(receivers.x.stream().filter(r -> r.body().contains(post.text()))).isEmpty();
    }

    @Test
    @DisplayName("a draft is never published; the notifier says both providers are configured (without their tokens)")
    void shouldNotPublishDrafts() throws Exception {
        Instant now = Instant.now();
        SocialPost draft = new SocialPost("P-draft-" + UUID.randomUUID(), 1, Network.X, "en", "Draft " + now,
                PostState.DRAFT, now, "op1", now, null, null, null, null);
        put(draft);
        SocialPost marker = approved(Network.X, "en", "after the draft " + UUID.randomUUID());
        put(marker);
        finalResult(marker);
        assertThat(notifier.posts().result(draft.id())).isEmpty();
        assertThat(receivers.x.stream().filter(r -> r.body().contains(draft.text()))).isEmpty();
        Map<String, ProviderStatus> providers = providers();
        assertThat(providers.get("mastodon").configured()).isTrue();
        assertThat(providers.get("x").configured()).isTrue();
        assertThat(providers.get("x").base()).isEqualTo(receivers.base());
    }

    private Map<String, ProviderStatus> providers() {
        Map<String, ProviderStatus> out = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : read(SocialTopics.PROVIDERS.name())) {
            out.put(r.key(), SocialTopics.PROVIDERS.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        }
        return out;
    }

    private List<JsonObject> audit(String postId) {
        List<JsonObject> out = new ArrayList<>();
        eventually(Duration.ofSeconds(20), () -> {
            out.clear();
            for (ConsumerRecord<String, byte[]> r : read(AuditTopics.AUDIT.name())) {
                JsonObject e = new JsonObject(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8));
                if ("post.publish".equals(e.getString("action")) && postId.equals(e.getString("target"))) {
                    out.add(e);
                }
            }
            assertThat(out).isNotEmpty();
        });
        return out;
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic) {
        Properties props = new Properties();
        props.putAll(kafka.kafkaSettings().client());
        props.put("group.id", "social-test-reader-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int empty = 0;
            while (System.nanoTime() < deadline && empty < 3) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    empty++;
                }
                batch.forEach(out::add);
            }
        }
        return out;
    }
}
