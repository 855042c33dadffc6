package org.warroom.dashboard.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.reference.DistrictDirectory;

/**
 * What a viewer may see, in one place for pages, JSON, websocket and search alike:
 * <ul>
 *   <li>Operators and administrators: everything (operators with personal data masked). An operator limited to
 *       some states sees those states' districts like a commander sees theirs, and no state-wide (all-India)
 *       figure.</li>
 *   <li>Commanders: values of their own districts only. State-wide figures (call load per line, registry
 *       totals, unlocated messages, state-wide alerts, worker distributions by state, skill or status) are not
 *       district data and are not shown to them.</li>
 *   <li>Responders: like commanders, and of the alerts of their districts only those of their categories
 *       (an alert's commodity, or a backlog alert's department); alerts with no category (report-stale) reach
 *       every responder of the district. No categories means all.</li>
 *   <li>Officers: their districts, personal data in clear (they work the complaints); complaints only of their
 *       departments (the grievance desk's {@code ComplaintAccess}).</li>
 *   <li>Agents: every district (or the ones they are bound to), personal data masked.</li>
 * </ul>
 */
public final class Visibility {
    private Visibility() {
    }

    /**
     * Whether the viewer sees a value that belongs to {@code district} (null: state-wide) and concerns
     * {@code categories} (empty: no particular category).
     */
    public static boolean sees(Viewer viewer, String district, Collection<String> categories) {
        if (district == null) {
            return viewer.scope().allDistricts();
        }
        if (!viewer.scope().sees(district)) {
            return false;
        }
        if (viewer.role() == Role.RESPONDER && !viewer.categories().isEmpty() && !categories.isEmpty()) {
            return categories.stream().anyMatch(viewer.categories()::contains);
        }
        return true;
    }

    public static boolean sees(Viewer viewer, String district) {
        return sees(viewer, district, Set.of());
    }

    /** Whether the viewer sees state-wide figures. */
    public static boolean seesStateWide(Viewer viewer) {
        return viewer.scope().allDistricts();
    }

    /**
     * The scope of a user: {@link #scopeOf(Role, Collection)}, except that an operator limited to states sees every
     * district of those states and nothing else.
     */
    public static Scope scopeOf(UserAccount user, DistrictDirectory directory) {
        Role role = user.roleEnum();
        if (role == Role.OPERATOR && !user.states().isEmpty()) {
            Set<String> districts = new HashSet<>();
            for (String state : user.states()) {
                directory.inState(state).forEach(d -> districts.add(d.code()));
            }
            return Scope.states(Set.copyOf(user.states()), districts, false);
        }
        return scopeOf(role, user.districts());
    }

    /** The scope a role gets: the whole state for operators and admins, the bound districts otherwise. */
    public static Scope scopeOf(Role role, Collection<String> districts) {
        return switch (role) {
            case OPERATOR, SUPERVISOR, DISPLAY -> Scope.everywhere(false);
            case ADMIN -> Scope.everywhere(true);
            case COMMANDER -> Scope.districts(Set.copyOf(districts), true);
            case RESPONDER -> Scope.districts(Set.copyOf(districts), false);
            case OFFICER -> Scope.districts(Set.copyOf(districts), true);
            case AGENT -> districts.isEmpty() ? Scope.everywhere(false) : Scope.districts(Set.copyOf(districts), false);
        };
    }
}
