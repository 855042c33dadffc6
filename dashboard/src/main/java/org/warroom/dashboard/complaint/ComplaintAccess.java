package org.warroom.dashboard.complaint;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintAction;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;

/**
 * Who may do what on the grievance desk (docs/COMPLAINTS.md, the access matrix):
 * <table>
 *   <tr><th>role</th><th>sees</th><th>may</th></tr>
 *   <tr><td>admin</td><td>all</td><td>everything</td></tr>
 *   <tr><td>commander</td><td>own districts</td><td>everything there</td></tr>
 *   <tr><td>officer</td><td>own departments in own districts</td><td>register, assign, comment, forward, resolve,
 *       reject, reopen</td></tr>
 *   <tr><td>operator</td><td>all (personal data masked)</td><td>register, assign, comment, forward, reopen — not
 *       resolve or reject</td></tr>
 *   <tr><td>agent</td><td>all, or own districts (masked)</td><td>register, comment, reopen — not resolve</td></tr>
 *   <tr><td>responder</td><td>own districts</td><td>nothing</td></tr>
 * </table>
 */
public final class ComplaintAccess {
    /** Every desk action; {@code rate} is the citizen's own (their message), never a desk user's. */
    private static final Set<ComplaintAction> ALL = EnumSet.complementOf(EnumSet.of(ComplaintAction.RATE));
    private static final Map<Role, Set<ComplaintAction>> MAY = Map.of(
            Role.ADMIN, ALL,
            Role.COMMANDER, ALL,
            Role.OFFICER, ALL,
            Role.OPERATOR, EnumSet.of(ComplaintAction.REGISTER, ComplaintAction.ASSIGN, ComplaintAction.COMMENT,
                    ComplaintAction.FORWARD, ComplaintAction.REOPEN),
            Role.AGENT, EnumSet.of(ComplaintAction.REGISTER, ComplaintAction.COMMENT, ComplaintAction.REOPEN),
            Role.RESPONDER, EnumSet.noneOf(ComplaintAction.class));

    private ComplaintAccess() {
    }

    /** Whether the viewer's role may take {@code action} at all. */
    public static boolean may(Viewer viewer, ComplaintAction action) {
        return MAY.getOrDefault(viewer.role(), Set.of()).contains(action);
    }

    /** Whether the viewer sees the complaint: its district in scope, and for an officer one of their departments. */
    public static boolean sees(Viewer viewer, Complaint complaint) {
        return sees(viewer, complaint.district(), complaint.department());
    }

    public static boolean sees(Viewer viewer, String district, String department) {
        if (!Visibility.sees(viewer, district)) {
            return false;
        }
        return viewer.role() != Role.OFFICER
                || viewer.departments().stream().anyMatch(d -> d.equalsIgnoreCase(department));
    }

    /** Whether the viewer may register a complaint in {@code district}. */
    public static boolean mayRegister(Viewer viewer, String district) {
        return may(viewer, ComplaintAction.REGISTER) && Visibility.sees(viewer, district);
    }
}
