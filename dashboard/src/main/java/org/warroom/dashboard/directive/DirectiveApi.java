package org.warroom.dashboard.directive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.warroom.contracts.complaint.ComplaintText;
import org.warroom.contracts.complaint.InvalidField;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveAction;
import org.warroom.contracts.directive.DirectiveOrder;
import org.warroom.contracts.directive.DirectiveRefused;
import org.warroom.contracts.directive.DirectiveRequest;
import org.warroom.contracts.directive.DirectiveState;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;

/**
 * Directives' JSON API (API.md, "Operations"): {@code POST /api/v1/directives} (issue → 201 {@code {id, state}} and
 * the directive), {@code GET /api/v1/directives?district=&state=} (overdue first, then by deadline),
 * {@code GET /api/v1/directives/{id}}, {@code POST /api/v1/directives/{id}/actions}. Answers: 400 naming the field;
 * 403 outside the role or scope; 404 unknown id; 409 stale version (with the current directive); 422 action not
 * allowed in the state (naming it); 503 when Kafka did not take it. Every step and every refusal is audited.
 */
public final class DirectiveApi {
    private static final int MAX_ITEMS = 500;
    private static final String OVERDUE = "overdue";

    private final DirectiveBook book;
    private final DirectiveCheck check;
    private final DirectiveViews views;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public DirectiveApi(DirectiveBook book, DistrictDirectory districts, AuditLog audit, Clock clock, ZoneId zone) {
        this.book = book;
        this.check = new DirectiveCheck(districts, zone);
        this.views = new DirectiveViews(districts);
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    public void handleIssue(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (!DirectiveAccess.may(viewer, DirectiveAction.ISSUE)) {
            throw ApiError.forbidden("a " + viewer.role().wire() + " cannot issue directives");
        }
        JsonObject body = Answers.body(ctx);
        DirectiveOrder order;
        try {
            order = check.check(text(body, "district"), text(body, "department"), text(body, "text"),
                    text(body, "deadline"), text(body, "priority"), text(body, "alert"), text(body, "shortage"),
                    clock.instant());
        } catch (InvalidField e) {
            throw ApiError.invalid(e.field(), e.reason());
        }
        if (!DirectiveAccess.mayIssue(viewer, order.district())) {
            throw ApiError.forbidden("district " + order.district() + " is outside your scope");
        }
        book.issue(order, viewer.username(), now(), d -> audited(ctx, viewer, d))
                .onSuccess(d -> Answers.json(ctx, 201, views.full(d, viewer, clock.instant())))
                .onFailure(e -> Answers.fail(ctx, unavailable(e)));
    }

    public void handleList(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Predicate<Directive> state = states(ctx.request().getParam("state"));
        String district = ctx.request().getParam("district");
        Instant now = clock.instant();
        List<Map<String, Object>> items = book.all().stream()
                .filter(d -> DirectiveAccess.sees(viewer, d))
                .filter(d -> district == null || district.isBlank() || district.equals(d.district()))
                .filter(state)
                .sorted(Comparator.comparing((Directive d) -> !d.overdueAt(now))
                        .thenComparing(d -> d.state().done())
                        .thenComparing(d -> d.deadline().toInstant())
                        .thenComparing(Directive::id))
                .limit(MAX_ITEMS)
                .map(d -> views.item(d, viewer, now))
                .toList();
        Answers.items(ctx, items);
    }

    public void handleGet(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Answers.ok(ctx, views.full(visible(viewer, ctx.pathParam("id")), viewer, clock.instant()));
    }

    public void handleAction(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Directive current = visible(viewer, ctx.pathParam("id"));
        DirectiveRequest request = request(Answers.body(ctx));
        if (!DirectiveAccess.may(viewer, request.action())) {
            throw ApiError.forbidden("a " + viewer.role().wire() + " cannot " + request.action().wire()
                    + " directives" + (request.action().byOwner() ? ": the owner (district commander or department desk) does"
                    : ": the issuer (operator) does"));
        }
        book.act(current, request, viewer.username(), now(), d -> audited(ctx, viewer, d))
                .onSuccess(d -> Answers.ok(ctx, views.full(d, viewer, clock.instant())))
                .onFailure(e -> {
                    if (e instanceof DirectiveRefused refused) {
                        refuse(ctx, viewer, request, refused);
                    } else {
                        Answers.fail(ctx, unavailable(e));
                    }
                });
    }

    private void refuse(RoutingContext ctx, Viewer viewer, DirectiveRequest request, DirectiveRefused e) {
        Directive d = e.current();
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
        answer.put("state", d.state().wire());
        answer.put("directive", views.full(d, viewer, clock.instant()));
        Map<String, String> details = Map.of("action", request.action().wire(), "version",
                Long.toString(request.version()), "currentVersion", Long.toString(d.version()));
        audit.record(viewer.username(), viewer.role().wire(), "directive." + request.action().wire(), d.id(),
                        d.district(), e.reason().name().toLowerCase(Locale.ROOT), Answers.address(ctx), details)
                .onComplete(ar -> Answers.json(ctx, status, answer));
    }

    private static DirectiveRequest request(JsonObject body) {
        String actionText = text(body, "action");
        DirectiveAction action = WireEnum.parse(DirectiveAction.class, actionText)
                .filter(a -> a != DirectiveAction.ISSUE)
                .orElseThrow(() -> ApiError.invalid("action", (actionText == null ? "is required" : "unknown action")
                        + "; allowed: acknowledge, progress, close, accept, return"));
        Object version = body.getValue("version");
        if (!(version instanceof Number n) || n.longValue() < 1 || n.doubleValue() != n.longValue()) {
            throw ApiError.invalid("version", "is required: the version of the directive you acted on (a whole number)");
        }
        try {
            return new DirectiveRequest(action, ComplaintText.check("note", text(body, "note"), DirectiveCheck.MAX_TEXT,
                    false), n.longValue());
        } catch (InvalidField e) {
            throw ApiError.invalid(e.field(), e.reason());
        }
    }

    private Directive visible(Viewer viewer, String id) {
        Directive d = book.find(id).orElseThrow(() -> ApiError.notFound("no directive "
                + (id == null || id.length() > 40 ? "with that id" : "'" + id + "'")));
        if (!DirectiveAccess.sees(viewer, d)) {
            throw ApiError.forbidden("directive " + d.id() + " is outside your scope");
        }
        return d;
    }

    private Future<?> audited(RoutingContext ctx, Viewer viewer, Directive d) {
        var step = d.lastStep();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", Long.toString(d.version()));
        details.put("state", d.state().wire());
        details.put("deadline", d.deadline().toString());
        if (d.department() != null) {
            details.put("department", d.department());
        }
        if (step.note() != null) {
            details.put("note", step.note().length() > 300 ? step.note().substring(0, 300) + "…" : step.note());
        }
        return audit.record(viewer.username(), viewer.role().wire(), "directive." + step.action().wire(), d.id(),
                        d.district(), "ok", Answers.address(ctx), details)
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was changed")));
    }

    private static Throwable unavailable(Throwable e) {
        return e instanceof ApiError ? e : ApiError.unavailable("the directive could not be stored (" + e.getMessage()
                + "); nothing was changed, try again");
    }

    /** {@code state=issued,acknowledged,closed,accepted,overdue} (any of them); none: all. */
    private Predicate<Directive> states(String param) {
        if (param == null || param.isBlank()) {
            return d -> true;
        }
        Set<String> wanted = Arrays.stream(param.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (String s : wanted) {
            if (!OVERDUE.equals(s) && WireEnum.parse(DirectiveState.class, s).isEmpty()) {
                throw ApiError.invalid("state", "unknown state; allowed: "
                        + String.join(", ", WireEnum.allowed(DirectiveState.class)) + ", " + OVERDUE);
            }
        }
        Instant now = clock.instant();
        return d -> wanted.contains(d.state().wire()) || (wanted.contains(OVERDUE) && d.overdueAt(now));
    }

    private static String text(JsonObject body, String field) {
        return Answers.string(body, field, Integer.MAX_VALUE);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), zone);
    }
}
