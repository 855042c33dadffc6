package org.warroom.dashboard.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.dashboard.access.Role;
import org.warroom.dashboard.access.Scope;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.admin.Contact;
import org.warroom.dashboard.admin.DashboardTopics;
import org.warroom.dashboard.admin.TopicWriter;
import org.warroom.dashboard.admin.UserAccount;
import org.warroom.dashboard.admin.UserDirectory;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Alert delivery end to end on a real broker, a real SMTP server (GreenMail on loopback) and local HTTP receivers
 * standing in for Twilio and webhook endpoints; escalation is driven by a clock the tests move.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifyIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ACK_SECRET = "test-ack-secret-0123456789abcdef";
    private static final String WEBHOOK_SECRET = "test-webhook-secret-0123456789ab";
    private static final String STATE_DUTY = "state-duty-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String HINDI = "भोपाल में दवाओं की भारी कमी — तुरंत कार्रवाई करें";

    private final TestClock clock = new TestClock();
    private final Map<String, Alert> published = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalKafka kafka;
    private Vertx vertx;
    private GreenMail smtp;
    private Receivers receivers;
    private HttpServer server;
    private TopicWriter writer;
    private UserDirectory users;
    private NotifyConfig config;
    private NotifyRoutes routes;
    private NotifierVerticle notifier;
    private String deploymentId;

    @BeforeAll
    void start(LocalKafka kafka) throws Exception {
        this.kafka = kafka;
        List<Topic<?, ?>> topics = new ArrayList<>(NotifyTopics.all());
        topics.addAll(List.of(ResultTopics.ALERTS, ResultTopics.ALERT_ACKS, DashboardTopics.USERS, DashboardTopics.AUDIT));
        kafka.ensure(topics);
        vertx = Vertx.vertx();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receivers = new Receivers();
        Router router = Router.router(vertx);
        // stands in for the dashboard's authentication: every API caller here is an administrator
        router.route("/api/v1/*").handler(BodyHandler.create(false)).handler(ctx -> {
            new Viewer("admin", Role.ADMIN, Scope.everywhere(true), List.of(), "csrf").attachTo(ctx);
            ctx.next();
        });
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        Map<String, String> keys = new HashMap<>();
        keys.put("kafka.bootstrap", kafka.bootstrap());
        keys.put("data.dir", Files.createTempDirectory("notify-test").toString());
        keys.put("public.url", "http://127.0.0.1:" + server.actualPort());
        keys.put("notify.ack.secret", ACK_SECRET);
        keys.put("notify.webhook.secret", WEBHOOK_SECRET);
        keys.put("notify.group", "notify-test-" + UUID.randomUUID());
        keys.put("notify.tick.interval", "0s");
        keys.put("notify.batch.window", "0s");
        keys.put("notify.retry.backoff", "20ms");
        keys.put("notify.escalation.default", "0m=responder; 30m=commander; 2h=@" + STATE_DUTY);
        keys.put("smtp.url", "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
        keys.put("smtp.from", "warroom@example.test");
        keys.put("sms.api.base", receivers.base());
        keys.put("sms.account.sid", "ACtest");
        keys.put("sms.auth.token", "twilio-token");
        keys.put("sms.from", "+15550000001");
        keys.put("whatsapp.from", "+15550000002");
        config = NotifyConfig.from(Settings.ofKeys(keys));
        writer = new TopicWriter(vertx, kafka.kafkaSettings(), Duration.ofSeconds(15));
        users = new UserDirectory(writer, (a, b) -> { });
        await(users.start(vertx, kafka.kafkaSettings(), "notify-test"));
        AuditLog audit = new AuditLog(vertx, writer, Optional.empty(), clock);
        routes = await(NotifyRoutes.mount(router, new NotifyDependencies(vertx, config, writer, users, audit,
                id -> Optional.ofNullable(published.get(id)), clock)));
        user(STATE_DUTY, Role.OPERATOR, List.of(), List.of(), new Contact(null, "+919800000000", null));
        subscribe(STATE_DUTY, List.of(), List.of("whatsapp"));
        notifier = new NotifierVerticle(config, clock);
        deploymentId = await(vertx.deployVerticle(notifier));
    }

    @AfterAll
    void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (receivers != null) {
            receivers.close();
        }
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    @DisplayName("an alert reaches the right people on the right channels and nobody else; escalation follows the clock; the link's acknowledgement stops it")
    void shouldNotifyEscalateAndStopOnAcknowledgement() throws Exception {
        String s = suffix();
        String district = "T" + s;
        String responder = "resp-" + s;
        user(responder, Role.RESPONDER, List.of(district), List.of("medicine"),
                new Contact(responder + "@example.test", "+91980" + s.substring(0, 5).replaceAll("[^0-9]", "1"), null));
        user("other-" + s, Role.RESPONDER, List.of("T2" + s), List.of(), new Contact("other-" + s + "@example.test", null, null));
        user("water-" + s, Role.RESPONDER, List.of(district), List.of("water"), new Contact("water-" + s + "@example.test", null, null));
        user("cmd-" + s, Role.COMMANDER, List.of(district), List.of(), new Contact(null, null, receivers.base() + "/hook/cmd-" + s));
        String phone = users.find(responder).orElseThrow().contact().phone();
        subscribe(responder, List.of(), List.of("email", "sms"));
        subscribe("other-" + s, List.of(), List.of("email"));
        subscribe("water-" + s, List.of(), List.of("email"));
        subscribe("cmd-" + s, List.of(), List.of("webhook"));

        Alert alert = publish(district, Severity.HIGH);
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(mailsTo(responder + "@example.test")).hasSize(1);
            assertThat(receivers.smsTo(phone)).hasSize(1);
        });
        MimeMessage mail = mailsTo(responder + "@example.test").get(0);
        String body = mail.getContent().toString();
        assertThat(body).contains(HINDI).contains("/ack/");
        assertThat(mail.getSubject()).contains("HIGH").contains("medicine");
        Receivers.Sms sms = receivers.smsTo(phone).get(0);
        assertThat(sms.account()).isEqualTo("ACtest");
        assertThat(sms.form().get("From")).isEqualTo("+15550000001");
        assertThat(sms.form().get("Body")).contains(HINDI);
        assertThat(sms.authorization()).startsWith("Basic ");

        // nobody else: another district, another category, the commander before the escalation delay
        await(notifier.tick());
        assertThat(mailsTo("other-" + s + "@example.test")).isEmpty();
        assertThat(mailsTo("water-" + s + "@example.test")).isEmpty();
        assertThat(receivers.hooksAt("/hook/cmd-" + s)).isEmpty();
        assertThat(mailsTo(responder + "@example.test")).hasSize(1);
        assertThat(receivers.smsTo(phone)).hasSize(1);

        // 30 minutes without acknowledgement: the commander is told, once, by a signed webhook
        clock.advance(Duration.ofMinutes(31));
        await(notifier.tick());
        await(notifier.tick());
        List<Receivers.Hook> hooks = receivers.hooksAt("/hook/cmd-" + s);
        assertThat(hooks).hasSize(1);
        Receivers.Hook hook = hooks.get(0);
        String timestamp = hook.headers().get("x-warroom-timestamp");
        assertThat(hook.headers().get("x-warroom-signature"))
                .isEqualTo("sha256=" + WebhookChannel.sign(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), timestamp, hook.body()));
        assertThat(Long.parseLong(timestamp)).isEqualTo(clock.instant().getEpochSecond());
        Map<?, ?> json = Json.mapper().readValue(hook.body(), Map.class);
        assertThat(json.get("step")).isEqualTo(2);
        assertThat(new String(hook.body(), StandardCharsets.UTF_8)).contains(HINDI);
        assertThat(mailsTo(responder + "@example.test")).hasSize(1);

        // the responder acknowledges from the e-mail's link
        String link = ackLink(body);
        HttpResponse<String> page = get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").doesNotContain("<script");
        HttpResponse<String> acked = postForm(link, "comment=" + java.net.URLEncoder.encode("टीम भेजी गई", StandardCharsets.UTF_8));
        assertThat(acked.statusCode()).isEqualTo(200);
        assertThat(acked.body()).contains("acknowledged");
        eventually(WAIT, () -> assertThat(await(notifier.<Boolean>inspect(n -> n.isAcknowledged(alert.id()))).booleanValue()).isTrue());

        // two hours on, the state level would be next: the acknowledgement stopped it
        clock.advance(Duration.ofHours(3));
        await(notifier.tick());
        assertThat(receivers.smsTo("whatsapp:+919800000000").stream()
                .filter(m -> m.form().get("Body").contains(HINDI) && m.form().get("Body").contains(alertLinkPart(alert)))
                .toList()).isEmpty();

        // the delivery log: who was told, on which channel, and who acknowledged
        Map<?, ?> log = Json.mapper().readValue(get(apiBase() + "/api/v1/alerts/" + enc(alert.id()) + "/deliveries").body(), Map.class);
        List<?> items = (List<?>) log.get("items");
        assertThat(items.stream().map(i -> (Map<?, ?>) i).filter(i -> "sent".equals(i.get("outcome")))
                .map(i -> i.get("user") + "/" + i.get("channel")).toList())
                .containsExactlyInAnyOrder(responder + "/email", responder + "/sms", "cmd-" + s + "/webhook");
    }

    @Test
    @DisplayName("a webhook receiver that fails twice then succeeds gets exactly one delivery, also across a restart")
    void shouldRetryWebhookUntilDeliveredExactlyOnce() throws Exception {
        String s = suffix();
        String district = "T" + s;
        String name = "hook-" + s;
        String path = "/hook/flaky-" + s;
        user(name, Role.RESPONDER, List.of(district), List.of(), new Contact(null, null, receivers.base() + path));
        subscribe(name, List.of(district), List.of("webhook"));
        receivers.failFirst(path, 2);

        Alert alert = publish(district, Severity.CRITICAL);
        eventually(WAIT, () -> {
            await(notifier.tick());
            assertThat(receivers.hooksAt(path).stream().filter(h -> h.status() == 200).toList()).hasSize(1);
        });
        await(notifier.tick());
        List<Receivers.Hook> hooks = receivers.hooksAt(path);
        assertThat(hooks).extracting(Receivers.Hook::status).containsExactly(500, 500, 200);
        assertThat(hooks).extracting(h -> h.headers().get("x-warroom-delivery")).containsOnly(hooks.get(0).headers().get("x-warroom-delivery"));

        eventually(WAIT, () -> {
            Map<?, ?> log = deliveries(alert);
            List<Map<?, ?>> items = new ArrayList<>();
            ((List<?>) log.get("items")).forEach(i -> items.add((Map<?, ?>) i));
            assertThat(items.stream().map(i -> String.valueOf(i.get("outcome"))).toList())
                    .containsExactly("sending", "failed", "failed", "sent");
            assertThat(items.get(3).get("attempts")).isEqualTo(3);
        });

        // a restarted notifier rebuilds what was sent from the delivery log and sends nothing again
        await(vertx.undeploy(deploymentId));
        notifier = new NotifierVerticle(config, clock);
        deploymentId = await(vertx.deployVerticle(notifier));
        eventually(WAIT, () -> assertThat(await(notifier.<Boolean>inspect(n -> n.knows(alert.id()))).booleanValue()).isTrue());
        await(notifier.tick());
        assertThat(receivers.hooksAt(path)).hasSize(3);
    }

    @Test
    @DisplayName("a forged, reused or expired acknowledgement token is refused")
    void shouldRefuseForgedReusedAndExpiredTokens() throws Exception {
        String s = suffix();
        String name = "tok-" + s;
        user(name, Role.RESPONDER, List.of("T" + s), List.of(), new Contact(name + "@example.test", null, null));
        Alert alert = publish("T" + s, Severity.MEDIUM);
        AckTokens tokens = new AckTokens(ACK_SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofHours(24), clock);

        String good = tokens.issue(alert.id(), name);
        String forged = good.substring(0, good.indexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(postForm(config.ackLink(forged), "comment=x").statusCode()).isEqualTo(403);
        String otherKey = new AckTokens("another-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(24), clock).issue(alert.id(), name);
        assertThat(get(config.ackLink(otherKey)).statusCode()).isEqualTo(403);

        assertThat(postForm(config.ackLink(good), "comment=ok").statusCode()).isEqualTo(200);
        HttpResponse<String> reused = postForm(config.ackLink(good), "comment=again");
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("already used");
        assertThat(get(config.ackLink(good)).statusCode()).isEqualTo(410);

        String late = tokens.issue(alert.id(), name);
        clock.advance(Duration.ofHours(25));
        HttpResponse<String> expired = postForm(config.ackLink(late), "comment=late");
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
    }

    // ------------------------------------------------------------------ helpers

    private Alert publish(String district, Severity severity) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHoursMinutes(5, 30));
        String id = "shortage-critical|" + district + "|medicine|" + now.toEpochSecond();
        Alert alert = new Alert(id, "shortage-critical", district, Commodity.MEDICINE, severity, AlertState.ACTIVE, now,
                null, null, null, district + "|medicine", 1, 0.5, 2.0, HINDI, null, now, 0);
        published.put(id, alert);
        await(writer.write(ResultTopics.ALERTS, id, alert));
        return alert;
    }

    private void user(String name, Role role, List<String> districts, List<String> categories, Contact contact) {
        UserAccount account = new UserAccount(name, "$argon2id$unused", role.wire(), districts, categories, contact,
                false, clock.instant(), clock.instant(), "test");
        await(users.save(account));
    }

    private void subscribe(String user, List<String> districts, List<String> channels) throws Exception {
        String body = Json.mapper().writeValueAsString(Map.of("user", user, "districts", districts,
                "categories", List.of(), "severities", List.of(), "channels", channels));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(apiBase() + "/api/v1/subscriptions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private Map<?, ?> deliveries(Alert alert) {
        try {
            return Json.mapper().readValue(get(apiBase() + "/api/v1/alerts/" + enc(alert.id()) + "/deliveries").body(),
                    Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ackLink(String text) {
        Matcher m = Pattern.compile("(http://\\S+/ack/\\S+)").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String alertLinkPart(Alert alert) {
        return alert.district();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String url, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String apiBase() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
