package org.warroom.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.notify.ChannelKind;

/** The gateway channel against a local gateway speaking the NIC and a generic API ({@link SmsGatewayReceiver}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsGatewayChannelTest {
    private static final String HINDI = "भोपाल में दवाओं की भारी कमी";
    private Vertx vertx;
    private SmsGatewayReceiver gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        gateway = new SmsGatewayReceiver();
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Map<String, String> nic() {
        Map<String, String> keys = new HashMap<>();
        keys.put("sms.provider", "gateway");
        keys.put("sms.gateway.preset", "nic");
        keys.put("sms.gateway.url", gateway.base() + "/failsafe/HttpLink");
        keys.put("sms.gateway.username", "mp.warroom");
        keys.put("sms.gateway.password", "pin-secret-1");
        keys.put("sms.gateway.sender", "MPWRRM");
        keys.put("sms.gateway.entity.id", "1101000000000000001");
        keys.put("sms.template.alert.id", "1107000000000000011");
        keys.put("sms.template.alert.text", "वार रूम {severity}: {messageHi:40} स्वीकार करें {link:60}");
        keys.put("sms.template.reply.status.id", "1107000000000000012");
        keys.put("sms.template.reply.status.text", "warroom: complaint {ticket} is {status}.");
        return keys;
    }

    private SmsGatewayChannel channel(Map<String, String> keys) {
        SmsGatewayConfig config = SmsGatewayConfig.from(Settings.ofKeys(keys)).orElseThrow();
        return new SmsGatewayChannel(vertx, http, config, Duration.ofSeconds(5));
    }

    private static Outgoing alert(String phone) {
        return new Outgoing("a1#1#u#sms", ChannelKind.SMS, phone, "s", "full text", new byte[0], Outgoing.ALERT,
                Map.of("severity", "HIGH", "messageHi", HINDI, "link", "https://w.example/ack/T1"));
    }

    @Test
    @DisplayName("NIC gateway: a Hindi alert goes by GET with its DLT ids, as FEFF+UCS-2 hex with msgType=UC")
    void shouldSendHindiThroughTheNicGateway() throws Exception {
        await(channel(nic()).send(alert("+919800000101")));
        SmsGatewayReceiver.Received got = gateway.to("919800000101").get(0);
        assertThat(got.method()).isEqualTo("GET");
        assertThat(got.text()).isEqualTo("वार रूम HIGH: " + HINDI + " स्वीकार करें https://w.example/ack/T1");
        assertThat(got.params()).containsEntry("username", "mp.warroom").containsEntry("pin", "pin-secret-1")
                .containsEntry("signature", "MPWRRM").containsEntry("msgType", "UC")
                .containsEntry("dlt_entity_id", "1101000000000000001")
                .containsEntry("dlt_template_id", "1107000000000000011");
        assertThat(got.params().get("message")).startsWith("FEFF0935093E0930");
    }

    @Test
    @DisplayName("NIC gateway: an English text goes as plain text, without the Unicode flag")
    void shouldSendEnglishAsPlainText() throws Exception {
        Outgoing reply = new Outgoing("r1", ChannelKind.SMS, "+919800000102", "s", "t", new byte[0], "reply.status",
                Map.of("ticket", "MP-7", "status", "in progress"));
        await(channel(nic()).send(reply));
        SmsGatewayReceiver.Received got = gateway.to("919800000102").get(0);
        assertThat(got.params().get("message")).isEqualTo("warroom: complaint MP-7 is in progress.");
        assertThat(got.params()).doesNotContainKey("msgType").containsEntry("dlt_template_id", "1107000000000000012");
    }

    @Test
    @DisplayName("generic gateway: form POST with an API key, UTF-8 Hindi with unicode=1, national numbers, fixed extras")
    void shouldSendThroughAGenericGateway() throws Exception {
        Map<String, String> keys = new HashMap<>();
        keys.put("sms.provider", "gateway");
        keys.put("sms.gateway.url", gateway.base() + "/api/send");
        keys.put("sms.gateway.apikey", "key-123");
        keys.put("sms.gateway.sender", "MPWRRM");
        keys.put("sms.gateway.entity.id", "1101000000000000001");
        keys.put("sms.gateway.mobile.format", "national");
        keys.put("sms.gateway.extra", "route=transactional");
        keys.put("sms.template.alert.id", "1107000000000000011");
        keys.put("sms.template.alert.text", "वार रूम {severity}: {messageHi:40} स्वीकार करें {link:60}");
        await(channel(keys).send(alert("+919800000103")));
        SmsGatewayReceiver.Received got = gateway.to("9800000103").get(0);
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.text()).isEqualTo("वार रूम HIGH: " + HINDI + " स्वीकार करें https://w.example/ack/T1");
        assertThat(got.params()).containsEntry("apikey", "key-123").containsEntry("unicode", "1")
                .containsEntry("entity_id", "1101000000000000001").containsEntry("template_id", "1107000000000000011")
                .containsEntry("route", "transactional").doesNotContainKey("username");
    }

    @Test
    @DisplayName("the gateway's answer decides: a refusal in a 200 is permanent, 'busy' and 5xx are retried, numbers masked")
    void shouldJudgeTheGatewaysAnswer() {
        SmsGatewayChannel channel = channel(nic());
        gateway.answerNext(200, "Message Rejected : code=API2014 & info=Invalid template id for 919800000104");
        assertThatThrownBy(() -> await(channel.send(alert("+919800000104"))))
                .hasCauseInstanceOf(Channel.PermanentFailure.class)
                .hasMessageContaining("the SMS gateway refused the message: Message Rejected : code=API2014 & info=Invalid template id for ***0104");
        gateway.answerNext(200, "Server busy, try again later");
        assertThatThrownBy(() -> await(channel.send(alert("+919800000104"))))
                .hasCauseInstanceOf(IllegalStateException.class);
        gateway.answerNext(503, "maintenance");
        assertThatThrownBy(() -> await(channel.send(alert("+919800000104"))))
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 503: maintenance");
        assertThat(gateway.to("919800000104")).isEmpty();
    }

    @Test
    @DisplayName("a kind with no registered template never reaches the gateway: a permanent failure naming it")
    void shouldRefuseAnUnknownPurpose() {
        Outgoing rated = new Outgoing("r2", ChannelKind.SMS, "+919800000105", "s", "thanks", new byte[0],
                "reply.rated", Map.of());
        assertThatThrownBy(() -> await(channel(nic()).send(rated)))
                .hasCauseInstanceOf(Channel.PermanentFailure.class).hasMessageContaining("'reply.rated'");
        assertThat(gateway.to("919800000105")).isEmpty();
    }

    @Test
    @DisplayName("configuration: twilio by default; the gateway needs credentials, sender and a numeric entity id")
    void shouldCheckTheConfiguration() {
        assertThat(SmsGatewayConfig.from(Settings.ofKeys(Map.of()))).isEmpty();
        assertThatThrownBy(() -> SmsGatewayConfig.from(Settings.ofKeys(Map.of("sms.provider", "kaleyra"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sms.provider");
        Map<String, String> keys = nic();
        keys.remove("sms.gateway.password");
        assertThatThrownBy(() -> SmsGatewayConfig.from(Settings.ofKeys(keys)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sms.gateway.password");
        Map<String, String> entity = nic();
        entity.put("sms.gateway.entity.id", "PE-1");
        assertThatThrownBy(() -> SmsGatewayConfig.from(Settings.ofKeys(entity)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sms.gateway.entity.id");
        Map<String, String> generic = nic();
        generic.put("sms.gateway.preset", "generic");
        generic.remove("sms.gateway.url");
        assertThatThrownBy(() -> SmsGatewayConfig.from(Settings.ofKeys(generic)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sms.gateway.url");
        SmsGatewayConfig config = SmsGatewayConfig.from(Settings.ofKeys(nic())).orElseThrow();
        assertThat(config.toString()).doesNotContain("pin-secret-1").contains("nic GET");
        assertThat(config.mobile("+919800000106")).isEqualTo("919800000106");
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e;
        }
    }
}
