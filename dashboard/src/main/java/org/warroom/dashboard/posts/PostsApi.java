package org.warroom.dashboard.posts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.warroom.contracts.social.Network;
import org.warroom.contracts.social.PostLength;
import org.warroom.contracts.social.PostLifecycle;
import org.warroom.contracts.social.PostLimits;
import org.warroom.contracts.social.PostRefused;
import org.warroom.contracts.social.SocialPost;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.bulletin.BulletinCache;
import org.warroom.dashboard.bulletin.BulletinSnapshot;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;

/**
 * Social-media posts (docs/BULLETIN.md, "Social-media posts"), operators and administrators only (403 otherwise):
 * <ul>
 *   <li>{@code GET /api/v1/posts}: {@code {items: [post + length, limit, result?], providers: {mastodon|x:
 *       {configured, limit}}}}, newest first;</li>
 *   <li>{@code POST /api/v1/posts}: drafts from the public bulletin's current snapshot, one per network and
 *       language → 201 {@code {items}} (503 while there is no snapshot yet);</li>
 *   <li>{@code PUT /api/v1/posts/{id}} {@code {text, version}} → 200 the post; 400 naming the field (empty, too
 *       long as the network counts it, no version), 409 stale version, 422 not a draft;</li>
 *   <li>{@code POST /api/v1/posts/{id}/approve} {@code {version}} → 200; 409 stale; 422 not a draft, the last
 *       editor approving, or no provider configured for the network (drafts stay drafts).</li>
 * </ul>
 * Every write audited ({@code post.draft}, {@code post.edit}, {@code post.approve}; refusals too).
 */
public final class PostsApi {
    private final PostBook book;
    private final PostDrafter drafter;
    private final PostLifecycle lifecycle;
    private final PostLimits limits;
    private final BulletinCache bulletin;
    private final AuditLog audit;
    private final Clock clock;

    public PostsApi(PostBook book, PostDrafter drafter, PostLifecycle lifecycle, PostLimits limits,
                    BulletinCache bulletin, AuditLog audit, Clock clock) {
        this.book = book;
        this.drafter = drafter;
        this.lifecycle = lifecycle;
        this.limits = limits;
        this.bulletin = bulletin;
        this.audit = audit;
        this.clock = clock;
    }

    private static Viewer lead(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (!PostAccess.may(viewer)) {
            throw ApiError.forbidden("social-media posts are the state war room's: operators and administrators");
        }
        return viewer;
    }

    public void handleList(RoutingContext ctx) {
        lead(ctx);
        List<Map<String, Object>> items = book.posts().stream()
                .sorted(Comparator.comparing(SocialPost::draftedAt).reversed().thenComparing(SocialPost::id))
                .limit(200).map(this::view).toList();
        Map<String, Object> providers = new LinkedHashMap<>();
        for (Network n : Network.values()) {
            providers.put(n.wire(), Map.of("configured", book.configured(n), "limit", limits.of(n)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("providers", providers);
        Answers.ok(ctx, answer);
    }

    public void handleDraft(RoutingContext ctx) {
        Viewer viewer = lead(ctx);
        BulletinSnapshot snapshot = bulletin.current().orElseThrow(() -> ApiError.unavailable(
                "the public bulletin has no snapshot yet; try again in a moment"));
        Instant now = clock.instant();
        List<SocialPost> drafts = new ArrayList<>();
        for (PostDrafter.Draft d : drafter.draft(snapshot.text())) {
            drafts.add(lifecycle.draft(PostBook.newId(), d.network(), d.language().code(), d.text(),
                    snapshot.builtAt(), viewer.username(), now));
        }
        book.draft(drafts, p -> audit(ctx, viewer, "post.draft", p, "ok"))
                .onSuccess(stored -> Answers.json(ctx, 201, Map.of("items", stored.stream().map(this::view).toList())))
                .onFailure(e -> Answers.fail(ctx, unavailable(e)));
    }

    public void handleEdit(RoutingContext ctx) {
        Viewer viewer = lead(ctx);
        SocialPost current = find(ctx.pathParam("id"));
        JsonObject body = Answers.body(ctx);
        long version = version(body);
        String text = Answers.string(body, "text", 10_000);
        answer(ctx, viewer, "post.edit", current, book.edit(current, version, text, viewer.username(),
                clock.instant(), p -> audit(ctx, viewer, "post.edit", p, "ok")));
    }

    public void handleApprove(RoutingContext ctx) {
        Viewer viewer = lead(ctx);
        SocialPost current = find(ctx.pathParam("id"));
        long version = version(Answers.body(ctx));
        answer(ctx, viewer, "post.approve", current, book.approve(current, version, viewer.username(),
                clock.instant(), p -> audit(ctx, viewer, "post.approve", p, "ok")));
    }

    private void answer(RoutingContext ctx, Viewer viewer, String action, SocialPost asked, Future<SocialPost> step) {
        step.onSuccess(p -> Answers.ok(ctx, view(p))).onFailure(e -> {
            if (e instanceof PostRefused refused) {
                int status = switch (refused.reason()) {
                    case INVALID -> 400;
                    case STALE -> 409;
                    case NOT_ALLOWED -> 422;
                };
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("error", switch (refused.reason()) {
                    case INVALID -> "invalid";
                    case STALE -> "conflict";
                    case NOT_ALLOWED -> "not allowed";
                });
                answer.put("field", refused.field());
                answer.put("reason", refused.getMessage());
                answer.put("post", view(refused.current()));
                audit(ctx, viewer, action, asked, refused.reason().name().toLowerCase(Locale.ROOT))
                        .onComplete(ar -> Answers.json(ctx, status, answer));
            } else {
                Answers.fail(ctx, unavailable(e));
            }
        });
    }

    private Map<String, Object> view(SocialPost p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("version", p.version());
        m.put("network", p.network().wire());
        m.put("language", p.language());
        m.put("state", p.state().wire());
        m.put("text", p.text());
        m.put("length", PostLength.count(p.network(), p.text()));
        m.put("limit", limits.of(p.network()));
        m.put("bulletinAt", p.bulletinAt());
        m.put("draftedBy", p.draftedBy());
        m.put("draftedAt", p.draftedAt());
        if (p.editedBy() != null) {
            m.put("editedBy", p.editedBy());
            m.put("editedAt", p.editedAt());
        }
        if (p.approvedBy() != null) {
            m.put("approvedBy", p.approvedBy());
            m.put("approvedAt", p.approvedAt());
        }
        book.result(p.id()).filter(r -> r.postVersion() == p.version()).ifPresent(r -> m.put("result", r));
        return m;
    }

    private SocialPost find(String id) {
        return book.post(id).orElseThrow(() -> ApiError.notFound("no post "
                + (id == null || id.length() > 40 ? "with that id" : "'" + id + "'")));
    }

    private static long version(JsonObject body) {
        Object v = body.getValue("version");
        if (!(v instanceof Number n) || n.longValue() != n.doubleValue() || n.longValue() < 1) {
            throw ApiError.invalid("version", "must be the post's version (a whole number from 1), as last read");
        }
        return n.longValue();
    }

    private Future<?> audit(RoutingContext ctx, Viewer viewer, String action, SocialPost p, String outcome) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("network", p.network().wire());
        details.put("language", p.language());
        details.put("version", Long.toString(p.version()));
        details.put("text", p.text().length() > 300 ? p.text().substring(0, 300) + "…" : p.text());
        return audit.record(viewer.username(), viewer.role().wire(), action, p.id(), null, outcome,
                        Answers.address(ctx), details)
                .recover(e -> Future.failedFuture(ApiError.unavailable(
                        "the audit log cannot be written; nothing was changed")));
    }

    private static Throwable unavailable(Throwable e) {
        return e instanceof ApiError ? e : ApiError.unavailable("could not be stored (" + e.getMessage()
                + "); nothing was changed, try again");
    }
}
