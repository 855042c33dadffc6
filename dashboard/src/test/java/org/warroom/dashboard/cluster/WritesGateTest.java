package org.warroom.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gate in front of the API over real HTTP: which requests an instance that does not own the writes passes on
 * to the routes behind it, and how it answers the others (so that the proxy sends them to the owner).
 */
class WritesGateTest {
    private static final AtomicBoolean OWNS = new AtomicBoolean();
    private static final AtomicInteger REACHED = new AtomicInteger();
    private static Vertx vertx;
    private static HttpServer server;
    private static WebClient client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(new WritesGate(OWNS::get)::handle);
        router.route().handler(ctx -> {
            REACHED.incrementAndGet();
            ctx.response().setStatusCode(200).end("done");
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0).await();
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @BeforeEach
    void reset() {
        REACHED.set(0);
    }

    @ParameterizedTest(name = "{0} {1}, owner {2} → {3}")
    @DisplayName("a write to the API on an instance that does not own the writes is answered 503 before anything is done")
    @CsvSource({
            "POST,   /api/v1/complaints,            false, 503",
            "PUT,    /api/v1/settings,              false, 503",
            "DELETE, /api/v1/subscriptions/asha,    false, 503",
            "PATCH,  /api/v1/complaints/MP-396-1,   false, 503",
            "GET,    /api/v1/complaints,            false, 200",
            "HEAD,   /api/v1/overview,              false, 200",
            "OPTIONS,/api/v1/complaints,            false, 200",
            "POST,   /login,                        false, 200",
            "POST,   /ack/abc,                      false, 200",
            "POST,   /api/v1/complaints,            true,  200",
            "DELETE, /api/v1/subscriptions/asha,    true,  200",
    })
    void passesOnlyWhatThisInstanceMayDo(String method, String path, boolean owns, int status) {
        OWNS.set(owns);
        HttpResponse<Buffer> answer = client.request(HttpMethod.valueOf(method), server.actualPort(), "localhost", path)
                .send().await();
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(REACHED.get()).as("requests that reached the routes").isEqualTo(status == 200 ? 1 : 0);
        if (status == 503) {
            assertThat(answer.getHeader("X-Warroom-Writes")).isEqualTo("elsewhere");
            assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
            assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo("unavailable");
        } else {
            assertThat(answer.getHeader("X-Warroom-Writes")).isNull();
        }
    }

    @ParameterizedTest(name = "ownership {0} then {1}")
    @DisplayName("the gate asks at every request, so a take-over opens it (and a loss closes it) at once")
    @CsvSource({"false, true", "true, false"})
    void followsOwnershipAsItChanges(boolean before, boolean after) {
        OWNS.set(before);
        int first = client.post(server.actualPort(), "localhost", "/api/v1/directives").send().await().statusCode();
        OWNS.set(after);
        int second = client.post(server.actualPort(), "localhost", "/api/v1/directives").send().await().statusCode();
        assertThat(first).isEqualTo(before ? 200 : 503);
        assertThat(second).isEqualTo(after ? 200 : 503);
    }
}
