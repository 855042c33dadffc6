package org.warroom.dashboard.directive;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveAction;
import org.warroom.contracts.directive.DirectiveStep;
import org.warroom.contracts.directive.DirectiveTransitions;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Viewer;

/**
 * Directives as the API answers them, for one viewer: {@code overdue} at the time of asking, and {@code actions}
 * the viewer may take now.
 */
public final class DirectiveViews {
    private final DistrictDirectory districts;

    public DirectiveViews(DistrictDirectory districts) {
        this.districts = districts;
    }

    public Map<String, Object> item(Directive d, Viewer viewer, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("state", d.state().wire());
        m.put("overdue", d.overdueAt(now));
        m.put("district", d.district());
        districts.byCode(d.district()).ifPresent(x -> {
            m.put("districtName", x.name());
            m.put("districtNameHi", x.nameHi());
        });
        if (d.department() != null) {
            m.put("department", d.department());
        }
        m.put("text", d.text());
        m.put("deadline", d.deadline());
        m.put("priority", d.priority().wire());
        if (d.alert() != null) {
            m.put("alert", d.alert());
        }
        if (d.shortage() != null) {
            m.put("shortage", d.shortage());
        }
        m.put("issuedBy", d.issuedBy());
        m.put("issuedAt", d.issuedAt());
        m.put("updatedAt", d.updatedAt());
        m.put("version", d.version());
        m.put("actions", DirectiveTransitions.allowedIn(d.state()).stream()
                .filter(a -> DirectiveAccess.may(viewer, a)).map(DirectiveAction::wire).toList());
        return m;
    }

    public Map<String, Object> full(Directive d, Viewer viewer, Instant now) {
        Map<String, Object> m = item(d, viewer, now);
        m.put("history", d.history().stream().map(DirectiveViews::step).toList());
        return m;
    }

    private static Map<String, Object> step(DirectiveStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", s.version());
        m.put("action", s.action().wire());
        m.put("at", s.at());
        m.put("by", s.by());
        m.put("state", s.state().wire());
        if (s.note() != null) {
            m.put("note", s.note());
        }
        return m;
    }
}
