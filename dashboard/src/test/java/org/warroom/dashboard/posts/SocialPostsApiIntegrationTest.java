package org.warroom.dashboard.posts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.social.Network;
import org.warroom.contracts.social.PostOutcome;
import org.warroom.contracts.social.PostResult;
import org.warroom.contracts.social.ProviderStatus;
import org.warroom.contracts.social.SocialPost;
import org.warroom.contracts.social.SocialTopics;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.testkit.Eventually;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Social posts through the dashboard on a real Kafka: drafted from the public bulletin's snapshot (a critical
 * district named, the same figures), edited (400 naming the field: empty, too long as X counts), versioned (409
 * stale), approved by someone other than the editor (422 for the editor), never while the notifier has no provider
 * for the network (drafts stay drafts); each step on {@code warroom.social-posts} and audited; the notifier's result
 * shown with the post; commanders get 403.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialPostsApiIntegrationTest {
    private static final String PASSWORD = "posts-password-12";
    private TestDashboard dashboard;
    private Login editor;
    private Login approver;
    private Login commander;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        dashboard.saveUser("post-editor", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("post-approver", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("post-cmdr", PASSWORD, "commander", List.of("412"), List.of());
        editor = dashboard.login("post-editor", PASSWORD);
        approver = dashboard.login("post-approver", PASSWORD);
        commander = dashboard.login("post-cmdr", PASSWORD);
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private HttpResponse<Buffer> put(String path, Login who, JsonObject body) {
        return dashboard.request(HttpMethod.PUT, path).bearerTokenAuthentication(who.token()).sendJsonObject(body)
                .await();
    }

    @Test
    @DisplayName("draft from the bulletin → edit (400/409 checked) → approve refused without a provider, by the editor, then by another operator; result shown")
    void shouldDraftEditAndApprove() {
        OffsetDateTime now = OffsetDateTime.ofInstant(dashboard.clock.instant(), ZoneOffset.ofHoursMinutes(5, 30));
        ShortageStatus shortage = new ShortageStatus("412", Commodity.MEDICINE, 5.0, 10.0, 0.5,
                ShortageLevel.CRITICAL, 0, now.minusMinutes(30), null, "units", null, null, "r1");
        dashboard.produce(ResultTopics.SHORTAGES, shortage.key(), shortage);
        Eventually.eventually(Duration.ofSeconds(10), () ->
                assertThat(dashboard.verticle.live().get(LiveChannel.SHORTAGES, shortage.key())).isPresent());
        dashboard.verticle.bulletin().rebuild().await();
        JsonObject bulletin = dashboard.request(HttpMethod.GET, "/public/v1/bulletin").send().await().bodyAsJsonObject();

        assertThat(dashboard.post("/api/v1/posts", commander, new JsonObject()).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> drafted = dashboard.post("/api/v1/posts", editor, new JsonObject());
        assertThat(drafted.statusCode()).as(drafted.bodyAsString()).isEqualTo(201);
        JsonArray items = drafted.bodyAsJsonObject().getJsonArray("items");
        assertThat(items).hasSize(4);
        JsonObject x = items.stream().map(JsonObject.class::cast)
                .filter(p -> "x".equals(p.getString("network")) && "en".equals(p.getString("language")))
                .findFirst().orElseThrow();
        assertThat(x.getString("state")).isEqualTo("draft");
        assertThat(x.getLong("version")).isEqualTo(1);
        assertThat(x.getInteger("limit")).isEqualTo(280);
        assertThat(x.getString("text")).contains("Critical: Jhabua").contains("1 districts report a critical")
                .contains("open.").endsWith("/public");
        assertThat(x.getString("text")).contains("Workers registered: "
                + bulletin.getJsonObject("registry").getValue("workers"));
        JsonObject hi = items.stream().map(JsonObject.class::cast)
                .filter(p -> "mastodon".equals(p.getString("network")) && "hi".equals(p.getString("language")))
                .findFirst().orElseThrow();
        assertThat(hi.getString("text")).contains("गंभीर: झाबुआ");
        String id = x.getString("id");

        HttpResponse<Buffer> empty = put("/api/v1/posts/" + id, editor, new JsonObject().put("text", " ").put("version", 1));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.bodyAsJsonObject().getString("field")).isEqualTo("text");
        HttpResponse<Buffer> tooLong = put("/api/v1/posts/" + id, editor, new JsonObject()
                .put("text", "日".repeat(141)).put("version", 1));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.bodyAsJsonObject().getString("reason")).contains("282").contains("280");
        assertThat(put("/api/v1/posts/" + id, editor, new JsonObject().put("text", "x")).bodyAsJsonObject()
                .getString("field")).isEqualTo("version");
        String text = "War room: 1 district critical (Jhabua, medicine). Details: https://warroom.example/public";
        HttpResponse<Buffer> edited = put("/api/v1/posts/" + id, editor, new JsonObject().put("text", text).put("version", 1));
        assertThat(edited.statusCode()).as(edited.bodyAsString()).isEqualTo(200);
        assertThat(edited.bodyAsJsonObject().getLong("version")).isEqualTo(2);
        assertThat(edited.bodyAsJsonObject().getString("editedBy")).isEqualTo("post-editor");
        HttpResponse<Buffer> stale = put("/api/v1/posts/" + id, approver, new JsonObject().put("text", "late").put("version", 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.bodyAsJsonObject().getJsonObject("post").getLong("version")).isEqualTo(2);

        HttpResponse<Buffer> noProvider = dashboard.post("/api/v1/posts/" + id + "/approve", approver,
                new JsonObject().put("version", 2));
        assertThat(noProvider.statusCode()).isEqualTo(422);
        assertThat(noProvider.bodyAsJsonObject().getString("field")).isEqualTo("network");
        assertThat(dashboard.get("/api/v1/posts", editor).bodyAsJsonObject().getJsonObject("providers")
                .getJsonObject("x").getBoolean("configured")).isFalse();

        // the notifier says it has an X provider
        dashboard.produce(SocialTopics.PROVIDERS, "x", new ProviderStatus(Network.X, true, "https://api.x.com",
                Instant.now()));
        Eventually.eventually(Duration.ofSeconds(10), () -> assertThat(dashboard.get("/api/v1/posts", editor)
                .bodyAsJsonObject().getJsonObject("providers").getJsonObject("x").getBoolean("configured")).isTrue());
        HttpResponse<Buffer> own = dashboard.post("/api/v1/posts/" + id + "/approve", editor, new JsonObject().put("version", 2));
        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(own.bodyAsJsonObject().getString("field")).isEqualTo("user");
        HttpResponse<Buffer> approved = dashboard.post("/api/v1/posts/" + id + "/approve", approver,
                new JsonObject().put("version", 2));
        assertThat(approved.statusCode()).as(approved.bodyAsString()).isEqualTo(200);
        assertThat(approved.bodyAsJsonObject().getString("state")).isEqualTo("approved");
        assertThat(approved.bodyAsJsonObject().getLong("version")).isEqualTo(3);
        assertThat(put("/api/v1/posts/" + id, editor, new JsonObject().put("text", "after").put("version", 3))
                .statusCode()).as("an approved post is not edited").isEqualTo(422);

        List<SocialPost> stored = dashboard.readAll(SocialTopics.POSTS).stream().filter(p -> id.equals(p.id())).toList();
        assertThat(stored).extracting(SocialPost::version).containsExactly(1L, 2L, 3L);
        assertThat(stored.get(2).text()).isEqualTo(text);
        assertThat(stored.get(2).approvedBy()).isEqualTo("post-approver");
        List<AuditEvent> audit = dashboard.readAll(AuditTopics.AUDIT).stream().filter(e -> id.equals(e.target())).toList();
        assertThat(audit).extracting(e -> e.action() + ":" + e.outcome()).contains("post.draft:ok", "post.edit:ok",
                "post.edit:invalid", "post.edit:stale", "post.approve:not_allowed", "post.approve:ok");

        // the notifier's answer shows with the post
        dashboard.produce(SocialTopics.RESULTS, id, new PostResult(id, 3, Network.X, PostOutcome.POSTED, "1866",
                "https://x.com/i/web/status/1866", 201, "{\"data\":{\"id\":\"1866\"}}", Instant.now()));
        Eventually.eventually(Duration.ofSeconds(10), () -> {
            JsonObject listed = dashboard.get("/api/v1/posts", editor).bodyAsJsonObject().getJsonArray("items")
                    .stream().map(JsonObject.class::cast).filter(p -> id.equals(p.getString("id"))).findFirst()
                    .orElseThrow();
            assertThat(listed.getJsonObject("result").getString("outcome")).isEqualTo("posted");
            assertThat(listed.getJsonObject("result").getString("url")).isEqualTo("https://x.com/i/web/status/1866");
        });
    }
}
