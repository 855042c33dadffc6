package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.webhook.Signatures;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** The providers' webhooks on the real service: signed input lands in Kafka, unsigned input is refused. */
@ExtendWith(RealKafka.class)
class WebhooksIntegrationTest {
    static final String PUBLIC_URL = "https://warroom.example.gov.in/ingest";
    private static RunningIngest ingest;
    private static LocalKafka kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start(LocalKafka broker) {
        kafka = broker;
        ingest = RunningIngest.start(broker, Map.of("whatsapp.app.secret", "meta-app-secret",
                "whatsapp.verify.token", "verify-me", "twilio.auth.token", "twilio-token", "exotel.token", "exo-token",
                "ingest.public.url", PUBLIC_URL,
                "telephony.lines", "+911800111181=181,07552540000=district-control:396"));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @Test
    @DisplayName("the WhatsApp verification handshake echoes the challenge only for our token")
    void whatsAppHandshake() {
        var ok = ingest.client.get(ingest.verticle.port(), "127.0.0.1",
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444").send().await();
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.bodyAsString()).isEqualTo("1158201444");
        var bad = ingest.client.get(ingest.verticle.port(), "127.0.0.1",
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1").send().await();
        assertThat(bad.statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("a signed WhatsApp message lands in warroom.messages; an unsigned or tampered one is 401")
    void whatsAppMessages() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"contacts\":[{\"profile\":{\"name\":\"Asha\"},\"wa_id\":\"919812345678\"}],"
                + "\"messages\":[{\"from\":\"919812345678\",\"id\":\"wamid." + run + "\",\"timestamp\":\"1712000000\","
                + "\"type\":\"text\",\"text\":{\"body\":\"भोपाल में पानी की किल्लत\"}}]}}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = Signatures.whatsApp("meta-app-secret", bytes);

        var unsigned = ingest.post("/webhooks/whatsapp", null).sendBuffer(Buffer.buffer(bytes)).await();
        var tampered = ingest.post("/webhooks/whatsapp", null).putHeader("X-Hub-Signature-256", signature)
                .sendBuffer(Buffer.buffer(body.replace("पानी", "दूध"))).await();
        var signed = ingest.post("/webhooks/whatsapp", null).putHeader("X-Hub-Signature-256", signature)
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(bytes)).await();

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(signed.statusCode()).isEqualTo(200);
        var messages = RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().equals("wa:wamid." + run));
        assertThat(messages).singleElement().satisfies(r -> {
            assertThat(r.value().channel()).isEqualTo(Channel.WHATSAPP);
            assertThat(r.value().district()).isEqualTo("396");
            assertThat(r.value().senderName()).isEqualTo("Asha");
        });
    }

    @Test
    @DisplayName("a Twilio SMS signed over the public URL lands in Kafka and gets TwiML; a wrong signature is 401")
    void twilioSms() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("MessageSid", List.of("SM" + run));
        params.put("From", List.of("+919812345678"));
        params.put("To", List.of("+15005550006"));
        params.put("Body", List.of("Patna mein ration nahi mila"));
        String signature = Signatures.twilio("twilio-token", PUBLIC_URL + "/webhooks/twilio/sms", params);
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        params.forEach((k, v) -> form.add(k, v.get(0)));

        var signed = ingest.post("/webhooks/twilio/sms", null).putHeader("X-Twilio-Signature", signature).sendForm(form).await();
        var wrong = ingest.post("/webhooks/twilio/sms", null).putHeader("X-Twilio-Signature", "AAAA").sendForm(form).await();

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.bodyAsString()).contains("<Response>");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().equals("tw:SM" + run)))
                .singleElement().satisfies(r -> assertThat(r.value().district()).isEqualTo("212"));
    }

    @Test
    @DisplayName("an Exotel callback with our token becomes call steps keyed by call; without it 401")
    void exotelStatus() {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("CallSid", "exo" + run).add("Status", "completed")
                .add("From", "09812345678").add("To", "07552540000").add("Direction", "incoming")
                .add("StartTime", "2024-04-02 10:00:00").add("EndTime", "2024-04-02 10:05:00");
        assertThat(ingest.post("/webhooks/exotel", null).sendForm(form).await().statusCode()).isEqualTo(401);
        assertThat(ingest.post("/webhooks/exotel?token=exo-token", null).sendForm(form).await().statusCode()).isEqualTo(200);
        assertThat(RunningIngest.read(kafka, Topics.CALLS, c -> c.call().equals("exotel:exo" + run)))
                .hasSize(3).allSatisfy(r -> assertThat(r.key()).isEqualTo("exotel:exo" + run));
    }

    @Test
    @DisplayName("an Asterisk cdr_csv upload needs an API key and becomes call steps")
    void asteriskCdr() {
        String csv = "\"\",\"06121234567\",\"1800111181\",\"from-pstn\",\"\",\"SIP/t-1\",\"SIP/a-2\",\"Dial\",\"\","
                + "\"2024-04-02 10:00:00\",\"2024-04-02 10:00:20\",\"2024-04-02 10:04:20\",260,240,\"ANSWERED\","
                + "\"DOCUMENTATION\",\"" + run + ".1\",\"\"\n";
        assertThat(ingest.post("/webhooks/asterisk/cdr", null).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(csv)).await().statusCode()).isEqualTo(401);
        var response = ingest.post("/webhooks/asterisk/cdr", ingest.key).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(csv)).await();
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.bodyAsJsonObject().getInteger("accepted")).isEqualTo(3);
        assertThat(RunningIngest.read(kafka, Topics.CALLS, c -> c.call().equals("asterisk:" + run + ".1"))).hasSize(3);
    }
}
