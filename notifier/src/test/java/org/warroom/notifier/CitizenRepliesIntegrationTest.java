package org.warroom.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.complaint.CitizenReply;
import org.warroom.contracts.complaint.CitizenReplyOutcome;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.config.Settings;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The grievance desk's replies to citizens through the notifier on a real broker and a local receiver speaking
 * Twilio's Messages API: sent on the configured channel (Hindi intact), not-sent where no provider is configured,
 * failed when Twilio refuses; never sent twice — not for a request repeated by the desk, not after a restart of the
 * notifier, and not when a restart finds a reply that was being sent (unknown).
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenRepliesIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final TestClock clock = new TestClock();
    private Vertx vertx;
    private Receivers twilio;
    private TopicWriter writer;
    private NotifyConfig config;
    private NotifierVerticle notifier;
    private String deployment;

    @BeforeAll
    void start(LocalKafka kafka) throws Exception {
        kafka.ensure(List.of(ComplaintTopics.CITIZEN_REPLY_REQUESTS, ComplaintTopics.CITIZEN_REPLIES));
        vertx = Vertx.vertx();
        twilio = new Receivers();
        Map<String, String> keys = new HashMap<>();
        keys.put("kafka.bootstrap", kafka.bootstrap());
        keys.put("data.dir", Files.createTempDirectory("citizen-replies-test").toString());
        keys.put("public.url", "http://dashboard.example.test:8080");
        keys.put("notify.ack.secret", "test-ack-secret-0123456789abcdef");
        keys.put("notify.webhook.secret", "test-webhook-secret-0123456789ab");
        keys.put("notify.group", "citizen-replies-test-" + UUID.randomUUID());
        keys.put("notify.tick.interval", "0s");
        keys.put("notify.retry.backoff", "20ms");
        keys.put("sms.api.base", twilio.base());
        keys.put("sms.account.sid", "ACtest");
        keys.put("sms.auth.token", "twilio-token");
        keys.put("sms.from", "+15550000001");
        config = NotifyConfig.from(Settings.ofKeys(keys)); // no whatsapp.from: WhatsApp replies are not sent
        writer = new TopicWriter(vertx, kafka.kafkaSettings(), Duration.ofSeconds(15));
        deploy();
    }

    private void deploy() {
        notifier = new NotifierVerticle(config, clock);
        deployment = await(vertx.deployVerticle(notifier));
    }

    @AfterAll
    void stop() {
        if (writer != null) {
            writer.close();
        }
        if (vertx != null) {
            await(vertx.close());
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    private static CitizenReply reply(String id, String channel, String to, String text) {
        return new CitizenReply(id, "MP-396-000123", channel, to, "hi", "reply.registered", text,
                OffsetDateTime.parse("2026-04-01T18:00:00+05:30"));
    }

    private void ask(CitizenReply r) {
        await(writer.write(ComplaintTopics.CITIZEN_REPLY_REQUESTS, r.id(), r));
    }

    private CitizenReplyOutcome outcomeOf(String id) {
        return notifier.citizenReplies().outcome(id).orElse(null);
    }

    @Test
    @DisplayName("SMS sent once through Twilio (Hindi intact), WhatsApp without provider not-sent, refused number failed; a repeat and a restart send nothing again")
    void shouldSendEachReplyOnceAndRecordTheOutcome() {
        String to = "+9198" + (10_000_000 + (int) (Math.random() * 80_000_000));
        String hindi = "आपकी शिकायत दर्ज हो गई है: नंबर MP-396-000123।";
        ask(reply("MP-396-000123/v1", "sms", to, hindi));
        ask(reply("MP-396-000123/v2", "whatsapp", to, "resolved"));
        twilio.refusedNumbers.add("+911111111111");
        ask(reply("MP-396-000124/v1", "sms", "+911111111111", "refused"));
        eventually(WAIT, () -> {
            assertThat(outcomeOf("MP-396-000123/v1")).extracting(CitizenReplyOutcome::state).isEqualTo("sent");
            assertThat(outcomeOf("MP-396-000123/v2")).extracting(CitizenReplyOutcome::state).isEqualTo("not-sent");
            assertThat(outcomeOf("MP-396-000124/v1")).satisfies(o -> {
                assertThat(o.state()).isEqualTo("failed");
                assertThat(o.detail()).contains("HTTP 400");
            });
        });
        assertThat(twilio.smsTo(to)).singleElement().satisfies(s -> {
            assertThat(s.form().get("Body")).isEqualTo(hindi);
            assertThat(s.form().get("From")).isEqualTo("+15550000001");
            assertThat(s.account()).isEqualTo("ACtest");
        });

        ask(reply("MP-396-000123/v1", "sms", to, hindi)); // the desk repeats a request after a failed answer
        await(vertx.undeploy(deployment));
        // the notifier stopped after recording "sending" and before the final outcome of this one:
        await(writer.write(ComplaintTopics.CITIZEN_REPLIES, "MP-396-000125/v1", new CitizenReplyOutcome(
                "MP-396-000125/v1", "MP-396-000125", CitizenReplyOutcome.SENDING, null, OffsetDateTime.now())));
        ask(reply("MP-396-000125/v1", "sms", to, "interrupted"));
        deploy();
        ask(reply("MP-396-000126/v1", "sms", to, "after the restart"));
        eventually(WAIT, () -> {
            assertThat(outcomeOf("MP-396-000126/v1")).extracting(CitizenReplyOutcome::state).isEqualTo("sent");
            assertThat(outcomeOf("MP-396-000125/v1")).extracting(CitizenReplyOutcome::state).isEqualTo("unknown");
        });
        assertThat(twilio.smsTo(to)).extracting(s -> s.form().get("Body")).containsExactly(hindi, "after the restart");
        assertThat(outcomeOf("MP-396-000123/v1").state()).isEqualTo("sent");
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
