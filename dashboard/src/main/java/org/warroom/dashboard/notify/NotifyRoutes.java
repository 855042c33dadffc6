package org.warroom.dashboard.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.notify.AckTokens;
import org.warroom.contracts.notify.AlertCategories;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.contracts.notify.Delivery;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.notify.QuietHours;
import org.warroom.contracts.notify.Subscription;
import org.warroom.contracts.notify.TokenUse;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertAck;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.vertxkafka.CompactedReader;

/**
 * Alert delivery's routes in the dashboard server:
 * <ul>
 *   <li>{@code GET /api/v1/subscriptions} (own; an administrator all, or {@code ?user=}) and
 *       {@code POST /api/v1/subscriptions} {@code {"user"?, "districts", "categories", "severities", "channels",
 *       "quietHours"?: {"from": "22:00", "to": "07:00", "zone"?}}} (a user for themselves, an administrator for
 *       anyone; audited as {@code subscription.update});</li>
 *   <li>{@code DELETE /api/v1/subscriptions/{user}}: removes the subscription (a tombstone on
 *       {@code warroom.subscriptions}; the person is no longer notified), a user their own, an administrator
 *       anyone's; 404 when there is none; audited as {@code subscription.delete};</li>
 *   <li>{@code GET /api/v1/alerts/{id}/deliveries}: every delivery attempt of the alert, and who acknowledged it;</li>
 *   <li>{@code GET /ack/{token}} the acknowledge page (no script; works with a plain form POST) and
 *       {@code POST /ack/{token}} (form field {@code comment}): a signed, single-use, expiring token; the
 *       acknowledgement is audited ({@code alert.ack}, {@code via=link}) then written to {@code warroom.alert-acks}
 *       as the token's user.</li>
 * </ul>
 * Mount after the dashboard's authentication and body handlers for {@code /api/v1/*}; {@code /ack/*} needs no
 * session (the token is the credential).
 */
public final class NotifyRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyRoutes.class);
    private static final int MAX_COMMENT = 1000;
    private static final int MAX_LIST = 1000;
    private static final String TEMPLATE = resource("notify/ack.html");
    private static final String CSS = resource("notify/ack.css");

    private final NotifyDependencies deps;
    private final AckTokens tokens;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, List<Delivery>> deliveries = new ConcurrentHashMap<>();
    private final Set<String> usedTokens = ConcurrentHashMap.newKeySet();
    private final List<CompactedReader> readers = new ArrayList<>();
    private volatile boolean loaded;

    private NotifyRoutes(NotifyDependencies deps) {
        this.deps = deps;
        this.tokens = deps.ack().tokens(deps.clock());
    }

    /**
     * Declares the routes on {@code router} and starts reading subscriptions, the delivery log and used tokens; the
     * future completes once they are loaded (until then the routes answer 503). The topics must exist
     * ({@link NotifyTopics#all()}, created by the caller with the others).
     */
    public static Future<NotifyRoutes> mount(Router router, NotifyDependencies deps) {
        NotifyRoutes routes = new NotifyRoutes(deps);
        BodyHandler form = BodyHandler.create(false).setBodyLimit(8 * 1024);
        router.get("/api/v1/subscriptions").handler(routes::handleListSubscriptions);
        router.post("/api/v1/subscriptions").handler(routes::handleSaveSubscription);
        router.delete("/api/v1/subscriptions/:user").handler(routes::handleRemoveSubscription);
        router.get("/api/v1/alerts/:id/deliveries").handler(routes::handleDeliveries);
        router.get("/ack/assets/ack.css").handler(routes::handleCss);
        router.get("/ack/:token").handler(routes::handleAckPage);
        router.post("/ack/:token").handler(form).handler(routes::handleAck);
        return routes.start().map(routes);
    }

    private Future<Void> start() {
        String instance = UUID.randomUUID().toString().substring(0, 8);
        CompactedReader subs = new CompactedReader(deps.vertx(), deps.kafka(),
                "warroom-dashboard-subscriptions-" + instance, List.of(NotifyTopics.SUBSCRIPTIONS.name()),
                (topic, key, value, p, o) -> {
                    Subscription s = NotifyTopics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(topic, value);
                    if (s == null) {
                        subscriptions.remove(key);
                    } else {
                        subscriptions.put(key, s);
                    }
                });
        CompactedReader log = new CompactedReader(deps.vertx(), deps.kafka(),
                "warroom-dashboard-deliveries-" + instance, List.of(NotifyTopics.DELIVERIES.name()),
                (topic, key, value, p, o) -> {
                    if (value != null) {
                        Delivery d = NotifyTopics.DELIVERIES.valueSerde().deserializer().deserialize(topic, value);
                        deliveries.computeIfAbsent(d.alertId(), k -> java.util.Collections.synchronizedList(
                                new ArrayList<>())).add(d);
                    }
                });
        CompactedReader used = new CompactedReader(deps.vertx(), deps.kafka(),
                "warroom-dashboard-token-uses-" + instance, List.of(NotifyTopics.TOKEN_USES.name()),
                (topic, key, value, p, o) -> {
                    if (value != null) {
                        usedTokens.add(key);
                    }
                });
        readers.addAll(List.of(subs, log, used));
        return Future.all(subs.start(), log.start(), used.start()).onSuccess(v -> loaded = true).mapEmpty();
    }

    public Future<Void> close() {
        return Future.join(readers.stream().map(CompactedReader::close).toList()).mapEmpty();
    }

    private void requireLoaded() {
        if (!loaded) {
            throw ApiError.unavailable("subscriptions and deliveries are still loading; try again");
        }
    }

    // ------------------------------------------------------------------ subscriptions

    private void handleListSubscriptions(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        requireLoaded();
        String user = ctx.request().getParam("user");
        if (user != null && !user.equals(viewer.username()) && !viewer.isAdmin()) {
            throw ApiError.forbidden("only administrators see other people's subscriptions");
        }
        List<Subscription> items = subscriptions.values().stream()
                .filter(s -> user != null ? s.user().equals(user) : viewer.isAdmin() || s.user().equals(viewer.username()))
                .sorted(Comparator.comparing(Subscription::user))
                .toList();
        Answers.items(ctx, items);
    }

    private void handleSaveSubscription(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        requireLoaded();
        JsonObject body = Answers.body(ctx);
        String user = Answers.string(body, "user", 100);
        if (user == null) {
            user = viewer.username();
        }
        if (!user.equals(viewer.username()) && !viewer.isAdmin()) {
            throw ApiError.forbidden("only administrators manage other people's subscriptions");
        }
        String username = user;
        UserAccount account = deps.users().find(user)
                .orElseThrow(() -> ApiError.notFound("no user " + username));
        Role role = account.roleEnum();
        List<String> districts = strings(body, "districts");
        if (role == Role.COMMANDER || role == Role.RESPONDER) {
            for (String d : districts) {
                if (!account.districts().contains(d)) {
                    throw ApiError.invalid("districts", "district " + d + " is outside " + user + "'s districts");
                }
            }
        }
        List<String> categories = strings(body, "categories").stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        List<Severity> severities = new ArrayList<>();
        for (String s : strings(body, "severities")) {
            try {
                severities.add(Severity.fromWire(s));
            } catch (IllegalArgumentException e) {
                throw ApiError.invalid("severities", e.getMessage());
            }
        }
        List<ChannelKind> channels = new ArrayList<>();
        for (String c : strings(body, "channels")) {
            ChannelKind kind = ChannelKind.parse(c).orElseThrow(() -> ApiError.invalid("channels",
                    "unknown channel '" + c + "', allowed: email, sms, whatsapp, webhook"));
            if (kind.addressIn(account.contact()) == null) {
                throw ApiError.invalid("channels", user + " has no " + (kind == ChannelKind.EMAIL ? "e-mail address"
                        : kind == ChannelKind.WEBHOOK ? "webhook URL" : "phone number") + " for " + kind.wire());
            }
            if (!channels.contains(kind)) {
                channels.add(kind);
            }
        }
        QuietHours quiet = quietHours(body.getValue("quietHours"));
        Subscription subscription = new Subscription(user, districts, categories, severities, channels, quiet,
                deps.clock().instant(), viewer.username());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("channels", channels.stream().map(ChannelKind::wire).toList().toString());
        details.put("districts", districts.toString());
        deps.audit().record(viewer.username(), viewer.role().wire(), "subscription.update", user, null, "ok",
                        ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress(), details)
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was saved")))
                .compose(v -> deps.writer().write(NotifyTopics.SUBSCRIPTIONS, username, subscription)
                        .recover(e -> Future.failedFuture(ApiError.unavailable("Kafka is unavailable; try again"))))
                .onSuccess(meta -> {
                    subscriptions.put(username, subscription);
                    Answers.ok(ctx, subscription);
                })
                .onFailure(e -> Answers.fail(ctx, e));
    }

    private void handleRemoveSubscription(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        requireLoaded();
        String user = ctx.pathParam("user");
        if (!user.equals(viewer.username()) && !viewer.isAdmin()) {
            throw ApiError.forbidden("only administrators remove other people's subscriptions");
        }
        Subscription removed = subscriptions.get(user);
        if (removed == null) {
            throw ApiError.notFound("no subscription for " + user);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("channels", removed.channels().stream().map(ChannelKind::wire).toList().toString());
        details.put("districts", removed.districts().toString());
        deps.audit().record(viewer.username(), viewer.role().wire(), "subscription.delete", user, null, "ok",
                        ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress(), details)
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was removed")))
                .compose(v -> deps.writer().write(NotifyTopics.SUBSCRIPTIONS, user, (Subscription) null)
                        .recover(e -> Future.failedFuture(ApiError.unavailable("Kafka is unavailable; try again"))))
                .onSuccess(meta -> {
                    subscriptions.remove(user);
                    Answers.ok(ctx, Map.of("user", user, "removed", true));
                })
                .onFailure(e -> Answers.fail(ctx, e));
    }

    private static List<String> strings(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > MAX_LIST) {
            throw ApiError.invalid(field, "must be a list of at most " + MAX_LIST + " strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : array) {
            if (!(o instanceof String s) || s.isBlank() || s.length() > 100) {
                throw ApiError.invalid(field, "must hold non-empty strings");
            }
            if (!out.contains(s.strip())) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static QuietHours quietHours(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject q)) {
            throw ApiError.invalid("quietHours", "must be {\"from\": \"22:00\", \"to\": \"07:00\", \"zone\"?}");
        }
        try {
            return new QuietHours(LocalTime.parse(q.getString("from")), LocalTime.parse(q.getString("to")),
                    q.getString("zone"));
        } catch (NullPointerException | ClassCastException | java.time.DateTimeException e) {
            throw ApiError.invalid("quietHours", "from and to must be times such as 22:00; zone a zone such as Asia/Kolkata");
        }
    }

    // ------------------------------------------------------------------ delivery log

    private void handleDeliveries(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        requireLoaded();
        String id = ctx.pathParam("id");
        Optional<Alert> alert = deps.alerts().apply(id);
        List<Delivery> log;
        synchronized (deliveries.getOrDefault(id, List.of())) {
            log = List.copyOf(deliveries.getOrDefault(id, List.of()));
        }
        if (alert.isEmpty() && log.isEmpty()) {
            throw ApiError.notFound("no alert with id " + id);
        }
        String district = alert.map(Alert::district).orElse(log.isEmpty() ? null : log.get(0).district());
        Set<String> categories = alert.map(AlertCategories::of).orElse(Set.of());
        if (!Visibility.sees(viewer, district, categories)) {
            throw ApiError.forbidden("this alert is outside your districts or categories");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("alert", id);
        alert.ifPresent(a -> {
            answer.put("state", a.state());
            answer.put("ackBy", a.ackBy());
            answer.put("ackAt", a.ackAt());
        });
        answer.put("items", log.stream().sorted(Comparator.comparing(Delivery::at)).toList());
        Answers.ok(ctx, answer);
    }

    // ------------------------------------------------------------------ acknowledge from the message

    private void handleCss(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/css; charset=utf-8")
                .putHeader("Cache-Control", "public, max-age=3600").end(CSS);
    }

    private void handleAckPage(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        AckTokens.Result result = tokens.check(token);
        if (!result.ok() || usedTokens.contains(result.claim().get().tokenId())) {
            refused(ctx, result.refusal().orElse(AckTokens.Refusal.USED));
            return;
        }
        AckTokens.Claim claim = result.claim().get();
        Optional<Alert> alert = deps.alerts().apply(claim.alertId());
        StringBuilder body = new StringBuilder();
        body.append("<dl>");
        alert.ifPresentOrElse(a -> {
            body.append(row("Severity", "<span class=\"severity-" + a.severity().wire() + "\">"
                    + escape(a.severity().wire().toUpperCase(Locale.ROOT)) + "</span>"));
            body.append(row("Alert", escape(a.message() == null ? a.rule() : a.message())));
            body.append(row("District", escape(a.district() == null ? "state-wide" : a.district())));
            if (a.raisedAt() != null) {
                body.append(row("Raised", escape(a.raisedAt().toString())));
            }
        }, () -> body.append(row("Alert", escape(claim.alertId()))));
        body.append(row("You", escape(claim.user()))).append("</dl>");
        if (alert.isPresent() && alert.get().state() != AlertState.ACTIVE) {
            Alert a = alert.get();
            body.append("<p class=\"notice\">").append(a.state() == AlertState.CLEARED ? "This alert has cleared."
                    : "Already acknowledged by " + escape(a.ackBy()) + ".").append("</p>");
            page(ctx, 200, "Alert " + a.state().wire(), body.toString());
            return;
        }
        body.append("<form method=\"post\" action=\"/ack/").append(escape(token)).append("\">")
                .append("<label for=\"comment\">Comment / टिप्पणी (optional)</label>")
                .append("<textarea id=\"comment\" name=\"comment\" maxlength=\"").append(MAX_COMMENT)
                .append("\"></textarea>")
                .append("<button type=\"submit\">Acknowledge / स्वीकार करें</button></form>");
        page(ctx, 200, "Acknowledge alert", body.toString());
    }

    private void handleAck(RoutingContext ctx) {
        String token = ctx.pathParam("token");
        AckTokens.Result result = tokens.check(token);
        String address = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        if (!result.ok() || usedTokens.contains(result.claim().get().tokenId())) {
            AckTokens.Refusal why = result.refusal().orElse(AckTokens.Refusal.USED);
            String actor = result.claim().map(AckTokens.Claim::user).orElse("anonymous");
            String target = result.claim().map(AckTokens.Claim::alertId).orElse(null);
            deps.audit().record(actor, null, "alert.ack", target, null, "refused: " + why.name().toLowerCase(Locale.ROOT)
                    + " link", address, Map.of("via", "link"))
                    .onComplete(ar -> refused(ctx, why));
            return;
        }
        AckTokens.Claim claim = result.claim().get();
        String comment = ctx.request().getFormAttribute("comment");
        if (comment != null) {
            comment = comment.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
            if (comment.length() > MAX_COMMENT) {
                comment = comment.substring(0, MAX_COMMENT);
            }
            if (comment.isEmpty()) {
                comment = null;
            }
        }
        Optional<UserAccount> account = deps.users().find(claim.user());
        if (account.isEmpty() || account.get().disabled()) {
            refused(ctx, AckTokens.Refusal.FORGED);
            return;
        }
        Optional<Alert> alert = deps.alerts().apply(claim.alertId());
        if (alert.isPresent() && alert.get().state() != AlertState.ACTIVE) {
            page(ctx, 409, "Nothing to acknowledge", "<p class=\"notice\">" + (alert.get().state() == AlertState.CLEARED
                    ? "This alert has cleared." : "Already acknowledged by " + escape(alert.get().ackBy()) + ".")
                    + "</p>");
            return;
        }
        Instant now = deps.clock().instant();
        AlertAck ack = new AlertAck(claim.alertId(), claim.user(), OffsetDateTime.ofInstant(now, ZoneId.of("Asia/Kolkata")),
                comment);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("via", "link");
        alert.ifPresent(a -> details.put("rule", a.rule()));
        if (comment != null) {
            details.put("comment", comment);
        }
        String district = alert.map(Alert::district).orElse(null);
        usedTokens.add(claim.tokenId());
        deps.writer().write(NotifyTopics.TOKEN_USES, claim.tokenId(), new TokenUse(claim.tokenId(), claim.alertId(),
                        claim.user(), now))
                .compose(v -> deps.audit().record(claim.user(), account.get().role(), "alert.ack", claim.alertId(),
                        district, "ok", address, details))
                .compose(v -> deps.writer().write(ResultTopics.ALERT_ACKS, claim.alertId(), ack))
                .onSuccess(v -> page(ctx, 200, "Acknowledged", "<p class=\"notice\">Thank you, "
                        + escape(claim.user()) + ". The alert is acknowledged; escalation stops.</p>"))
                .onFailure(e -> {
                    LOG.error("acknowledgement of {} by {} through a link failed: {}", claim.alertId(), claim.user(),
                            e.toString());
                    usedTokens.remove(claim.tokenId());
                    page(ctx, 503, "Try again", "<p class=\"notice refused\">The acknowledgement could not be saved. "
                            + "Please try again in a minute.</p>");
                });
    }

    private void refused(RoutingContext ctx, AckTokens.Refusal why) {
        String reason = switch (why) {
            case FORGED -> "This link is not valid.";
            case EXPIRED -> "This link has expired. Acknowledge on the dashboard instead.";
            case USED -> "This link was already used.";
        };
        page(ctx, why == AckTokens.Refusal.FORGED ? 403 : 410, "Link refused",
                "<p class=\"notice refused\">" + reason + "</p>");
    }

    private static void page(RoutingContext ctx, int status, String title, String body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(TEMPLATE.replace("{{title}}", escape(title)).replace("{{body}}", body));
    }

    private static String row(String name, String valueHtml) {
        return "<dt>" + escape(name) + "</dt><dd>" + valueHtml + "</dd>";
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = NotifyRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
