package org.warroom.dashboard.complaint;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.complaint.InvalidField;
import org.warroom.contracts.complaint.RoutingRule;
import org.warroom.contracts.complaint.RoutingTable;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;

/**
 * {@code GET /api/v1/admin/routing} (items of {@code {"category", "district", "department"}}) and
 * {@code PUT /api/v1/admin/routing} {@code {"items": [...]}}: administrators replace the routing table at run time;
 * checked (400 naming {@code items[i].field}), audited, then stored on {@code warroom.routing} — every dashboard
 * instance routes by it within a second.
 */
public final class RoutingApi {
    private final ComplaintBook book;
    private final DistrictDirectory districts;
    private final AuditLog audit;
    private final Clock clock;

    public RoutingApi(ComplaintBook book, DistrictDirectory districts, AuditLog audit, Clock clock) {
        this.book = book;
        this.districts = districts;
        this.audit = audit;
        this.clock = clock;
    }

    public void handleGet(RoutingContext ctx) {
        RoutingTable table = book.routing();
        Answers.json(ctx, 200, Map.of("items", table.rules(), "updatedBy", table.updatedBy(),
                "fallback", RoutingTable.ROUTING_DESK));
    }

    public void handlePut(RoutingContext ctx) {
        Viewer admin = Viewer.of(ctx);
        JsonObject body = Answers.body(ctx);
        if (!(body.getValue("items") instanceof JsonArray items)) {
            throw ApiError.invalid("items", "is required: a list of {category, district, department}");
        }
        List<RoutingRule> given = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.getValue(i) instanceof JsonObject o)) {
                throw ApiError.invalid("items[" + i + "]", "must be an object {category, district, department}");
            }
            String at = "items[" + i + "].";
            given.add(new RoutingRule(field(o, at, "category"), field(o, at, "district"), field(o, at, "department")));
        }
        List<RoutingRule> rules;
        try {
            rules = RoutingTable.check(given, districts);
        } catch (InvalidField e) {
            throw ApiError.invalid(e.field(), e.reason());
        }
        RoutingTable table = new RoutingTable(rules, clock.instant(), admin.username());
        audit.record(admin.username(), admin.role().wire(), "routing.update", "routing", null, "ok",
                        Answers.address(ctx), Map.of("rules", Integer.toString(rules.size())))
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; nothing was changed")))
                .compose(v -> book.saveRouting(table))
                .onSuccess(t -> Answers.json(ctx, 200, Map.of("items", t.rules(), "updatedBy", t.updatedBy(),
                        "fallback", RoutingTable.ROUTING_DESK)))
                .onFailure(e -> Answers.fail(ctx, e instanceof ApiError ? e
                        : ApiError.unavailable("the routing table could not be stored: " + e.getMessage())));
    }

    private static String field(JsonObject o, String at, String name) {
        Object v = o.getValue(name);
        if (v instanceof Number n && "district".equals(name)) {
            return n.toString();
        }
        if (v != null && !(v instanceof String)) {
            throw ApiError.invalid(at + name, "must be a string");
        }
        return (String) v;
    }
}
