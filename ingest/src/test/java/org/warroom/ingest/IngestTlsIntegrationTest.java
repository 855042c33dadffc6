package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.config.IngestConfig;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.testkit.SelfSignedPem;

/** Ingest with {@code ingest.tls.cert}/{@code ingest.tls.key}: HTTPS only, events land as over plain HTTP. */
@ExtendWith(RealKafka.class)
class IngestTlsIntegrationTest {

    @Test
    @DisplayName("with a certificate configured, ingest answers HTTPS (TLS 1.2+) and refuses plain HTTP")
    void shouldServeHttpsOnly(LocalKafka kafka) throws Exception {
        SelfSignedPem pem = SelfSignedPem.create(Files.createTempDirectory("ingest-tls"));
        String id = "tls-" + UUID.randomUUID();
        try (RunningIngest ingest = RunningIngest.start(kafka, Map.of("ingest.tls.cert", pem.certificate().toString(),
                "ingest.tls.key", pem.key().toString()))) {
            WebClient https = WebClient.create(ingest.vertx, new WebClientOptions().setSsl(true).setVerifyHost(true)
                    .setSslHandshakeTimeout(120).setConnectTimeout(120_000)
                    .setTrustOptions(new PemTrustOptions().addCertPath(pem.certificate().toString())));
            int port = ingest.verticle.port();
            assertThat(https.get(port, "127.0.0.1", "/health").send().await().statusCode()).isEqualTo(200);
            String event = new JsonObject().put("id", id).put("channel", "sms").put("from", "+919812345678")
                    .put("text", "paani").put("at", OffsetDateTime.now().withNano(0).toString()).encode();
            var answer = https.post(port, "127.0.0.1", "/v1/messages").bearerTokenAuthentication(ingest.key)
                    .putHeader("Content-Type", "application/x-ndjson").sendBuffer(Buffer.buffer(event)).await();
            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.version().alpnName()).isNotNull();
            assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().equals(id))).hasSize(1);

            assertThatThrownBy(() -> ingest.get("/health")).isInstanceOf(Exception.class);
            WebClient untrusting = WebClient.create(ingest.vertx, new WebClientOptions().setSsl(true)
                    .setSslHandshakeTimeout(120).setConnectTimeout(120_000));
            assertThatThrownBy(() -> untrusting.get(port, "localhost", "/health").send().await())
                    .isInstanceOf(Exception.class);
        }
    }

    @Test
    @DisplayName("a certificate without its key, or an unreadable file, is refused at start naming the setting")
    void shouldRefuseHalfTlsConfiguration() {
        assertThatThrownBy(() -> IngestConfig.from(Settings.ofKeys(Map.of("ingest.tls.cert", "/etc/hostname"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.tls.key");
        assertThatThrownBy(() -> IngestConfig.from(Settings.ofKeys(Map.of("ingest.tls.cert", "/nonexistent.crt",
                "ingest.tls.key", "/nonexistent.key")))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.tls.cert");
    }
}
