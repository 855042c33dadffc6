package org.warroom.dashboard.shift;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.warroom.contracts.complaint.ComplaintText;
import org.warroom.contracts.complaint.InvalidField;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.shift.Handover;
import org.warroom.contracts.shift.HandoverRefused;
import org.warroom.contracts.shift.ShiftLogEntry;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;

/**
 * The shift log and handovers (API.md, "Operations"): {@code POST /api/v1/log} {@code {text, district?, alert?,
 * complaint?, directive?}} → 201 the entry; {@code GET /api/v1/log?from=&to=} (default: the last 24 hours, oldest
 * first); {@code POST /api/v1/handovers} → 201 {@code {id, draft: {...}}}; {@code GET /api/v1/handovers} (newest
 * first); {@code GET /api/v1/handovers/{id}}; {@code POST /api/v1/handovers/{id}/sign} {@code {summary?}};
 * {@code POST /api/v1/handovers/{id}/acknowledge}. 400 names the field, 403 outside operators and administrators,
 * 404 unknown id, 422 a step not allowed now (naming the state, or the signer acknowledging). Every write audited.
 */
public final class ShiftApi {
    private static final int MAX_TEXT = 2000;
    private static final int MAX_ITEMS = 1000;
    private static final Pattern LINK = Pattern.compile("[A-Za-z0-9._:@|-]{1,200}");

    private final ShiftBook book;
    private final HandoverDrafter drafter;
    private final DistrictDirectory districts;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    public ShiftApi(ShiftBook book, HandoverDrafter drafter, DistrictDirectory districts, AuditLog audit, Clock clock,
                    ZoneId zone) {
        this.book = book;
        this.drafter = drafter;
        this.districts = districts;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    private static Viewer lead(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        if (!ShiftAccess.may(viewer)) {
            throw ApiError.forbidden("the shift log and handovers are the war room's: operators and administrators");
        }
        return viewer;
    }

    public void handleWrite(RoutingContext ctx) {
        Viewer viewer = lead(ctx);
        JsonObject body = Answers.body(ctx);
        ShiftLogEntry entry;
        try {
            String text = ComplaintText.check("text", text(body, "text"), MAX_TEXT, true);
            String district = ComplaintText.check("district", text(body, "district"), 100, false);
            if (district != null) {
                String given = district;
                district = districts.resolve(given).map(d -> d.code()).orElseThrow(() -> new InvalidField("district",
                        "unknown district: use an LGD code such as 396 or a name"));
            }
            entry = new ShiftLogEntry(ShiftBook.newId("L-"), now(), viewer.username(), text, district,
                    link(body, "alert"), link(body, "complaint"), link(body, "directive"));
        } catch (InvalidField e) {
            throw ApiError.invalid(e.field(), e.reason());
        }
        book.write(entry, e -> audit(ctx, viewer, "shift.log", e.id(), e.district(), Map.of("text",
                        e.text().length() > 300 ? e.text().substring(0, 300) + "…" : e.text())))
                .onSuccess(e -> Answers.json(ctx, 201, e))
                .onFailure(e -> Answers.fail(ctx, unavailable(e)));
    }

    public void handleLog(RoutingContext ctx) {
        lead(ctx);
        Instant to = time(ctx.request().getParam("to"), "to", clock.instant().plusMillis(1));
        Instant from = time(ctx.request().getParam("from"), "from", to.minus(Duration.ofHours(24)));
        if (!from.isBefore(to)) {
            throw ApiError.invalid("from", "must be before to");
        }
        List<ShiftLogEntry> entries = book.entries(from, to);
        Answers.items(ctx, entries.size() > MAX_ITEMS ? entries.subList(entries.size() - MAX_ITEMS, entries.size())
                : entries);
    }

    public void handleDraft(RoutingContext ctx) {
        Viewer viewer = lead(ctx);
        book.draft(drafter.draft(clock.instant()), viewer.username(), now(), h -> audit(ctx, viewer,
                        "handover.draft", h.id(), null, Map.of("alerts", size(h.draft().alerts()),
                                "directives", size(h.draft().directives()), "slaBreaches", size(h.draft().slaBreaches()),
                                "shortages", size(h.draft().shortages()), "log", size(h.draft().log()))))
                .onSuccess(h -> Answers.json(ctx, 201, h))
                .onFailure(e -> Answers.fail(ctx, unavailable(e)));
    }

    public void handleList(RoutingContext ctx) {
        lead(ctx);
        Answers.items(ctx, book.handovers().stream()
                .sorted(Comparator.comparing((Handover h) -> h.draftedAt().toInstant()).reversed())
                .limit(200).map(ShiftApi::summary).toList());
    }

    public void handleGet(RoutingContext ctx) {
        lead(ctx);
        Answers.ok(ctx, find(ctx.pathParam("id")));
    }

    public void handleSign(RoutingContext ctx) {
        Viewer viewer = lead(ctx);
        Handover current = find(ctx.pathParam("id"));
        String summary = Answers.string(Answers.body(ctx), "summary", Integer.MAX_VALUE);
        try {
            ComplaintText.check("summary", summary, 8000, false);
        } catch (InvalidField e) {
            throw ApiError.invalid(e.field(), e.reason());
        }
        answer(ctx, viewer, "handover.sign", book.sign(current, summary, viewer.username(), now(),
                h -> audit(ctx, viewer, "handover.sign", h.id(), null, Map.of("summary",
                        h.summary() == null ? "" : h.summary().length() > 300 ? h.summary().substring(0, 300) + "…"
                                : h.summary()))));
    }

    public void handleAcknowledge(RoutingContext ctx) {
        Viewer viewer = lead(ctx);
        Handover current = find(ctx.pathParam("id"));
        answer(ctx, viewer, "handover.acknowledge", book.acknowledge(current, viewer.username(), now(),
                h -> audit(ctx, viewer, "handover.acknowledge", h.id(), null, Map.of("signedBy", h.signedBy()))));
    }

    private void answer(RoutingContext ctx, Viewer viewer, String action, Future<Handover> step) {
        step.onSuccess(h -> Answers.ok(ctx, h)).onFailure(e -> {
            if (e instanceof HandoverRefused refused) {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("error", refused.reason() == HandoverRefused.Reason.INVALID ? "invalid" : "not allowed");
                answer.put("field", refused.field());
                answer.put("reason", refused.getMessage());
                answer.put("state", refused.current().state().wire());
                answer.put("handover", refused.current());
                audit.record(viewer.username(), viewer.role().wire(), action, refused.current().id(), null,
                                refused.reason().name().toLowerCase(java.util.Locale.ROOT), Answers.address(ctx), Map.of())
                        .onComplete(ar -> Answers.json(ctx, refused.reason() == HandoverRefused.Reason.INVALID ? 400 : 422,
                                answer));
            } else {
                Answers.fail(ctx, unavailable(e));
            }
        });
    }

    private Handover find(String id) {
        return book.handover(id).orElseThrow(() -> ApiError.notFound("no handover "
                + (id == null || id.length() > 40 ? "with that id" : "'" + id + "'")));
    }

    private static Map<String, Object> summary(Handover h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("state", h.state().wire());
        m.put("draftedAt", h.draftedAt());
        m.put("draftedBy", h.draftedBy());
        if (h.signedBy() != null) {
            m.put("signedBy", h.signedBy());
            m.put("signedAt", h.signedAt());
        }
        if (h.acknowledgedBy() != null) {
            m.put("acknowledgedBy", h.acknowledgedBy());
            m.put("acknowledgedAt", h.acknowledgedAt());
        }
        if (h.summary() != null) {
            m.put("summary", h.summary());
        }
        return m;
    }

    private Future<?> audit(RoutingContext ctx, Viewer viewer, String action, String target, String district,
                            Map<String, String> details) {
        return audit.record(viewer.username(), viewer.role().wire(), action, target, district, "ok",
                        Answers.address(ctx), details)
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was changed")));
    }

    private Instant time(String value, String field, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        if (value.length() > 40) {
            throw ApiError.invalid(field, "is not a date or date-time");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(value).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException e3) {
                    throw ApiError.invalid(field, "is not a date or date-time: use 2026-04-01, 2026-04-01T08:00 or "
                            + "2026-04-01T08:00:00+05:30");
                }
            }
        }
    }

    private static String link(JsonObject body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!LINK.matcher(value).matches()) {
            throw new InvalidField(field, "must be an id of 1–200 of A-Z a-z 0-9 . _ : @ | -");
        }
        return value;
    }

    private static String size(List<?> list) {
        return Integer.toString(list.size());
    }

    private static Throwable unavailable(Throwable e) {
        return e instanceof ApiError ? e : ApiError.unavailable("could not be stored (" + e.getMessage()
                + "); nothing was changed, try again");
    }

    private static String text(JsonObject body, String field) {
        return Answers.string(body, field, Integer.MAX_VALUE);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), zone);
    }
}
