package org.warroom.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.account.AccountTopics;
import org.warroom.contracts.account.Contact;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.notify.AckTokens;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.contracts.notify.Delivery;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.notify.Subscription;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertAck;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.testkit.Scrape;
import org.warroom.vertxkafka.TopicWriter;
import org.warroom.vertxkafka.UserDirectory;

/**
 * Alert delivery end to end on a real broker, a real SMTP server (GreenMail on loopback) and local HTTP receivers
 * speaking Twilio's API and signed webhooks; escalation is driven by a clock the tests move. What the dashboard does
 * for the notifier (save subscriptions, acknowledge by link) is done here as it does it, on the same topics; the
 * dashboard's own routes are tested in its DeliveryRoutesIntegrationTest.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The dashboard that serves the acknowledgement pages; only the links' text matters here. */
    private static final String PUBLIC_URL = "http://dashboard.example.test:8080";
    private static final String ACK_SECRET = "test-ack-secret-0123456789abcdef";
    private static final String WEBHOOK_SECRET = "test-webhook-secret-0123456789ab";
    private static final String STATE_DUTY = "state-duty-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String ENGLISH = "Medicine short in Bhopal: act now";
    private static final String HINDI = "भोपाल में दवाओं की भारी कमी — तुरंत कार्रवाई करें";

    private final TestClock clock = new TestClock();
    private LocalKafka kafka;
    private Vertx vertx;
    private GreenMail smtp;
    private Receivers receivers;
    private TopicWriter writer;
    private UserDirectory users;
    private NotifyConfig config;
    private NotifierVerticle notifier;
    private String deploymentId;

    @BeforeAll
    void start(LocalKafka kafka) throws Exception {
        this.kafka = kafka;
        List<Topic<?, ?>> topics = new ArrayList<>(NotifyTopics.all());
        topics.addAll(List.of(ResultTopics.ALERTS, ResultTopics.ALERT_ACKS, AccountTopics.USERS, AuditTopics.AUDIT));
        kafka.ensure(topics);
        vertx = Vertx.vertx();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receivers = new Receivers();
        Map<String, String> keys = new HashMap<>();
        keys.put("kafka.bootstrap", kafka.bootstrap());
        keys.put("data.dir", Files.createTempDirectory("notify-test").toString());
        keys.put("public.url", PUBLIC_URL);
        keys.put("notify.ack.secret", ACK_SECRET);
        keys.put("notify.webhook.secret", WEBHOOK_SECRET);
        keys.put("notify.group", "notify-test-" + UUID.randomUUID());
        keys.put("notify.tick.interval", "0s");
        keys.put("notify.batch.window", "0s");
        keys.put("notify.retry.backoff", "20ms");
        keys.put("notify.escalation.default", "0m=responder; 30m=commander; 2h=@" + STATE_DUTY);
        keys.put("smtp.url", "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
        keys.put("smtp.from", "warroom@example.test");
        keys.put("sms.api.base", receivers.base());
        keys.put("sms.account.sid", "ACtest");
        keys.put("sms.auth.token", "twilio-token");
        keys.put("sms.from", "+15550000001");
        keys.put("whatsapp.from", "+15550000002");
        config = NotifyConfig.from(Settings.ofKeys(keys));
        writer = new TopicWriter(vertx, kafka.kafkaSettings(), Duration.ofSeconds(15));
        users = new UserDirectory(writer, (a, b) -> { });
        await(users.start(vertx, kafka.kafkaSettings(), "notify-test"));
        user(STATE_DUTY, Role.OPERATOR, List.of(), List.of(), new Contact(null, "+919800000000", null));
        subscribe(STATE_DUTY, List.of(), List.of("whatsapp"));
        notifier = new NotifierVerticle(config, clock);
        deploymentId = await(vertx.deployVerticle(notifier));
    }

    @AfterAll
    void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (receivers != null) {
            receivers.close();
        }
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    @DisplayName("an alert reaches the right people on the right channels and nobody else; escalation follows the clock; the link's acknowledgement stops it")
    void shouldNotifyEscalateAndStopOnAcknowledgement() throws Exception {
        String s = suffix();
        String district = "T" + s;
        String responder = "resp-" + s;
        user(responder, Role.RESPONDER, List.of(district), List.of("medicine"),
                new Contact(responder + "@example.test", "+91980" + s.substring(0, 5).replaceAll("[^0-9]", "1"), null));
        user("other-" + s, Role.RESPONDER, List.of("T2" + s), List.of(), new Contact("other-" + s + "@example.test", null, null));
        user("water-" + s, Role.RESPONDER, List.of(district), List.of("water"), new Contact("water-" + s + "@example.test", null, null));
        user("cmd-" + s, Role.COMMANDER, List.of(district), List.of(), new Contact(null, null, receivers.base() + "/hook/cmd-" + s));
        String phone = users.find(responder).orElseThrow().contact().phone();
        subscribe(responder, List.of(), List.of("email", "sms"));
        subscribe("other-" + s, List.of(), List.of("email"));
        subscribe("water-" + s, List.of(), List.of("email"));
        subscribe("cmd-" + s, List.of(), List.of("webhook"));

        Alert alert = publish(district, Severity.HIGH);
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(mailsTo(responder + "@example.test")).hasSize(1);
            assertThat(receivers.smsTo(phone)).hasSize(1);
        });
        MimeMessage mail = mailsTo(responder + "@example.test").get(0);
        String body = mail.getContent().toString();
        assertThat(body).contains(HINDI).contains("/ack/");
        assertThat(mail.getSubject()).isEqualTo("[warroom] HIGH: " + ENGLISH);
        assertThat(body).contains(ENGLISH).contains("District / ज़िला").contains("Acknowledge / स्वीकार करें");
        Receivers.Sms sms = receivers.smsTo(phone).get(0);
        assertThat(sms.account()).isEqualTo("ACtest");
        assertThat(sms.form().get("From")).isEqualTo("+15550000001");
        assertThat(sms.form().get("Body")).contains(HINDI);
        assertThat(sms.authorization()).startsWith("Basic ");

        // nobody else: another district, another category, the commander before the escalation delay
        await(notifier.tick());
        assertThat(mailsTo("other-" + s + "@example.test")).isEmpty();
        assertThat(mailsTo("water-" + s + "@example.test")).isEmpty();
        assertThat(receivers.hooksAt("/hook/cmd-" + s)).isEmpty();
        assertThat(mailsTo(responder + "@example.test")).hasSize(1);
        assertThat(receivers.smsTo(phone)).hasSize(1);

        // 30 minutes without acknowledgement: the commander is told, once, by a signed webhook
        clock.advance(Duration.ofMinutes(31));
        await(notifier.tick());
        await(notifier.tick());
        List<Receivers.Hook> hooks = receivers.hooksAt("/hook/cmd-" + s);
        assertThat(hooks).hasSize(1);
        Receivers.Hook hook = hooks.get(0);
        String timestamp = hook.headers().get("x-warroom-timestamp");
        assertThat(hook.headers().get("x-warroom-signature"))
                .isEqualTo("sha256=" + WebhookChannel.sign(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), timestamp, hook.body()));
        assertThat(Long.parseLong(timestamp)).isEqualTo(clock.instant().getEpochSecond());
        Map<?, ?> json = Json.mapper().readValue(hook.body(), Map.class);
        assertThat(json.get("step")).isEqualTo(2);
        assertThat(new String(hook.body(), StandardCharsets.UTF_8)).contains(HINDI);
        assertThat(mailsTo(responder + "@example.test")).hasSize(1);

        // the responder acknowledges from the e-mail's link (the dashboard serves it: checks the token, writes the ack)
        String link = ackLink(body);
        assertThat(link).startsWith(PUBLIC_URL + "/ack/");
        AckTokens.Result checked = config.ack().tokens(clock).check(link.substring(link.lastIndexOf('/') + 1));
        assertThat(checked.ok()).isTrue();
        assertThat(checked.claim().orElseThrow().alertId()).isEqualTo(alert.id());
        assertThat(checked.claim().orElseThrow().user()).isEqualTo(responder);
        await(writer.write(ResultTopics.ALERT_ACKS, alert.id(), new AlertAck(alert.id(), responder,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHoursMinutes(5, 30)), "टीम भेजी गई")));
        eventually(WAIT, () -> assertThat(await(notifier.<Boolean>inspect(n -> n.isAcknowledged(alert.id()))).booleanValue()).isTrue());

        // two hours on, the state level would be next: the acknowledgement stopped it
        clock.advance(Duration.ofHours(3));
        await(notifier.tick());
        assertThat(receivers.smsTo("whatsapp:+919800000000").stream()
                .filter(m -> m.form().get("Body").contains(HINDI) && m.form().get("Body").contains(alertLinkPart(alert)))
                .toList()).isEmpty();

        // the delivery log: who was told, on which channel
        assertThat(deliveries(alert).stream().filter(d -> Delivery.SENT.equals(d.outcome()))
                .map(d -> d.user() + "/" + d.channel().wire()).toList())
                .containsExactlyInAnyOrder(responder + "/email", responder + "/sms", "cmd-" + s + "/webhook");
    }

    @Test
    @DisplayName("unacknowledged for two hours, the alert reaches the third step: the state duty officer by WhatsApp, once")
    void shouldEscalateToTheStateByWhatsAppAtTheThirdStep() throws Exception {
        String s = suffix();
        String district = "T" + s;
        String responder = "r3-" + s;
        user(responder, Role.RESPONDER, List.of(district), List.of(), new Contact(responder + "@example.test", null, null));
        subscribe(responder, List.of(), List.of("email"));
        List<Receivers.Sms> before = stateDutyWhatsApp();

        Alert alert = publish(district, Severity.CRITICAL);
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(mailsTo(responder + "@example.test")).hasSize(1);
        });
        assertThat(newSince(before, district)).as("the state is not told at the first step").isEmpty();

        // past 2 h without an acknowledgement: step 3 of "0m=responder; 30m=commander; 2h=@state-duty"
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(newSince(before, district)).hasSize(1);
        });
        Receivers.Sms whatsapp = newSince(before, district).get(0);
        assertThat(whatsapp.account()).isEqualTo("ACtest");
        assertThat(whatsapp.form().get("From")).isEqualTo("whatsapp:+15550000002");
        assertThat(whatsapp.form().get("To")).isEqualTo("whatsapp:+919800000000");
        assertThat(whatsapp.form().get("Body")).contains(HINDI).contains(ENGLISH)
                .contains("escalation step 3").contains("/ack/");
        await(notifier.tick());
        assertThat(newSince(before, district)).as("sent once, not on every tick").hasSize(1);
        assertThat(deliveries(alert).stream().filter(d -> Delivery.SENT.equals(d.outcome()))
                .map(d -> d.step() + "/" + d.user() + "/" + d.channel().wire()).toList())
                .contains("1/" + responder + "/email", "3/" + STATE_DUTY + "/whatsapp");
    }

    private List<Receivers.Sms> stateDutyWhatsApp() {
        return List.copyOf(receivers.smsTo("whatsapp:+919800000000"));
    }

    /** The state duty's WhatsApp messages about {@code district} that were not there {@code before}. */
    private List<Receivers.Sms> newSince(List<Receivers.Sms> before, String district) {
        List<Receivers.Sms> now = new ArrayList<>(stateDutyWhatsApp());
        now.removeAll(before);
        now.removeIf(m -> !m.form().getOrDefault("Body", "").contains(district));
        return now;
    }

    @Test
    @DisplayName("a webhook receiver that fails twice then succeeds gets exactly one delivery, also across a restart")
    void shouldRetryWebhookUntilDeliveredExactlyOnce() throws Exception {
        String s = suffix();
        String district = "T" + s;
        String name = "hook-" + s;
        String path = "/hook/flaky-" + s;
        user(name, Role.RESPONDER, List.of(district), List.of(), new Contact(null, null, receivers.base() + path));
        subscribe(name, List.of(district), List.of("webhook"));
        receivers.failFirst(path, 2);
        String sentSeries = "warroom_notifier_deliveries_total{channel=\"webhook\",outcome=\"sent\"}";
        String failedSeries = "warroom_notifier_attempts_failed_total{channel=\"webhook\"}";
        String before = notifier.metrics().scrape();

        Alert alert = publish(district, Severity.CRITICAL);
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(receivers.hooksAt(path).stream().filter(h -> h.status() == 200).toList()).hasSize(1);
        });
        await(notifier.tick());
        List<Receivers.Hook> hooks = receivers.hooksAt(path);
        assertThat(hooks).extracting(Receivers.Hook::status).containsExactly(500, 500, 200);
        assertThat(hooks).extracting(h -> h.headers().get("x-warroom-delivery")).containsOnly(hooks.get(0).headers().get("x-warroom-delivery"));
        String after = notifier.metrics().scrape();
        assertThat(Scrape.value(after, sentSeries).orElseThrow() - Scrape.value(before, sentSeries).orElseThrow())
                .isEqualTo(1);
        assertThat(Scrape.value(after, failedSeries).orElseThrow() - Scrape.value(before, failedSeries).orElseThrow())
                .isEqualTo(2);
        assertThat(Scrape.sum(after, "kafka_consumer_fetch_manager_records_consumed_total").orElseThrow()).isPositive();

        eventually(WAIT, () -> {
            List<Delivery> items = deliveries(alert);
            assertThat(items.stream().map(Delivery::outcome).toList()).containsExactly("sending", "failed", "failed", "sent");
            assertThat(items.get(3).attempts()).isEqualTo(3);
        });

        // a restarted notifier rebuilds what was sent from the delivery log and sends nothing again
        await(vertx.undeploy(deploymentId));
        notifier = new NotifierVerticle(config, clock);
        deploymentId = await(vertx.deployVerticle(notifier));
        eventually(WAIT, () -> assertThat(await(notifier.<Boolean>inspect(n -> n.knows(alert.id()))).booleanValue()).isTrue());
        await(notifier.tick());
        assertThat(receivers.hooksAt(path)).hasSize(3);
    }

    @Test
    @DisplayName("an escalated complaint: level 2 reaches the department's officers of the district (commanders later), level 3 officers and commanders at once")
    void shouldReachTheRightPeoplePerComplaintLevel() throws Exception {
        String s = suffix();
        String district = "T" + s;
        officer("health-" + s, List.of(district), List.of("Health"));
        officer("labour-" + s, List.of(district), List.of("Labour"));
        officer("away-" + s, List.of("T2" + s), List.of("Health"));
        user("cmdc-" + s, Role.COMMANDER, List.of(district), List.of(), new Contact("cmdc-" + s + "@example.test", null, null));
        for (String u : List.of("health-" + s, "labour-" + s, "away-" + s, "cmdc-" + s)) {
            subscribe(u, List.of(), List.of("email"));
        }
        Alert two = publishEscalation(district, s, 2);
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(mailsTo("health-" + s + "@example.test")).hasSize(1);
        });
        await(notifier.tick());
        assertThat(mailsTo("labour-" + s + "@example.test")).as("another department").isEmpty();
        assertThat(mailsTo("away-" + s + "@example.test")).as("another district").isEmpty();
        assertThat(mailsTo("cmdc-" + s + "@example.test")).as("the commander only after 2 h").isEmpty();
        assertThat(mailsTo("health-" + s + "@example.test").get(0).getContent().toString())
                .contains("MP-396-" + s).contains("/ack/");

        Alert three = publishEscalation(district, s, 3);
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(mailsTo("cmdc-" + s + "@example.test")).hasSize(1);
            assertThat(mailsTo("health-" + s + "@example.test")).hasSize(2);
        });
        assertThat(mailsTo("labour-" + s + "@example.test")).isEmpty();
        assertThat(deliveries(three).stream().filter(d -> Delivery.SENT.equals(d.outcome()))
                .map(d -> d.step() + "/" + d.user()).toList())
                .containsExactlyInAnyOrder("1/health-" + s, "1/cmdc-" + s);
        assertThat(deliveries(two).stream().filter(d -> Delivery.SENT.equals(d.outcome()))
                .map(d -> d.step() + "/" + d.user()).toList()).containsExactly("1/health-" + s);
    }

    private Alert publishEscalation(String district, String s, int level) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHoursMinutes(5, 30));
        String subject = district + "|Health|MP-396-" + s + "|" + level;
        String id = "complaint-escalated|" + subject + "|" + now.toInstant().toEpochMilli();
        Alert alert = new Alert(id, "complaint-escalated", district, null, Severity.HIGH, AlertState.ACTIVE, now,
                null, null, null, subject, 1, 0, 0, "Complaint MP-396-" + s + " of Health reached escalation level "
                + level, null, now, 0, "शिकायत MP-396-" + s + " स्तर " + level);
        await(writer.write(ResultTopics.ALERTS, id, alert));
        return alert;
    }

    private void officer(String name, List<String> districts, List<String> departments) {
        await(users.save(new UserAccount(name, "$argon2id$unused", Role.OFFICER.wire(), districts, List.of(),
                new Contact(name + "@example.test", null, null), false, clock.instant(), clock.instant(), "test",
                departments)));
    }

    // ------------------------------------------------------------------ helpers

    private Alert publish(String district, Severity severity) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHoursMinutes(5, 30));
        String id = "shortage-critical|" + district + "|medicine|" + now.toEpochSecond();
        Alert alert = new Alert(id, "shortage-critical", district, Commodity.MEDICINE, severity, AlertState.ACTIVE, now,
                null, null, null, district + "|medicine", 1, 0.5, 2.0, ENGLISH, null, now, 0, HINDI);
        await(writer.write(ResultTopics.ALERTS, id, alert));
        return alert;
    }

    private void user(String name, Role role, List<String> districts, List<String> categories, Contact contact) {
        UserAccount account = new UserAccount(name, "$argon2id$unused", role.wire(), districts, categories, contact,
                false, clock.instant(), clock.instant(), "test");
        await(users.save(account));
    }

    /** Saves a subscription as the dashboard's subscriptions API does: the record on its compacted topic. */
    private void subscribe(String user, List<String> districts, List<String> channels) {
        Subscription subscription = new Subscription(user, districts, List.of(), List.of(),
                channels.stream().map(c -> ChannelKind.parse(c).orElseThrow()).toList(), null, clock.instant(), "test");
        await(writer.write(NotifyTopics.SUBSCRIPTIONS, user, subscription));
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The delivery log of one alert, oldest first, read from its topic. */
    private List<Delivery> deliveries(Alert alert) {
        Map<String, Object> props = new HashMap<>(kafka.kafkaSettings().client());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, Delivery> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                NotifyTopics.DELIVERIES.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(NotifyTopics.DELIVERIES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Delivery> out = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("reading the delivery log").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (alert.id().equals(r.key())) {
                        out.add(r.value());
                    }
                });
            }
            return out;
        }
    }

    private static String ackLink(String text) {
        Matcher m = Pattern.compile("(http://\\S+/ack/\\S+)").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String alertLinkPart(Alert alert) {
        return alert.district();
    }





    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
