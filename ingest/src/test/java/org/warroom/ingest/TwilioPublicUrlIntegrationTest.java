package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.topic.Topics;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Issue 19, defect 1: on a local stack {@code bin/warroom} sets the dashboard's public URL ({@code public.url},
 * port 8080, for acknowledgement links). Ingest must not check Twilio's signature against that URL: without
 * {@code ingest.public.url} it checks it against the URL the request was sent to, its own address.
 */
@ExtendWith(RealKafka.class)
class TwilioPublicUrlIntegrationTest {
    private static RunningIngest ingest;
    private static LocalKafka kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start(LocalKafka broker) {
        kafka = broker;
        // What bin/warroom's environment gives every service: the dashboard's public URL, no ingest public URL.
        ingest = RunningIngest.start(broker, Map.of("twilio.auth.token", "local-twilio-token",
                "public.url", "http://127.0.0.1:8080"));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @Test
    @DisplayName("a Twilio SMS signed for the ingest URL it was sent to is accepted although public.url is the dashboard's")
    void signedForIngestOwnUrl() {
        Map<String, String> params = new TreeMap<>(Map.of("MessageSid", "SM" + run, "From", "+919812345678",
                "To", "+15005550006", "Body", "Bhopal mein doodh nahi mil raha"));
        String url = "http://127.0.0.1:" + ingest.verticle.port() + "/webhooks/twilio/sms";
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        params.forEach(form::add);

        var response = ingest.post("/webhooks/twilio/sms", null)
                .putHeader("X-Twilio-Signature", twilioSignature("local-twilio-token", url, params)).sendForm(form).await();

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.bodyAsString()).contains("<Response>");
        assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().equals("tw:SM" + run))).hasSize(1);
    }

    @Test
    @DisplayName("a Twilio SMS signed for the dashboard's public URL is refused by ingest")
    void signedForDashboardUrl() {
        Map<String, String> params = new TreeMap<>(Map.of("MessageSid", "SMd" + run, "From", "+919812345678",
                "To", "+15005550006", "Body", "test"));
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        params.forEach(form::add);

        var response = ingest.post("/webhooks/twilio/sms", null).putHeader("X-Twilio-Signature",
                twilioSignature("local-twilio-token", "http://127.0.0.1:8080/webhooks/twilio/sms", params)).sendForm(form).await();

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /**
     * The signature as Twilio's security documentation describes it, written here independently of ingest's code:
     * the full URL, then each POST parameter's name and value, sorted by name; HMAC-SHA1 keyed with the auth token;
     * Base64.
     */
    private static String twilioSignature(String authToken, String url, Map<String, String> sortedParams) {
        StringBuilder data = new StringBuilder(url);
        sortedParams.forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
