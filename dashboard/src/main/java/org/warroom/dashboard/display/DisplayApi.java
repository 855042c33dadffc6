package org.warroom.dashboard.display;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warroom.contracts.display.Display;
import org.warroom.contracts.display.DisplayView;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.security.Tokens;

/**
 * Administrators register and revoke wall displays (docs/DISPLAYS.md):
 * <ul>
 *   <li>{@code POST /api/v1/admin/displays} {@code {"name", "state"?, "district"?, "view": "wall|district|alerts",
 *       "rotate"?}} → {@code 201 {"id", "credential", "url", ...}}: the credential is shown once, only its hash kept;</li>
 *   <li>{@code GET /api/v1/admin/displays} → the displays, revoked ones too, never a credential;</li>
 *   <li>{@code DELETE /api/v1/admin/displays/{id}} revokes: the credential is refused from then on and every open
 *       screen of the display closes within moments.</li>
 * </ul>
 * Every change audited; nothing is stored when the audit log cannot be written.
 */
public final class DisplayApi {
    private final DisplayDirectory displays;
    private final DistrictDirectory districts;
    private final StateDirectory states;
    private final AuditLog audit;
    private final Clock clock;

    public DisplayApi(DisplayDirectory displays, DistrictDirectory districts, StateDirectory states, AuditLog audit,
                      Clock clock) {
        this.displays = displays;
        this.districts = districts;
        this.states = states;
        this.audit = audit;
        this.clock = clock;
    }

    public void handleList(RoutingContext ctx) {
        Answers.items(ctx, displays.all().stream().map(DisplayApi::view).toList());
    }

    public void handleRegister(RoutingContext ctx) {
        Viewer admin = Viewer.of(ctx);
        JsonObject body = Answers.body(ctx);
        DisplayCredentials.Issued issued = DisplayCredentials.issue();
        Display display = parse(body, issued, admin.username());
        audit.record(admin.username(), "admin", "display.register", display.id(), display.district(), "ok",
                        Answers.address(ctx), details(display))
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; no display was registered")))
                .compose(v -> displays.save(display))
                .onSuccess(saved -> {
                    Map<String, Object> answer = new LinkedHashMap<>(view(saved));
                    answer.put("credential", issued.credential());
                    answer.put("url", "/display/" + saved.id() + "?key=" + issued.credential());
                    answer.put("note", "the credential is shown once; only its hash is stored");
                    Answers.json(ctx, 201, answer);
                })
                .onFailure(e -> Answers.fail(ctx, e instanceof ApiError ? e
                        : ApiError.unavailable("the display could not be stored: " + e.getMessage())));
    }

    public void handleRevoke(RoutingContext ctx) {
        Viewer admin = Viewer.of(ctx);
        String id = ctx.pathParam("id");
        Display display = displays.find(id).orElseThrow(() -> ApiError.notFound("no display '" + id + "'"));
        if (display.revoked()) {
            Answers.ok(ctx, view(display));
            return;
        }
        Display revoked = display.revoke(clock.instant(), admin.username());
        audit.record(admin.username(), "admin", "display.revoke", id, display.district(), "ok", Answers.address(ctx),
                        details(display))
                .recover(e -> Future.failedFuture(ApiError.unavailable("the audit log cannot be written; the display was not revoked")))
                .compose(v -> displays.save(revoked))
                .onSuccess(saved -> Answers.ok(ctx, view(saved)))
                .onFailure(e -> Answers.fail(ctx, e instanceof ApiError ? e
                        : ApiError.unavailable("the revocation could not be stored: " + e.getMessage())));
    }

    private Display parse(JsonObject body, DisplayCredentials.Issued issued, String actor) {
        String name = Answers.string(body, "name", 64);
        if (name == null || name.isBlank()) {
            throw ApiError.invalid("name", "is required: what the screen is, e.g. \"Wall, state war room\"");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.invalid("name", "must be one line of text");
        }
        String viewText = Answers.string(body, "view", 16);
        DisplayView view = DisplayView.parse(viewText).orElseThrow(() -> ApiError.invalid("view",
                viewText == null ? "is required: wall, district or alerts" : "must be wall, district or alerts"));
        String district = Answers.string(body, "district", 16);
        String state = Answers.string(body, "state", 8);
        if (district != null) {
            String code = district.strip();
            District d = districts.byCode(code).orElseThrow(() -> ApiError.invalid("district",
                    "unknown LGD district code '" + code + "'"));
            district = d.code();
            if (state != null && !state.strip().equals(d.stateCode())) {
                throw ApiError.invalid("district", "district " + d.code() + " is not in state " + state.strip());
            }
            state = null; // the district says it all
        } else if (view == DisplayView.DISTRICT) {
            throw ApiError.invalid("district", "the district view needs a district (LGD code)");
        }
        if (state != null) {
            String code = state.strip();
            state = states.byCode(code).map(s -> s.code()).orElseThrow(() -> ApiError.invalid("state",
                    "unknown LGD state code '" + code + "'"));
            if (districts.inState(state).isEmpty()) {
                throw ApiError.invalid("state", "state " + state + " has no districts in the reference data");
            }
        }
        Object rotateValue = body.getValue("rotate");
        if (rotateValue != null && !(rotateValue instanceof Boolean)) {
            throw ApiError.invalid("rotate", "must be true or false");
        }
        boolean rotate = Boolean.TRUE.equals(rotateValue);
        if (rotate && view != DisplayView.WALL) {
            throw ApiError.invalid("rotate", "only the wall view rotates through the states");
        }
        return new Display(issued.id(), name.strip(), state, district, view, rotate, Tokens.sha256(issued.credential()),
                clock.instant(), actor, null, null);
    }

    private static Map<String, String> details(Display d) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", d.name());
        details.put("view", d.view().wire());
        if (d.state() != null) {
            details.put("state", d.state());
        }
        return details;
    }

    static Map<String, Object> view(Display d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("name", d.name());
        v.put("view", d.view().wire());
        v.put("state", d.state());
        v.put("district", d.district());
        v.put("rotate", d.rotate());
        v.put("page", DisplayPages.target(d));
        v.put("createdAt", d.createdAt() == null ? null : d.createdAt().toString());
        v.put("createdBy", d.createdBy());
        v.put("revokedAt", d.revokedAt() == null ? null : d.revokedAt().toString());
        v.put("revokedBy", d.revokedBy());
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }
}
