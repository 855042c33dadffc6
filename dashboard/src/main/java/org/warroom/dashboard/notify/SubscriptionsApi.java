package org.warroom.dashboard.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.notify.QuietHours;
import org.warroom.contracts.notify.Subscription;
import org.warroom.contracts.result.Severity;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.notify.store.NotifyStore;

/**
 * Who is notified of what:
 * <ul>
 *   <li>{@code GET /api/v1/subscriptions} (own; an administrator all, or {@code ?user=});</li>
 *   <li>{@code POST /api/v1/subscriptions} {@code {"user"?, "districts", "categories", "severities", "channels",
 *       "quietHours"?: {"from": "22:00", "to": "07:00", "zone"?}}} (a user for themselves, an administrator for
 *       anyone; audited as {@code subscription.update}, then written to {@code warroom.subscriptions});</li>
 *   <li>{@code DELETE /api/v1/subscriptions/{user}}: a tombstone (audited as {@code subscription.delete}); 404 when
 *       there is none.</li>
 * </ul>
 */
final class SubscriptionsApi {
    private static final int MAX_LIST = 1000;

    private final NotifyDependencies deps;
    private final NotifyStore store;

    SubscriptionsApi(NotifyDependencies deps, NotifyStore store) {
        this.deps = deps;
        this.store = store;
    }

    void handleList(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        StillLoading.refuse(store);
        String user = ctx.request().getParam("user");
        if (user != null && !user.equals(viewer.username()) && !viewer.isAdmin()) {
            throw ApiError.forbidden("only administrators see other people's subscriptions");
        }
        List<Subscription> items = store.subscriptions().stream()
                .filter(s -> user != null ? s.user().equals(user) : viewer.isAdmin() || s.user().equals(viewer.username()))
                .sorted(Comparator.comparing(Subscription::user))
                .toList();
        Answers.items(ctx, items);
    }

    void handleSave(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        StillLoading.refuse(store);
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
        deps.audit().record(viewer.username(), viewer.role().wire(), "subscription.update", user, null, "ok",
                        address(ctx), details(subscription))
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was saved")))
                .compose(v -> deps.writer().write(NotifyTopics.SUBSCRIPTIONS, username, subscription)
                        .recover(e -> Future.failedFuture(ApiError.unavailable("Kafka is unavailable; try again"))))
                .onSuccess(meta -> {
                    store.saved(username, subscription);
                    Answers.ok(ctx, subscription);
                })
                .onFailure(e -> Answers.fail(ctx, e));
    }

    void handleRemove(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        StillLoading.refuse(store);
        String user = ctx.pathParam("user");
        if (!user.equals(viewer.username()) && !viewer.isAdmin()) {
            throw ApiError.forbidden("only administrators remove other people's subscriptions");
        }
        Subscription removed = store.subscription(user)
                .orElseThrow(() -> ApiError.notFound("no subscription for " + user));
        deps.audit().record(viewer.username(), viewer.role().wire(), "subscription.delete", user, null, "ok",
                        address(ctx), details(removed))
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was removed")))
                .compose(v -> deps.writer().write(NotifyTopics.SUBSCRIPTIONS, user, (Subscription) null)
                        .recover(e -> Future.failedFuture(ApiError.unavailable("Kafka is unavailable; try again"))))
                .onSuccess(meta -> {
                    store.removed(user);
                    Answers.ok(ctx, Map.of("user", user, "removed", true));
                })
                .onFailure(e -> Answers.fail(ctx, e));
    }

    /** What the audit log records of a subscription: its channels and districts. */
    private static Map<String, String> details(Subscription s) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("channels", s.channels().stream().map(ChannelKind::wire).toList().toString());
        details.put("districts", s.districts().toString());
        return details;
    }

    private static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
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
        } catch (NullPointerException | ClassCastException | DateTimeException e) {
            throw ApiError.invalid("quietHours", "from and to must be times such as 22:00; zone a zone such as Asia/Kolkata");
        }
    }
}
