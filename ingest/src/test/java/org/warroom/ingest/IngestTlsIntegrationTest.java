package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
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
import org.warroom.testkit.TlsProbe;

/** Ingest with {@code ingest.tls.cert}/{@code ingest.tls.key}: HTTPS only, events land as over plain HTTP. */
@ExtendWith(RealKafka.class)
class IngestTlsIntegrationTest {

    @Test
    @DisplayName("with a certificate configured, ingest answers HTTPS (TLS 1.3, and 1.2 to older clients, HTTP/1.1) and closes plain HTTP unanswered")
    void shouldServeHttpsOnly(LocalKafka kafka) throws Exception {
        SelfSignedPem pem = SelfSignedPem.create(Files.createTempDirectory("ingest-tls"));
        String id = "tls-" + UUID.randomUUID();
        try (RunningIngest ingest = RunningIngest.start(kafka, Map.of("ingest.tls.cert", pem.certificate().toString(),
                "ingest.tls.key", pem.key().toString()))) {
            int port = ingest.verticle.port();
            SSLContext trusting = TlsProbe.trusting(pem.certificate());
            URI health = URI.create("https://127.0.0.1:" + port + "/health");

            HttpResponse<String> modern = TlsProbe.get(health, trusting);
            assertThat(modern.statusCode()).isEqualTo(200);
            assertThat(modern.sslSession()).get().extracting(SSLSession::getProtocol).isEqualTo("TLSv1.3");
            assertThat(modern.version()).as("offered h2 and http/1.1").isEqualTo(HttpClient.Version.HTTP_1_1);
            HttpResponse<String> older = TlsProbe.get(health, trusting, "TLSv1.2");
            assertThat(older.statusCode()).isEqualTo(200);
            assertThat(older.sslSession()).get().extracting(SSLSession::getProtocol).isEqualTo("TLSv1.2");

            WebClient https = WebClient.create(ingest.vertx, new WebClientOptions().setSsl(true).setVerifyHost(true)
                    .setSslHandshakeTimeout(120).setConnectTimeout(120_000)
                    .setTrustOptions(new PemTrustOptions().addCertPath(pem.certificate().toString())));
            String event = new JsonObject().put("id", id).put("channel", "sms").put("from", "+919812345678")
                    .put("text", "paani").put("at", OffsetDateTime.now().withNano(0).toString()).encode();
            var answer = https.post(port, "127.0.0.1", "/v1/messages").bearerTokenAuthentication(ingest.key)
                    .putHeader("Content-Type", "application/x-ndjson").sendBuffer(Buffer.buffer(event)).await();
            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.version()).isEqualTo(HttpVersion.HTTP_1_1);
            assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().equals(id))).hasSize(1);

            // plain HTTP on the same port: no HTTP answer at all, the connection is closed (at most a TLS alert)
            TlsProbe.PlainAnswer plain = TlsProbe.plainHttp("127.0.0.1", port, "/health");
            assertThat(plain.closed()).as("connection closed by the server").isTrue();
            assertThat(plain.isHttp()).as("answered in plain HTTP: %s", plain.text()).isFalse();
            assertThat(plain.onlyTlsAlerts()).as("bytes other than TLS alerts: %s", plain.text()).isTrue();
            assertThatThrownBy(() -> ingest.get("/health")).isInstanceOf(HttpClosedException.class);

            // a client that does not trust the certificate refuses it during the handshake
            assertThatThrownBy(() -> TlsProbe.get(URI.create("https://localhost:" + port + "/health"), SSLContext.getDefault()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("unable to find valid certification path");
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
