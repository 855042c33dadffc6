package org.warroom.dashboard.triage;

import org.warroom.contracts.account.Role;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;
import org.warroom.dashboard.http.ApiError;

/**
 * Who works the triage queue (docs/TRIAGE.md): operators and administrators whose scope is all of India. An unplaced
 * message has no district, so it is an all-India figure like the unlocated count: a state-limited operator, a
 * commander and the district roles do not see the queue. Only administrators decide on proposed aliases.
 */
final class TriageAccess {
    private TriageAccess() {
    }

    static void requirePlacer(Viewer viewer) {
        if (viewer.role() != Role.OPERATOR && viewer.role() != Role.ADMIN) {
            throw ApiError.forbidden("a " + viewer.role().wire() + " does not place messages: operators do");
        }
        if (!Visibility.seesStateWide(viewer)) {
            throw ApiError.forbidden("unplaced messages have no district: only operators of all India see them");
        }
    }

    static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw ApiError.forbidden("only administrators accept or reject aliases");
        }
    }
}
