package org.warroom.dashboard.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.security.PasswordHasher;
import org.warroom.vertxkafka.UserDirectory;

/**
 * Administration (administrators only, every change audited before it is made): users
 * ({@code GET/POST /api/v1/admin/users}) and ingest API keys ({@code GET/POST /api/v1/admin/keys},
 * {@code DELETE /api/v1/admin/keys/{keyId}}); a new key is answered once and stored only as its hash.
 */
public final class AdminApi {
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final List<String> FEEDS = List.of("calls", "messages", "reports", "workers");

    private final Vertx vertx;
    private final UserDirectory users;
    private final KeyDirectory keys;
    private final UserRequests requests;
    private final DistrictDirectory districts;
    private final AuditLog audit;
    private final Clock clock;

    public AdminApi(Vertx vertx, UserDirectory users, KeyDirectory keys, DistrictDirectory districts,
                    StateDirectory states, AuditLog audit, Clock clock) {
        this.vertx = vertx;
        this.users = users;
        this.keys = keys;
        this.requests = new UserRequests(districts, states);
        this.districts = districts;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ users

    public void handleListUsers(RoutingContext ctx) {
        Answers.items(ctx, users.all().stream().map(UserAccount::publicView).toList());
    }

    public void handleGetUser(RoutingContext ctx) {
        UserAccount user = users.find(ctx.pathParam("username"))
                .orElseThrow(() -> ApiError.notFound("no user " + ctx.pathParam("username")));
        Answers.ok(ctx, user.publicView());
    }

    public void handleSaveUser(RoutingContext ctx) {
        Viewer admin = Viewer.of(ctx);
        JsonObject body = Answers.body(ctx);
        String name = body.getValue("username") instanceof String s ? s : null;
        Optional<UserAccount> existing = users.find(name);
        UserRequests.Change change = requests.parse(body, existing, admin.username(), clock.instant());
        UserAccount next = change.account();
        if (existing.isPresent() && next.username().equals(admin.username())) {
            if (next.roleEnum() != Role.ADMIN) {
                throw ApiError.invalid("role", "you cannot take the administrator role from yourself");
            }
            if (next.disabled()) {
                throw ApiError.invalid("disabled", "you cannot disable yourself");
            }
        }
        boolean wasActiveAdmin = existing.map(u -> "admin".equals(u.role()) && !u.disabled()).orElse(false);
        boolean staysActiveAdmin = next.roleEnum() == Role.ADMIN && !next.disabled();
        if (wasActiveAdmin && !staysActiveAdmin && users.admins() <= 1) {
            throw ApiError.invalid("role", "this is the last active administrator");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("role", next.role());
        details.put("districts", String.join(",", next.districts()));
        details.put("categories", String.join(",", next.categories()));
        if (!next.departments().isEmpty()) {
            details.put("departments", String.join(",", next.departments()));
        }
        details.put("disabled", Boolean.toString(next.disabled()));
        details.put("passwordChanged", Boolean.toString(change.newPassword().isPresent()));
        String action = change.created() ? "user.create" : "user.update";
        Future<UserAccount> hashed = change.newPassword().isEmpty() ? Future.succeededFuture(next)
                : vertx.executeBlocking(() -> withHash(next, PasswordHasher.hash(change.newPassword().get())));
        hashed.compose(account -> audit.record(admin.username(), "admin", action, account.username(), null, "ok",
                                Answers.address(ctx), details)
                        .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was changed")))
                        .compose(v -> users.save(account)))
                .onSuccess(saved -> Answers.json(ctx, change.created() ? 201 : 200, saved.publicView()))
                .onFailure(e -> Answers.fail(ctx, e instanceof ApiError ? e
                        : ApiError.unavailable("the user could not be stored: " + e.getMessage())));
    }

    private static UserAccount withHash(UserAccount a, String hash) {
        return a.withPasswordHash(hash);
    }

    // ------------------------------------------------------------------ keys

    public void handleListKeys(RoutingContext ctx) {
        Answers.items(ctx, keys.all().stream().map(AdminApi::keyView).toList());
    }

    public void handleCreateKey(RoutingContext ctx) {
        Viewer admin = Viewer.of(ctx);
        JsonObject body = Answers.body(ctx);
        String source = Answers.string(body, "source", 64);
        if (source == null || source.isBlank()) {
            throw ApiError.invalid("source", "is required: who sends with this key (e.g. bhopal-control-room)");
        }
        if (!SOURCE.matcher(source).matches()) {
            throw ApiError.invalid("source", "use lower-case letters, digits, '.', '_' or '-' (at most 64)");
        }
        List<String> feeds = Answers.strings(body, "feeds", 4);
        for (int i = 0; i < feeds.size(); i++) {
            if (!FEEDS.contains(feeds.get(i))) {
                throw ApiError.invalid("feeds[" + i + "]", "unknown feed '" + feeds.get(i) + "'; allowed: " + FEEDS);
            }
        }
        List<String> given = Answers.strings(body, "districts", 1000);
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            int index = i;
            codes.add(districts.byCode(given.get(i)).map(d -> d.code()).orElseThrow(() -> ApiError.invalid(
                    "districts[" + index + "]", "unknown LGD district code '" + given.get(index) + "'")));
        }
        IngestKeys.NewKey key = IngestKeys.generate();
        Instant now = clock.instant();
        ApiKeyGrant grant = new ApiKeyGrant(key.keyId(), source, IngestKeys.sha256(key.key()),
                List.copyOf(new LinkedHashSet<>(feeds)), List.copyOf(codes), now, admin.username(), null);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("source", source);
        details.put("feeds", String.join(",", grant.feeds()));
        details.put("districts", String.join(",", grant.districts()));
        audit.record(admin.username(), "admin", "key.create", key.keyId(), null, "ok", Answers.address(ctx), details)
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; no key was made")))
                .compose(v -> keys.save(grant))
                .onSuccess(saved -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("key", key.key());
                    answer.putAll(keyView(saved));
                    answer.put("note", "this key is shown once; only its hash is stored");
                    Answers.json(ctx, 201, answer);
                })
                .onFailure(e -> Answers.fail(ctx, e instanceof ApiError ? e
                        : ApiError.unavailable("the key could not be stored: " + e.getMessage())));
    }

    public void handleRevokeKey(RoutingContext ctx) {
        Viewer admin = Viewer.of(ctx);
        String keyId = ctx.pathParam("keyId");
        ApiKeyGrant grant = keys.find(keyId).orElseThrow(() -> ApiError.notFound("no key " + keyId));
        if (grant.revokedAt() != null) {
            Answers.ok(ctx, keyView(grant));
            return;
        }
        ApiKeyGrant revoked = new ApiKeyGrant(grant.keyId(), grant.source(), grant.sha256(), grant.feeds(),
                grant.districts(), grant.createdAt(), grant.createdBy(), clock.instant());
        audit.record(admin.username(), "admin", "key.revoke", keyId, null, "ok", Answers.address(ctx), Map.of("source", grant.source()))
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; the key was not revoked")))
                .compose(v -> keys.save(revoked))
                .onSuccess(saved -> Answers.ok(ctx, keyView(saved)))
                .onFailure(e -> Answers.fail(ctx, e instanceof ApiError ? e
                        : ApiError.unavailable("the revocation could not be stored: " + e.getMessage())));
    }

    // ------------------------------------------------------------------ audit

    /** {@code GET /api/v1/audit?from=&to=&user=&action=&offset=&size=}: the audit log from Elasticsearch, newest first. */
    public void handleAudit(RoutingContext ctx) {
        Instant from = instant(ctx, "from");
        Instant to = instant(ctx, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiError.invalid("from", "must be before 'to'");
        }
        String user = ctx.request().getParam("user");
        String action = ctx.request().getParam("action");
        int offset = number(ctx, "offset", 0, 0, 10_000);
        int size = number(ctx, "size", 100, 1, 500);
        org.warroom.elastic.AuditLog search = audit.search()
                .orElseThrow(() -> ApiError.unavailable("the audit search is not configured"));
        vertx.executeBlocking(() -> search.find(from, to, user, action, offset, size), false)
                .onSuccess(page -> Answers.ok(ctx, Map.of("total", page.total(), "items", page.items())))
                .onFailure(e -> Answers.fail(ctx, ApiError.unavailable(
                        "the audit log cannot be searched now (Elasticsearch); every event is kept in Kafka")));
    }

    private static Instant instant(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(v.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.invalid(name, "must be an ISO-8601 time with offset, e.g. 2026-04-01T18:13:00+05:30");
        }
    }

    private static int number(RoutingContext ctx, String name, int fallback, int min, int max) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw ApiError.invalid(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name, "must be a whole number");
        }
    }

    /** A grant as administrators see it: never the hash. */
    static Map<String, Object> keyView(ApiKeyGrant g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("keyId", g.keyId());
        v.put("source", g.source());
        v.put("feeds", g.feeds());
        v.put("districts", g.districts());
        v.put("createdAt", g.createdAt());
        v.put("createdBy", g.createdBy());
        v.put("revoked", g.revokedAt() != null);
        if (g.revokedAt() != null) {
            v.put("revokedAt", g.revokedAt());
        }
        return v;
    }
}
