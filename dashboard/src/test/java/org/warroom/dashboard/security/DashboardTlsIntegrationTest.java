package org.warroom.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.testkit.SelfSignedPem;
import org.warroom.testkit.TlsProbe;

/** The dashboard with {@code dashboard.tls.cert}/{@code dashboard.tls.key}: HTTPS and WSS only, Secure cookie, HSTS. */
@ExtendWith(RealKafka.class)
class DashboardTlsIntegrationTest {

    @Test
    @DisplayName("with a certificate configured the dashboard speaks HTTPS and WSS only, sets a Secure cookie and sends HSTS")
    void shouldServeHttpsWithHsts(LocalKafka kafka) throws Exception {
        SelfSignedPem pem = SelfSignedPem.create(Files.createTempDirectory("dashboard-tls"));
        try (TestDashboard dashboard = TestDashboard.start(kafka, TestDashboard.UNREACHABLE_ES,
                Map.of("dashboard.tls.cert", pem.certificate().toString(), "dashboard.tls.key", pem.key().toString()))) {
            PemTrustOptions trust = new PemTrustOptions().addCertPath(pem.certificate().toString());
            WebClient https = WebClient.create(dashboard.vertx, new WebClientOptions().setSsl(true).setVerifyHost(true)
                    .setTrustOptions(trust).setSslHandshakeTimeout(120).setConnectTimeout(120_000).setFollowRedirects(false));
            int port = dashboard.port();

            var login = https.post(port, "localhost", "/api/v1/session").sendJsonObject(new JsonObject()
                    .put("username", "admin").put("password", TestDashboard.ADMIN_PASSWORD)).await();
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.getHeader("Strict-Transport-Security")).contains("max-age=");
            assertThat(login.cookies()).filteredOn(c -> c.startsWith("warroom_session=")).singleElement()
                    .satisfies(c -> assertThat(c).contains("Secure").containsIgnoringCase("HttpOnly"));
            String token = login.bodyAsJsonObject().getString("token");
            var me = https.get(port, "localhost", "/api/v1/me").bearerTokenAuthentication(token).send().await();
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.getHeader("Strict-Transport-Security")).contains("max-age=");
            assertThat(https.get(port, "localhost", "/login").send().await().getHeader("Strict-Transport-Security"))
                    .contains("max-age=");

            WebSocketClient wss = dashboard.vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true)
                    .setVerifyHost(true).setTrustOptions(trust).setSslHandshakeTimeout(120).setConnectTimeout(120_000));
            var socket = wss.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setSsl(true)
                    .setURI("/ws?token=" + token).addHeader("Origin", "https://localhost:" + port)).await();
            assertThat(socket.isSsl()).isTrue();
            socket.close().await();

            // what was negotiated: TLS 1.3 (1.2 for an older client), HTTP/1.1 though h2 was offered
            SSLContext trusting = TlsProbe.trusting(pem.certificate());
            // (the login page: /health would be 503, this dashboard has no Elasticsearch)
            URI health = URI.create("https://localhost:" + port + "/login");
            HttpResponse<String> modern = TlsProbe.get(health, trusting);
            assertThat(modern.statusCode()).isEqualTo(200);
            assertThat(modern.sslSession()).get().extracting(SSLSession::getProtocol).isEqualTo("TLSv1.3");
            assertThat(modern.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(modern.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
            assertThat(TlsProbe.get(health, trusting, "TLSv1.2").sslSession()).get()
                    .extracting(SSLSession::getProtocol).isEqualTo("TLSv1.2");

            // plain HTTP on the same port: no HTTP answer (no redirect, no page), the connection closed
            TlsProbe.PlainAnswer plain = TlsProbe.plainHttp("127.0.0.1", port, "/login");
            assertThat(plain.closed()).as("connection closed by the server").isTrue();
            assertThat(plain.isHttp()).as("answered in plain HTTP: %s", plain.text()).isFalse();
            assertThat(plain.onlyTlsAlerts()).as("bytes other than TLS alerts: %s", plain.text()).isTrue();
            assertThatThrownBy(() -> dashboard.request(io.vertx.core.http.HttpMethod.GET, "/health").send().await())
                    .isInstanceOf(HttpClosedException.class);
            // a client that does not trust the certificate refuses it during the handshake
            assertThatThrownBy(() -> TlsProbe.get(health, SSLContext.getDefault()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("unable to find valid certification path");
        }
    }
}
