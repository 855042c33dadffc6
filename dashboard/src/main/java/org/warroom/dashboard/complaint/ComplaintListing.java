package org.warroom.dashboard.complaint;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintState;
import org.warroom.contracts.event.WireEnum;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;
import org.warroom.dashboard.http.ApiError;

/**
 * The complaints list's filter ({@code complaints?state=&district=&department=&assignee=}), for the list and its
 * export alike: what the viewer may see ({@link ComplaintAccess}), narrowed by the criteria, oldest open first.
 *
 * @param states     any of these states ({@code state=registered,assigned}); empty for all
 * @param district   one district inside the viewer's scope (403 otherwise), or null
 * @param department one department (case ignored), or null
 * @param assignee   one assignee, or null
 */
public record ComplaintListing(Set<ComplaintState> states, String district, String department, String assignee) {

    public ComplaintListing {
        states = Set.copyOf(states);
        district = blankToNull(district);
        department = blankToNull(department);
        assignee = blankToNull(assignee);
    }

    /** From the request's parameters; 400 naming {@code state} for an unknown state. */
    public static ComplaintListing of(String state, String district, String department, String assignee) {
        return new ComplaintListing(states(state), district, department, assignee);
    }

    /** The complaints of {@code all} the viewer sees and the criteria select, oldest open first. */
    public Stream<Complaint> select(Viewer viewer, Collection<Complaint> all) {
        if (district != null && !Visibility.sees(viewer, district)) {
            throw ApiError.forbidden("district " + district + " is outside your scope");
        }
        return all.stream()
                .filter(c -> ComplaintAccess.sees(viewer, c))
                .filter(c -> states.isEmpty() || states.contains(c.state()))
                .filter(c -> district == null || district.equals(c.district()))
                .filter(c -> department == null || department.equalsIgnoreCase(c.department()))
                .filter(c -> assignee == null || assignee.equals(c.assignee()))
                .sorted(Comparator.comparing((Complaint c) -> c.openSince().toInstant()).thenComparing(Complaint::number));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Set<ComplaintState> states(String param) {
        if (param == null || param.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(param.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> WireEnum.parse(ComplaintState.class, s).orElseThrow(() -> ApiError.invalid("state",
                        "unknown state '" + (s.length() > 20 ? s.substring(0, 20) : s) + "'; allowed: "
                        + String.join(", ", WireEnum.allowed(ComplaintState.class)))))
                .collect(Collectors.toSet());
    }
}
