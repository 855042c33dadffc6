package org.warroom.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.contracts.account.AccountTopics;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** Administration of users and ingest keys, with validation errors, hashes only, and the audit trail. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIntegrationTest {
    /** Ingest's key format (org.warroom.ingest.auth.ApiKeys). */
    private static final Pattern INGEST_KEY = Pattern.compile("wr_([0-9a-z]{4,32})_([A-Za-z0-9_-]{16,})");
    private TestDashboard dashboard;
    private Login admin;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        admin = dashboard.loginAdmin();
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private HttpResponse<Buffer> saveUser(JsonObject body) {
        return dashboard.post("/api/v1/admin/users", admin, body);
    }

    @Test
    @DisplayName("a user is created with role, districts, categories and contact; stored with an Argon2id hash, listed without it")
    void shouldCreateUserWithHashedPassword() {
        HttpResponse<Buffer> created = saveUser(new JsonObject().put("username", "adm-resp").put("password", "responder-pass-1")
                .put("role", "responder").put("districts", new JsonArray().add("396")).put("categories", new JsonArray().add("Medicine"))
                .put("contact", new JsonObject().put("email", "resp@example.org").put("phone", "+91 98765 43210")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject user = created.bodyAsJsonObject();
        assertThat(user.getJsonArray("categories").getList()).containsExactly("medicine");
        assertThat(user.getJsonObject("contact").getString("phone")).isEqualTo("+919876543210");
        assertThat(user.encode()).doesNotContain("responder-pass-1").doesNotContain("argon2").doesNotContain("passwordHash");
        assertThat(dashboard.get("/api/v1/admin/users", admin).bodyAsString()).contains("adm-resp").doesNotContain("argon2");
        UserAccount stored = dashboard.readAll(AccountTopics.USERS).stream().filter(u -> u.username().equals("adm-resp"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(stored.passwordHash()).startsWith("$argon2id$");
        assertThat(dashboard.login("adm-resp", "responder-pass-1").token()).isNotBlank();
        assertThat(dashboard.readAll(AuditTopics.AUDIT)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("user.create");
            assertThat(e.target()).isEqualTo("adm-resp");
            assertThat(e.details().toString()).doesNotContain("responder-pass-1");
        });
    }

    @Test
    @DisplayName("bad users get a 400 naming the field and the reason")
    void shouldRejectInvalidUsers() {
        expectInvalid(new JsonObject().put("password", "long-enough-1").put("role", "operator"), "username");
        expectInvalid(new JsonObject().put("username", "Bad Name").put("password", "long-enough-1").put("role", "operator"), "username");
        expectInvalid(new JsonObject().put("username", "adm-x").put("role", "operator"), "password");
        expectInvalid(new JsonObject().put("username", "adm-x").put("password", "short").put("role", "operator"), "password");
        expectInvalid(new JsonObject().put("username", "adm-x").put("password", "long-enough-1").put("role", "king"), "role");
        expectInvalid(new JsonObject().put("username", "adm-x").put("password", "long-enough-1").put("role", "commander"), "districts");
        expectInvalid(new JsonObject().put("username", "adm-x").put("password", "long-enough-1").put("role", "commander")
                .put("districts", new JsonArray().add("396").add("99999")), "districts[1]");
        expectInvalid(new JsonObject().put("username", "adm-x").put("password", "long-enough-1").put("role", "operator")
                .put("districts", new JsonArray().add("396")), "districts");
        expectInvalid(new JsonObject().put("username", "adm-x").put("password", "long-enough-1").put("role", "responder")
                .put("districts", new JsonArray().add("396")).put("categories", new JsonArray().add("gold")), "categories[0]");
        expectInvalid(new JsonObject().put("username", "adm-x").put("password", "long-enough-1").put("role", "operator")
                .put("contact", new JsonObject().put("email", "not-an-address")), "contact.email");
        expectInvalid(new JsonObject().put("username", "adm-x").put("password", "long-enough-1").put("role", "operator")
                .put("contact", new JsonObject().put("webhook", "javascript:alert(1)")), "contact.webhook");
        expectInvalid(new JsonObject().put("username", "admin").put("role", "operator"), "role");
        HttpResponse<Buffer> notJson = dashboard.request(HttpMethod.POST, "/api/v1/admin/users")
                .bearerTokenAuthentication(admin.token()).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{oops")).await();
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    private void expectInvalid(JsonObject body, String field) {
        HttpResponse<Buffer> answer = saveUser(body);
        assertThat(answer.statusCode()).as(body.encode() + " → " + answer.bodyAsString()).isEqualTo(400);
        assertThat(answer.bodyAsJsonObject().getString("error")).isEqualTo("invalid");
        assertThat(answer.bodyAsJsonObject().getString("field")).as(answer.bodyAsString()).isEqualTo(field);
        assertThat(answer.bodyAsJsonObject().getString("reason")).isNotBlank();
    }

    @Test
    @DisplayName("a new ingest key is answered once in ingest's format; the topic holds only its SHA-256; list hides it; revoke marks it")
    void shouldCreateListAndRevokeKeys() {
        HttpResponse<Buffer> created = dashboard.post("/api/v1/admin/keys", admin, new JsonObject().put("source", "adm-bhopal")
                .put("feeds", new JsonArray().add("reports")).put("districts", new JsonArray().add("396")));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        String key = created.bodyAsJsonObject().getString("key");
        String keyId = created.bodyAsJsonObject().getString("keyId");
        var m = INGEST_KEY.matcher(key);
        assertThat(m.matches()).isTrue();
        assertThat(m.group(1)).isEqualTo(keyId).hasSize(12);
        ApiKeyGrant grant = dashboard.readAll(Topics.API_KEYS).stream().filter(g -> g.keyId().equals(keyId))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(grant.sha256()).isEqualTo(IngestKeys.sha256(key)).hasSize(64);
        assertThat(grant.feeds()).containsExactly("reports");
        assertThat(grant.districts()).containsExactly("396");
        assertThat(grant.allowsFeed("reports")).isTrue();
        assertThat(grant.allowsFeed("calls")).isFalse();
        String list = dashboard.get("/api/v1/admin/keys", admin).bodyAsString();
        assertThat(list).contains(keyId).doesNotContain(key).doesNotContain(grant.sha256());

        HttpResponse<Buffer> revoked = dashboard.request(HttpMethod.DELETE, "/api/v1/admin/keys/" + keyId)
                .bearerTokenAuthentication(admin.token()).send().await();
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.bodyAsJsonObject().getBoolean("revoked")).isTrue();
        assertThat(dashboard.readAll(Topics.API_KEYS).stream().filter(g -> g.keyId().equals(keyId)).reduce((a, b) -> b)
                .orElseThrow().revokedAt()).isNotNull();
        assertThat(dashboard.request(HttpMethod.DELETE, "/api/v1/admin/keys/nope").bearerTokenAuthentication(admin.token())
                .send().await().statusCode()).isEqualTo(404);
        List<AuditEvent> audit = dashboard.readAll(AuditTopics.AUDIT);
        assertThat(audit).anySatisfy(e -> assertThat(e.action() + " " + e.target()).isEqualTo("key.create " + keyId));
        assertThat(audit).anySatisfy(e -> assertThat(e.action() + " " + e.target()).isEqualTo("key.revoke " + keyId));
        assertThat(audit.toString()).doesNotContain(key);

        HttpResponse<Buffer> bad = dashboard.post("/api/v1/admin/keys", admin, new JsonObject().put("source", "x")
                .put("feeds", new JsonArray().add("gossip")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getString("field")).isEqualTo("feeds[0]");
    }

    @Test
    @DisplayName("every login, success or failure, is in the audit log")
    void shouldAuditLogins() {
        dashboard.saveUser("adm-audited", "audited-pass-1", "operator", List.of(), List.of());
        dashboard.login("adm-audited", "audited-pass-1");
        dashboard.tryLogin("adm-audited", "wrong-password");
        List<AuditEvent> audit = dashboard.readAll(AuditTopics.AUDIT);
        assertThat(audit).anySatisfy(e -> assertThat(e.action() + " " + e.actor()).isEqualTo("login.success adm-audited"));
        assertThat(audit).anySatisfy(e -> assertThat(e.action() + " " + e.actor()).isEqualTo("login.failure adm-audited"));
        assertThat(audit.toString()).doesNotContain("wrong-password").doesNotContain("audited-pass-1");
    }
}
