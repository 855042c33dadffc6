package org.warroom.dashboard.complaint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintAction;
import org.warroom.contracts.complaint.ComplaintStep;
import org.warroom.contracts.complaint.ComplaintText;
import org.warroom.contracts.complaint.ComplaintTransitions;
import org.warroom.contracts.complaint.EscalationMatrix;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Viewer;

/**
 * Complaints as the API answers them (API.md field names), for one viewer: the caller's phone masked and the name
 * left out unless the viewer's scope shows personal data; {@code actions} lists what this viewer may do now.
 */
public final class ComplaintViews {
    private final DistrictDirectory districts;
    private final EscalationMatrix escalation;

    private final CitizenReplyLog replies;

    public ComplaintViews(DistrictDirectory districts) {
        this(districts, EscalationMatrix.defaults(), null);
    }

    /**
     * @param escalation the levels a complaint reaches after its SLA
     * @param replies    the outcome of each reply to the citizen (null: the replies as stored)
     */
    public ComplaintViews(DistrictDirectory districts, EscalationMatrix escalation, CitizenReplyLog replies) {
        this.districts = districts;
        this.escalation = escalation;
        this.replies = replies;
    }

    /** A list item. */
    public Map<String, Object> item(Complaint c, Viewer viewer, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", c.number());
        m.put("district", c.district());
        districts.byCode(c.district()).ifPresent(d -> {
            m.put("districtName", d.name());
            m.put("districtNameHi", d.nameHi());
        });
        m.put("department", c.department());
        m.put("category", c.category());
        if (c.commodity() != null) {
            m.put("commodity", c.commodity());
        }
        m.put("state", c.state().wire());
        m.put("openedAt", c.openedAt());
        m.put("openSince", c.openSince());
        m.put("slaDueAt", c.slaDueAt());
        m.put("overdue", !c.state().closed() && c.slaDueAt().toInstant().isBefore(now));
        level(c, now, m);
        if (c.assignee() != null) {
            m.put("assignee", c.assignee());
        }
        m.put("version", c.version());
        m.put("channel", c.channel().wire());
        m.put("language", c.language());
        boolean clear = viewer.scope().personalData();
        m.put("phone", clear ? c.phone() : ComplaintText.maskPhone(c.phone()));
        if (clear && c.name() != null) {
            m.put("name", c.name());
        }
        m.put("text", c.text());
        if (c.message() != null) {
            m.put("message", c.message());
        }
        m.put("updatedAt", c.updatedAt());
        if (c.rating() != null) {
            m.put("rating", c.rating());
        }
        m.put("actions", ComplaintTransitions.allowedIn(c.state()).stream()
                .filter(a -> ComplaintAccess.may(viewer, a)).map(ComplaintAction::wire).toList());
        return m;
    }

    /**
     * The complaint's escalation level now ({@code level}: 1 the desk, 2 the district head of the department, 3 the
     * state department; 0 closed) and when the next level is reached ({@code nextLevelAt}), as streams raises the
     * {@code complaint-escalated} alerts (docs/COMPLAINTS.md, "Escalation").
     */
    private void level(Complaint c, Instant now, Map<String, Object> m) {
        java.time.OffsetDateTime at = now.atOffset(c.slaDueAt().getOffset());
        int level = escalation.levelOf(c, at);
        m.put("level", level);
        if (level == 0) {
            return;
        }
        java.time.Duration sla = java.time.Duration.between(c.openSince(), c.slaDueAt());
        escalation.levels(c.category()).stream().filter(l -> l.level() > level).findFirst()
                .ifPresent(l -> m.put("nextLevelAt", EscalationMatrix.dueAt(c.openSince(), sla, l)));
    }

    /** The whole complaint: the item, its history and the replies to the citizen. */
    public Map<String, Object> full(Complaint c, Viewer viewer, Instant now) {
        Map<String, Object> m = item(c, viewer, now);
        m.put("history", c.history().stream().map(ComplaintViews::step).toList());
        m.put("replies", replies == null ? c.replies() : replies.view(c));
        return m;
    }

    private static Map<String, Object> step(ComplaintStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", s.version());
        m.put("action", s.action().wire());
        m.put("at", s.at());
        m.put("by", s.by());
        m.put("state", s.state().wire());
        m.put("department", s.department());
        if (s.assignee() != null) {
            m.put("assignee", s.assignee());
        }
        if (s.note() != null) {
            m.put("note", s.note());
        }
        return m;
    }
}
