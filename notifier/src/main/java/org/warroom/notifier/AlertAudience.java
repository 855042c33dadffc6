package org.warroom.notifier;

import java.util.Set;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.Alert;

/**
 * Whether an account's scope takes in an alert, as the dashboard's visibility rules say: operators and
 * administrators every district (an operator limited to states: the districts of those states only), everybody
 * else their own districts, responders only their categories, officers only their departments (a backlog's or an
 * escalated complaint's department).
 */
final class AlertAudience {
    private final DistrictDirectory districts;

    AlertAudience(DistrictDirectory districts) {
        this.districts = districts;
    }

    boolean covers(UserAccount account, Role role, Alert alert, Set<String> categories) {
        if (role == Role.OPERATOR && !account.states().isEmpty()) {
            String state = alert.district() == null ? null
                    : districts.byCode(alert.district()).map(District::stateCode).orElse(null);
            return state != null && account.states().contains(state);
        }
        boolean everywhere = role == Role.OPERATOR || role == Role.ADMIN;
        if (!everywhere && (alert.district() == null || !account.districts().contains(alert.district()))) {
            return false;
        }
        if (role == Role.OFFICER) { // a department's desk officer: their departments only (docs/COMPLAINTS.md)
            return categories.isEmpty() || account.departments().stream()
                    .anyMatch(d -> categories.stream().anyMatch(d::equalsIgnoreCase));
        }
        if (role == Role.RESPONDER && !account.categories().isEmpty() && !categories.isEmpty()) {
            return categories.stream().anyMatch(account.categories()::contains);
        }
        return true;
    }
}
