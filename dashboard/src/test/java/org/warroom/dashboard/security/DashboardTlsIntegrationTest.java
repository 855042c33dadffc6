package org.warroom.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.testkit.SelfSignedPem;

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

            HttpResponse<Buffer> login = https.post(port, "localhost", "/api/v1/session").sendJsonObject(new JsonObject()
                    .put("username", "admin").put("password", TestDashboard.ADMIN_PASSWORD)).await();
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.getHeader("Strict-Transport-Security")).contains("max-age=");
            assertThat(login.cookies()).filteredOn(c -> c.startsWith("warroom_session=")).singleElement()
                    .satisfies(c -> assertThat(c).contains("Secure").containsIgnoringCase("HttpOnly"));
            String token = login.bodyAsJsonObject().getString("token");
            HttpResponse<Buffer> me = https.get(port, "localhost", "/api/v1/me").bearerTokenAuthentication(token).send().await();
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

            assertThatThrownBy(() -> dashboard.request(io.vertx.core.http.HttpMethod.GET, "/health").send().await())
                    .isInstanceOf(Exception.class);
        }
    }
}
