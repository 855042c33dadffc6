package org.warroom.dashboard.complaint;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.complaint.ActionRequest;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintAction;
import org.warroom.contracts.complaint.ComplaintRefused;
import org.warroom.contracts.complaint.ComplaintText;
import org.warroom.contracts.complaint.EscalationMatrix;
import org.warroom.contracts.complaint.InvalidField;
import org.warroom.contracts.complaint.Registration;
import org.warroom.contracts.complaint.RegistrationCheck;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.DistrictRecognizer;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.vertxkafka.UserDirectory;

/**
 * The grievance desk's JSON API (API.md, "Complaints"): {@code POST /api/v1/complaints} (register),
 * {@code GET /api/v1/complaints} (a desk's inbox, oldest first), {@code GET /api/v1/complaints/{number}},
 * {@code POST /api/v1/complaints/{number}/actions}. Answers: 201/200 with the complaint; 400 naming the field;
 * 403 outside the role or scope; 404 unknown number; 409 stale version (with the current complaint); 422 action
 * not allowed in the state (naming it, with the complaint); 503 when Kafka did not take it (nothing answered as
 * stored). Every step and every refusal is audited.
 */
public final class ComplaintApi {
    private static final int MAX_ITEMS = 500;

    private final ComplaintBook book;
    private final DistrictRecognizer recognizer;
    private final RegistrationCheck registrations;
    private final DistrictDirectory districts;
    private final UserDirectory users;
    private final ComplaintViews views;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public ComplaintApi(ComplaintBook book, DistrictDirectory districts, StateDirectory states, UserDirectory users,
                        AuditLog audit, Clock clock, ZoneId zone) {
        this(book, districts, states, users, audit, clock, zone, EscalationMatrix.defaults());
    }

    /** With the escalation matrix that gives each complaint its level on the desk ({@code complaint.escalation.*}). */
    public ComplaintApi(ComplaintBook book, DistrictDirectory districts, StateDirectory states, UserDirectory users,
                        AuditLog audit, Clock clock, ZoneId zone, EscalationMatrix escalation) {
        this.book = book;
        this.recognizer = new DistrictRecognizer(districts, states);
        this.registrations = new RegistrationCheck(districts);
        this.districts = districts;
        this.users = users;
        this.views = new ComplaintViews(districts, escalation, book.replies());
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    public void handleRegister(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (!ComplaintAccess.may(viewer, ComplaintAction.REGISTER)) {
            throw ApiError.forbidden("a " + viewer.role().wire() + " cannot register complaints");
        }
        JsonObject body = Answers.body(ctx);
        Registration r;
        try {
            r = registrations.check(text(body, "phone"), text(body, "name"), text(body, "district"),
                    text(body, "category"), text(body, "commodity"), text(body, "text"), text(body, "channel"),
                    text(body, "message"), text(body, "call"));
        } catch (InvalidField e) {
            throw ApiError.invalid(e.field(), e.reason());
        }
        if (!ComplaintAccess.mayRegister(viewer, r.district())) {
            throw ApiError.forbidden("district " + r.district() + " is outside your scope");
        }
        District district = districts.byCode(r.district()).orElseThrow();
        book.register(district, r, viewer.username(), now(), c -> audited(ctx, viewer, c, "ok"))
                .onSuccess(c -> Answers.json(ctx, 201, views.full(c, viewer, clock.instant())))
                .onFailure(e -> Answers.fail(ctx, unavailable(e)));
    }

    /**
     * {@code GET /api/v1/complaints/recognise?district=&text=}: the district a call-taker means, as they type —
     * the typed code or name, else a district named in what they typed, else one named in the complaint's text
     * (Hindi or English), else up to three "did you mean" — as items {@code {code, name, nameHi, how}}.
     */
    public void handleRecognise(RoutingContext ctx) {
        String typed = limited(ctx.request().getParam("district"));
        String text = limited(ctx.request().getParam("text"));
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        if (typed != null && !typed.isBlank()) {
            districts.resolve(typed.strip()).or(() -> recognizer.recognize(typed).map(r -> r.district()))
                    .ifPresent(d -> items.add(district(d, "typed")));
        }
        if (items.isEmpty() && text != null && !text.isBlank()) {
            recognizer.recognize(text).ifPresent(r -> items.add(district(r.district(), "text")));
        }
        if (items.isEmpty() && typed != null && !typed.isBlank()) {
            districts.suggestDistricts(typed.strip(), 3).forEach(d -> items.add(district(d, "suggested")));
        }
        Answers.items(ctx, items);
    }

    private static String limited(String value) {
        if (value != null && value.length() > ComplaintText.MAX_TEXT) {
            throw ApiError.invalid(null, "at most " + ComplaintText.MAX_TEXT + " characters");
        }
        return value;
    }

    private static Map<String, Object> district(District d, String how) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("name", d.name());
        m.put("nameHi", d.nameHi());
        m.put("stateCode", d.stateCode());
        m.put("how", how);
        return m;
    }

    public void handleList(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        ComplaintListing listing = ComplaintListing.of(ctx.request().getParam("state"),
                ctx.request().getParam("district"), ctx.request().getParam("department"),
                ctx.request().getParam("assignee"));
        Instant now = clock.instant();
        List<Map<String, Object>> items = listing.select(viewer, book.all())
                .limit(MAX_ITEMS)
                .map(c -> views.item(c, viewer, now))
                .toList();
        Answers.items(ctx, items);
    }

    public void handleGet(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Complaint c = visible(viewer, ctx.pathParam("number"));
        Answers.ok(ctx, views.full(c, viewer, clock.instant()));
    }

    public void handleAction(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Complaint current = visible(viewer, ctx.pathParam("number"));
        JsonObject body = Answers.body(ctx);
        ActionRequest request = request(body);
        if (!ComplaintAccess.may(viewer, request.action())) {
            throw ApiError.forbidden("a " + viewer.role().wire() + " cannot " + request.action().wire() + " complaints");
        }
        book.act(current, request, viewer.username(), now(), c -> audited(ctx, viewer, c, "ok"))
                .onSuccess(c -> Answers.ok(ctx, views.full(c, viewer, clock.instant())))
                .onFailure(e -> {
                    if (e instanceof ComplaintRefused refused) {
                        refuse(ctx, viewer, request, refused);
                    } else {
                        Answers.fail(ctx, unavailable(e));
                    }
                });
    }

    private void refuse(RoutingContext ctx, Viewer viewer, ActionRequest request, ComplaintRefused e) {
        Complaint c = e.current();
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
        answer.put("state", c.state().wire());
        answer.put("complaint", views.full(c, viewer, clock.instant()));
        Map<String, String> details = Map.of("action", request.action().wire(), "version",
                Long.toString(request.version()), "currentVersion", Long.toString(c.version()));
        audit.record(viewer.username(), viewer.role().wire(), "complaint." + request.action().wire(), c.number(),
                        c.district(), e.reason().name().toLowerCase(java.util.Locale.ROOT), Answers.address(ctx), details)
                .onComplete(ar -> Answers.json(ctx, status, answer));
    }

    private ActionRequest request(JsonObject body) {
        String actionText = text(body, "action");
        ComplaintAction action = WireEnum.parse(ComplaintAction.class, actionText)
                .filter(a -> a != ComplaintAction.REGISTER && a != ComplaintAction.RATE)
                .orElseThrow(() -> ApiError.invalid("action", (actionText == null ? "is required" : "unknown action '"
                        + actionText + "'") + "; allowed: assign, comment, forward, resolve, reject, reopen"));
        Object version = body.getValue("version");
        if (!(version instanceof Number n) || n.longValue() < 1 || n.doubleValue() != n.longValue()) {
            throw ApiError.invalid("version", "is required: the version of the complaint you acted on (a whole number)");
        }
        try {
            String note = ComplaintText.check("note", text(body, "note"), ComplaintText.MAX_TEXT, false);
            String department = ComplaintText.check("department", text(body, "department"), ComplaintText.MAX_DEPARTMENT, false);
            if (department != null && (department.contains("\n") || department.contains("|"))) {
                throw new InvalidField("department", "must be one line without '|'");
            }
            String assignee = ComplaintText.check("assignee", text(body, "assignee"), 64, false);
            if (assignee != null && users.find(assignee).filter(u -> !u.disabled()).isEmpty()) {
                throw new InvalidField("assignee", "no active user '" + assignee + "'");
            }
            return new ActionRequest(action, note, assignee, department, n.longValue());
        } catch (InvalidField e) {
            throw ApiError.invalid(e.field(), e.reason());
        }
    }

    private Complaint visible(Viewer viewer, String number) {
        Complaint c = book.find(number).orElseThrow(() -> ApiError.notFound("no complaint "
                + (number == null || number.length() > 40 ? "with that number" : "'" + number + "'")));
        if (!ComplaintAccess.sees(viewer, c)) {
            throw ApiError.forbidden("complaint " + c.number() + " is outside your scope");
        }
        return c;
    }

    private Future<?> audited(RoutingContext ctx, Viewer viewer, Complaint c, String outcome) {
        var step = c.lastStep();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", Long.toString(c.version()));
        details.put("state", c.state().wire());
        details.put("department", c.department());
        if (step.assignee() != null) {
            details.put("assignee", step.assignee());
        }
        if (step.note() != null) {
            details.put("note", step.note().length() > 300 ? step.note().substring(0, 300) + "…" : step.note());
        }
        return audit.record(viewer.username(), viewer.role().wire(), "complaint." + step.action().wire(), c.number(),
                        c.district(), outcome, Answers.address(ctx), details)
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was changed")));
    }

    private static Throwable unavailable(Throwable e) {
        return e instanceof ApiError ? e : ApiError.unavailable("the complaint could not be stored (" + e.getMessage()
                + "); nothing was changed, try again");
    }

    /** A string field (any length: the domain checks lengths and names the field); 400 when of another type. */
    private static String text(JsonObject body, String field) {
        return Answers.string(body, field, Integer.MAX_VALUE);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), zone);
    }
}
