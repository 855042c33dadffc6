package org.warroom.dashboard.triage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.triage.AliasProposal;
import org.warroom.contracts.triage.AliasStatus;
import org.warroom.contracts.triage.Placement;
import org.warroom.contracts.triage.TriageRefused;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;

/**
 * Triage's JSON API (docs/TRIAGE.md): {@code GET /api/v1/triage/messages?size=} (the unplaced messages, oldest
 * first, with district suggestions), {@code POST /api/v1/triage/messages/{id}/placement} ({@code {district, version,
 * spelling}} → 201), {@code GET /api/v1/triage/aliases?status=} and {@code POST /api/v1/triage/aliases/decisions}
 * ({@code {key, decision, version}}). Answers: 400 naming the field; 403 outside the role or scope; 404 unknown id;
 * 409 placed already or stale version (with the current version and record); 422 not allowed in the state; 503 when
 * Elasticsearch or Kafka did not answer. Every placing and decision, and every refusal of one, is audited.
 */
public final class TriageApi {
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private final Vertx vertx;
    private final TriageBook book;
    private final UnplacedMessages unplaced;
    private final TriageViews views;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public TriageApi(Vertx vertx, TriageBook book, UnplacedMessages unplaced, StateDirectory states, AuditLog audit,
                     Clock clock, ZoneId zone) {
        this.vertx = vertx;
        this.book = book;
        this.unplaced = unplaced;
        this.views = new TriageViews(book.districts(), states);
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    public void handleQueue(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        TriageAccess.requirePlacer(viewer);
        int size = size(ctx.request().getParam("size"));
        vertx.executeBlocking(() -> unplaced.oldestFirst(size, List.copyOf(book.placedIds())), false)
                .onSuccess(page -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("total", page.total());
                    answer.put("items", page.messages().stream()
                            .map(m -> views.message(m, viewer, book.suggestions())).toList());
                    Answers.ok(ctx, answer);
                })
                .onFailure(e -> Answers.fail(ctx, ApiError.unavailable("the unplaced messages cannot be read now; try again")));
    }

    public void handlePlace(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        TriageAccess.requirePlacer(viewer);
        String id = ctx.pathParam("id");
        JsonObject body = Answers.body(ctx);
        String districtText = Answers.string(body, "district", 100);
        if (districtText == null || districtText.isBlank()) {
            throw ApiError.invalid("district", "is required: an LGD district code or name");
        }
        District district = book.districts().resolve(districtText).orElseThrow(() -> ApiError.invalid("district",
                "unknown district '" + districtText + "'" + didYouMean(districtText)));
        long version = version(body);
        String spelling = Answers.string(body, "spelling", 200);
        Placement existing = book.placement(id).orElse(null);
        if (existing != null) { // placed already: no need to read the message
            refuse(ctx, viewer, "triage.place", id, existing.district(), version, new TriageRefused(
                    TriageRefused.Reason.STALE, "version", "message " + id + " was placed in district "
                    + existing.district() + " by " + existing.by() + " already", existing.version(), existing));
            return;
        }
        vertx.executeBlocking(() -> unplaced.find(id), false)
                .recover(e -> Future.failedFuture(ApiError.unavailable("the message cannot be read now; try again")))
                .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                        : Future.failedFuture(ApiError.notFound("no message " + (id.length() > 60 ? "with that id" : "'" + id + "'"))))
                .compose(message -> book.place(message, version, district, spelling, viewer.username(), now(),
                        p -> audited(ctx, viewer, "triage.place", p.messageId(), p.district(), placementDetails(p))))
                .onSuccess(p -> Answers.json(ctx, 201, views.placement(p)))
                .onFailure(e -> {
                    if (e instanceof TriageRefused refused) {
                        refuse(ctx, viewer, "triage.place", id, district.code(), version, refused);
                    } else {
                        Answers.fail(ctx, e instanceof ApiError ? e : ApiError.unavailable(
                                "the placement could not be stored (" + e.getMessage() + "); try again"));
                    }
                });
    }

    public void handleAliases(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        TriageAccess.requirePlacer(viewer);
        String statusText = ctx.request().getParam("status");
        AliasStatus status = statusText == null || statusText.isBlank() ? null
                : WireEnum.parse(AliasStatus.class, statusText).orElseThrow(() -> ApiError.invalid("status",
                        "unknown status; allowed: " + String.join(", ", WireEnum.allowed(AliasStatus.class))));
        List<Map<String, Object>> items = book.proposals().stream()
                .filter(p -> status == null || p.status() == status)
                .sorted(Comparator.comparing((AliasProposal p) -> p.status() != AliasStatus.PROPOSED)
                        .thenComparing(Comparator.comparingInt(AliasProposal::placements).reversed())
                        .thenComparing(p -> p.key()))
                .map(views::proposal)
                .toList();
        Answers.items(ctx, items);
    }

    public void handleDecide(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        TriageAccess.requireAdmin(viewer);
        JsonObject body = Answers.body(ctx);
        String key = Answers.string(body, "key", 300);
        if (key == null || key.isBlank()) {
            throw ApiError.invalid("key", "is required: the key of the proposal");
        }
        String decisionText = Answers.string(body, "decision", 20);
        AliasStatus decision = WireEnum.parse(AliasStatus.class, decisionText)
                .filter(s -> s != AliasStatus.PROPOSED)
                .orElseThrow(() -> ApiError.invalid("decision", (decisionText == null ? "is required" : "unknown decision")
                        + "; allowed: " + String.join(", ", TriageViews.allowedDecisions())));
        long version = version(body);
        AliasProposal current = book.proposal(key).orElseThrow(() -> ApiError.notFound("no proposed alias with that key"));
        String action = "triage.alias." + decision.wire();
        book.decide(current, decision, version, viewer.username(), now(),
                        p -> audited(ctx, viewer, action, p.key(), p.district(), Map.of("spelling", p.spelling(),
                                "version", Long.toString(p.version()), "placements", Integer.toString(p.placements()))))
                .onSuccess(p -> Answers.ok(ctx, views.proposal(p)))
                .onFailure(e -> {
                    if (e instanceof TriageRefused refused) {
                        refuse(ctx, viewer, action, key, current.district(), version, refused);
                    } else {
                        Answers.fail(ctx, e instanceof ApiError ? e : ApiError.unavailable(
                                "the decision could not be stored (" + e.getMessage() + "); try again"));
                    }
                });
    }

    private void refuse(RoutingContext ctx, Viewer viewer, String action, String target, String district, long version,
                        TriageRefused e) {
        int status = switch (e.reason()) {
            case STALE -> 409;
            case NOT_ALLOWED -> 422;
            case INVALID -> 400;
        };
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", switch (e.reason()) {
            case STALE -> "conflict";
            case NOT_ALLOWED -> "not allowed";
            case INVALID -> "invalid";
        });
        answer.put("field", e.field());
        answer.put("reason", e.getMessage());
        answer.put("version", version);
        answer.put("currentVersion", e.currentVersion());
        if (e.current() instanceof Placement p) {
            answer.put("placement", views.placement(p));
        } else if (e.current() instanceof AliasProposal p) {
            answer.put("proposal", views.proposal(p));
        }
        Map<String, String> details = Map.of("version", Long.toString(version), "currentVersion",
                Long.toString(e.currentVersion()), "reason", e.getMessage().length() > 300
                        ? e.getMessage().substring(0, 300) : e.getMessage());
        audit.record(viewer.username(), viewer.role().wire(), action, target, district,
                        e.reason().name().toLowerCase(Locale.ROOT), Answers.address(ctx), details)
                .onComplete(ar -> Answers.json(ctx, status, answer));
    }

    private static Map<String, String> placementDetails(Placement p) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", Long.toString(p.version()));
        if (p.spelling() != null) {
            details.put("spelling", p.spelling());
        }
        return details;
    }

    private Future<?> audited(RoutingContext ctx, Viewer viewer, String action, String target, String district,
                              Map<String, String> details) {
        return audit.record(viewer.username(), viewer.role().wire(), action, target, district, "ok",
                        Answers.address(ctx), details)
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was changed")));
    }

    private String didYouMean(String text) {
        List<String> near = book.districts().suggest(text, 3);
        return near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?";
    }

    private static long version(JsonObject body) {
        Object version = body.getValue("version");
        if (!(version instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
            throw ApiError.invalid("version", "is required: the version you saw (0 for an unplaced message)");
        }
        return n.longValue();
    }

    private static int size(String param) {
        if (param == null || param.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int n = Integer.parseInt(param.strip());
            if (n >= 1 && n <= MAX_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalid("size", "a whole number from 1 to " + MAX_SIZE);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), zone);
    }
}
