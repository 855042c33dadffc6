package org.warroom.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** Two dashboard instances behind one proxy: a session made on one works on the other, and ends on both. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionsIntegrationTest {
    private static final String PASSWORD = "shared-session-pw-1";
    private TestDashboard first;
    private TestDashboard second;

    @BeforeAll
    void start(LocalKafka kafka) {
        first = TestDashboard.start(kafka);
        second = TestDashboard.start(kafka);
        first.saveUser("shared-op", PASSWORD, "operator", List.of(), List.of());
        eventually(Duration.ofSeconds(20), () -> assertThat(second.tryLogin("shared-op", PASSWORD).statusCode()).isEqualTo(200));
    }

    @AfterAll
    void stop() {
        first.close();
        second.close();
    }

    @Test
    @DisplayName("signed in on one instance, the user is known on the other; signing out there ends it on both")
    void shouldShareSessionsAcrossInstances() {
        Login login = first.login("shared-op", PASSWORD);
        eventually(Duration.ofSeconds(10), () -> assertThat(second.get("/api/v1/me", login).statusCode()).isEqualTo(200));
        assertThat(second.get("/api/v1/me", login).bodyAsJsonObject().getString("username")).isEqualTo("shared-op");

        int loggedOut = second.request(HttpMethod.DELETE, "/api/v1/session")
                .bearerTokenAuthentication(login.token()).send().await().statusCode();
        assertThat(loggedOut).isEqualTo(204);
        assertThat(second.get("/api/v1/me", login).statusCode()).isEqualTo(401);
        eventually(Duration.ofSeconds(10), () -> assertThat(first.get("/api/v1/me", login).statusCode()).isEqualTo(401));
    }

    @Test
    @DisplayName("the shared topic holds neither the token nor anything keyed by it: the session is keyed by the token's hash")
    void shouldNeverWriteTheToken() {
        Login login = first.login("shared-op", PASSWORD);
        String id = SessionStore.id(login.token());
        assertThat(id).isNotEqualTo(login.token()).hasSize(43).doesNotContain(login.token());
        eventually(Duration.ofSeconds(10), () -> assertThat(first.readRaw(SessionTopics.SESSIONS.name()))
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(id)));
        List<TestDashboard.RawRecord> records = first.readRaw(SessionTopics.SESSIONS.name());
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).as("key").isNotNull().doesNotContain(login.token());
            if (r.value() != null) {
                assertThat(r.value()).as("value of %s", r.key()).doesNotContain(login.token());
            }
        });
        // this login's record: the user and the CSRF token every instance needs, and no token field with a value
        assertThat(records).filteredOn(r -> r.key().equals(id) && r.value() != null).isNotEmpty().allSatisfy(r -> {
            JsonObject value = new JsonObject(r.value());
            assertThat(value.getString("username")).isEqualTo("shared-op");
            assertThat(value.getString("csrf")).isEqualTo(login.csrf());
            assertThat(value.getValue("token")).isNull();
        });
        assertThat(first.readAll(SessionTopics.SESSIONS)).allSatisfy(s -> {
            if (s != null) {
                assertThat(s.token()).isNull();
            }
        });
    }
}
