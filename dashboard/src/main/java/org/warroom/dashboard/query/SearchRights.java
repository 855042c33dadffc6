package org.warroom.dashboard.query;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.warroom.contracts.account.Role;

/**
 * Which feeds of {@code /api/v1/search} a role may search (docs/SEARCH.md, "Directives, the log and handovers"), on
 * top of its district {@link org.warroom.dashboard.access.Scope}: citizen messages and ticket notes as before;
 * directives for administrators, operators, commanders (their districts) and officers (their districts, directives
 * to their department desks only: {@code departments}); desk complaints for every role (an officer: their
 * departments' only, as on the desk); the shift log and handovers for administrators and operators.
 *
 * @param byDepartment directives and complaints limited to {@code departments} (an officer)
 * @param departments  an officer's department desks, in lower case
 */
public record SearchRights(Set<SearchQuery.Feed> feeds, boolean byDepartment, List<String> departments) {
    /** Messages and ticket notes only (what search covered before directives and the log were indexed). */
    public static final SearchRights MESSAGES_AND_TICKETS =
            new SearchRights(EnumSet.of(SearchQuery.Feed.MESSAGES, SearchQuery.Feed.TICKETS), false, List.of());

    public SearchRights {
        feeds = feeds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(feeds));
        departments = departments == null ? List.of()
                : departments.stream().map(d -> d.toLowerCase(Locale.ROOT)).sorted().toList();
    }

    public static SearchRights of(Role role, List<String> departments) {
        // Desk complaints: every role sees the complaints of its scope (docs/COMPLAINTS.md, "Roles").
        EnumSet<SearchQuery.Feed> feeds = EnumSet.of(SearchQuery.Feed.MESSAGES, SearchQuery.Feed.TICKETS,
                SearchQuery.Feed.COMPLAINTS);
        switch (role) {
            case ADMIN, OPERATOR -> feeds.addAll(EnumSet.of(SearchQuery.Feed.DIRECTIVES, SearchQuery.Feed.LOG,
                    SearchQuery.Feed.HANDOVERS));
            case COMMANDER -> feeds.add(SearchQuery.Feed.DIRECTIVES);
            case OFFICER -> {
                feeds.add(SearchQuery.Feed.DIRECTIVES);
                return new SearchRights(feeds, true, departments);
            }
            default -> { }
        }
        return new SearchRights(feeds, false, List.of());
    }
}
