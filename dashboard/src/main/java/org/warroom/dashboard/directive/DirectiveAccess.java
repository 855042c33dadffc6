package org.warroom.dashboard.directive;

import org.warroom.contracts.account.Role;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveAction;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;

/**
 * Who may do what with directives (docs/OPERATIONS.md):
 * <table>
 *   <tr><th>role</th><th>sees</th><th>may</th></tr>
 *   <tr><td>admin</td><td>all</td><td>everything</td></tr>
 *   <tr><td>operator</td><td>all</td><td>issue, accept, return (the issuer's steps)</td></tr>
 *   <tr><td>commander</td><td>own districts</td><td>acknowledge, progress, close there (the owner's steps, the
 *       department desks' directives included)</td></tr>
 *   <tr><td>officer</td><td>directives to their departments in their districts</td><td>acknowledge, progress,
 *       close those</td></tr>
 *   <tr><td>others</td><td>none</td><td>nothing</td></tr>
 * </table>
 */
public final class DirectiveAccess {
    private DirectiveAccess() {
    }

    /** Whether the viewer may issue directives in {@code district}. */
    public static boolean mayIssue(Viewer viewer, String district) {
        return (viewer.role() == Role.OPERATOR || viewer.role() == Role.ADMIN) && Visibility.sees(viewer, district);
    }

    /** Whether the viewer's role may take {@code action} at all. */
    public static boolean may(Viewer viewer, DirectiveAction action) {
        return switch (viewer.role()) {
            case ADMIN -> true;
            case OPERATOR -> action == DirectiveAction.ISSUE || !action.byOwner();
            case COMMANDER, OFFICER -> action.byOwner();
            default -> false;
        };
    }

    /** Whether the viewer sees the directive. */
    public static boolean sees(Viewer viewer, Directive directive) {
        return sees(viewer, directive.district(), directive.department());
    }

    public static boolean sees(Viewer viewer, String district, String department) {
        return switch (viewer.role()) {
            case ADMIN, OPERATOR, COMMANDER -> Visibility.sees(viewer, district);
            case OFFICER -> Visibility.sees(viewer, district) && department != null
                    && viewer.departments().stream().anyMatch(d -> d.equalsIgnoreCase(department));
            default -> false;
        };
    }
}
