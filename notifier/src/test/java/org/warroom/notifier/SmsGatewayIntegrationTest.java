package org.warroom.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.contracts.notify.Delivery;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.notify.Subscription;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.vertxkafka.TopicWriter;
import org.warroom.vertxkafka.UserDirectory;

/**
 * A Hindi alert SMS leaves through the DLT gateway channel ({@code sms.provider=gateway}, NIC preset) on a real
 * broker, to a local gateway speaking the NIC API: with the alert template's id and the entity id, the text decoded
 * by the gateway, and the delivery log says {@code sent}. A message kind with no registered template (a digest
 * here) is recorded {@code undeliverable} with the reason, never dropped silently.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsGatewayIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String HINDI = "भोपाल में दवाओं की भारी कमी";
    private static final String ALERT_TEMPLATE = "1107161234567890123";
    private static final String ENTITY = "1101161234567890123";

    private final TestClock clock = new TestClock();
    private LocalKafka kafka;
    private Vertx vertx;
    private SmsGatewayReceiver gateway;
    private TopicWriter writer;
    private UserDirectory users;
    private NotifierVerticle notifier;

    @BeforeAll
    void start(LocalKafka kafka) throws Exception {
        this.kafka = kafka;
        List<Topic<?, ?>> topics = new ArrayList<>(NotifyTopics.all());
        topics.addAll(List.of(ResultTopics.ALERTS, ResultTopics.ALERT_ACKS, AccountTopics.USERS, AuditTopics.AUDIT));
        kafka.ensure(topics);
        vertx = Vertx.vertx();
        gateway = new SmsGatewayReceiver();
        Map<String, String> keys = new HashMap<>();
        keys.put("kafka.bootstrap", kafka.bootstrap());
        keys.put("data.dir", Files.createTempDirectory("sms-gateway-test").toString());
        keys.put("public.url", "https://warroom.example.test");
        keys.put("notify.ack.secret", "test-ack-secret-0123456789abcdef");
        keys.put("notify.webhook.secret", "test-webhook-secret-0123456789ab");
        keys.put("notify.group", "sms-gateway-test-" + UUID.randomUUID());
        keys.put("notify.tick.interval", "0s");
        keys.put("notify.batch.window", "0s");
        keys.put("notify.retry.backoff", "20ms");
        keys.put("sms.provider", "gateway");
        keys.put("sms.gateway.preset", "nic");
        keys.put("sms.gateway.url", gateway.base() + "/failsafe/HttpLink");
        keys.put("sms.gateway.username", "mp.warroom");
        keys.put("sms.gateway.password", "pin-secret-1");
        keys.put("sms.gateway.sender", "MPWRRM");
        keys.put("sms.gateway.entity.id", ENTITY);
        keys.put("sms.template.alert.id", ALERT_TEMPLATE);
        keys.put("sms.template.alert.text", "वार रूम {severity}: {messageHi:40}, {districtHi}. स्वीकार करें {link:150}");
        NotifyConfig config = NotifyConfig.from(Settings.ofKeys(keys));
        writer = new TopicWriter(vertx, kafka.kafkaSettings(), Duration.ofSeconds(15));
        users = new UserDirectory(writer, (a, b) -> { });
        await(users.start(vertx, kafka.kafkaSettings(), "sms-gateway-test"));
        notifier = new NotifierVerticle(config, clock);
        await(vertx.deployVerticle(notifier));
    }

    @AfterAll
    void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
        if (gateway != null) {
            gateway.close();
        }
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    @DisplayName("a Hindi alert SMS leaves through the NIC gateway with its DLT template id and entity id; the log says sent")
    void shouldSendAHindiAlertThroughTheGateway() {
        String s = suffix();
        String district = "T" + s;
        String name = "resp-" + s;
        String phone = "+9198" + digits(s);
        user(name, district, phone);
        subscribe(name);

        Alert alert = publish(district, Severity.HIGH, 0);
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(gateway.to(phone.substring(1))).hasSize(1);
        });
        SmsGatewayReceiver.Received sms = gateway.to(phone.substring(1)).get(0);
        assertThat(sms.params()).containsEntry("dlt_template_id", ALERT_TEMPLATE).containsEntry("dlt_entity_id", ENTITY)
                .containsEntry("signature", "MPWRRM").containsEntry("msgType", "UC").containsEntry("username", "mp.warroom");
        assertThat(sms.text()).startsWith("वार रूम HIGH: " + HINDI + ", " + district + ". स्वीकार करें https://warroom.example.test/ack/");
        eventually(WAIT, () -> assertThat(deliveries(alert).stream().map(Delivery::outcome).toList())
                .containsExactly(Delivery.SENDING, Delivery.SENT));
        Delivery sent = deliveries(alert).get(1);
        assertThat(sent.channel()).isEqualTo(ChannelKind.SMS);
        assertThat(sent.address()).isEqualTo("***" + phone.substring(phone.length() - 4));
    }

    @Test
    @DisplayName("a digest, whose kind has no DLT template here, is undeliverable with the reason in the log, and never sent")
    void shouldRecordAKindWithoutATemplate() {
        String s = suffix();
        String district = "T" + s;
        String name = "digest-" + s;
        String phone = "+9197" + digits(s);
        user(name, district, phone);
        subscribe(name);
        List<Alert> alerts = List.of(publish(district, Severity.HIGH, 1), publish(district, Severity.HIGH, 2),
                publish(district, Severity.HIGH, 3));
        // all three known before the tick, so they are due at once: one digest
        eventually(WAIT, () -> assertThat(alerts.stream()
                .allMatch(a -> await(notifier.<Boolean>inspect(n -> n.knows(a.id()))))).isTrue());
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(deliveries(alerts.get(2)).stream().map(Delivery::outcome).toList()).contains(Delivery.UNDELIVERABLE);
        });
        Delivery undeliverable = deliveries(alerts.get(0)).stream()
                .filter(d -> Delivery.UNDELIVERABLE.equals(d.outcome())).findFirst().orElseThrow();
        assertThat(undeliverable.error())
                .isEqualTo("no DLT template for the message kind 'alert-digest' (set sms.template.alert-digest.id)");
        assertThat(undeliverable.attempts()).isEqualTo(1);
        assertThat(undeliverable.digest()).hasSize(3);
        assertThat(gateway.to(phone.substring(1))).isEmpty();
    }

    private Alert publish(String district, Severity severity, int n) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHoursMinutes(5, 30));
        String id = "shortage-critical|" + district + "|medicine|" + now.toEpochSecond() + "-" + n;
        Alert alert = new Alert(id, "shortage-critical", district, Commodity.MEDICINE, severity, AlertState.ACTIVE, now,
                null, null, null, district + "|medicine", 1, 0.5, 2.0, "Medicine short", null, now, 0, HINDI);
        await(writer.write(ResultTopics.ALERTS, id, alert));
        return alert;
    }

    private void user(String name, String district, String phone) {
        await(users.save(new UserAccount(name, "$argon2id$unused", Role.RESPONDER.wire(), List.of(district), List.of(),
                new Contact(null, phone, null), false, clock.instant(), clock.instant(), "test")));
    }

    private void subscribe(String user) {
        await(writer.write(NotifyTopics.SUBSCRIPTIONS, user, new Subscription(user, List.of(), List.of(), List.of(),
                List.of(ChannelKind.SMS), null, clock.instant(), "test")));
    }

    /** The delivery log of one alert, oldest first. */
    private List<Delivery> deliveries(Alert alert) {
        try (KafkaConsumer<String, Delivery> consumer = new KafkaConsumer<>(new HashMap<>(kafka.kafkaSettings().client()),
                new StringDeserializer(), NotifyTopics.DELIVERIES.valueSerde().deserializer())) {
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

    private static String digits(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isDigit(c) ? c : (char) ('0' + c % 10));
        }
        return out.substring(0, 8);
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
