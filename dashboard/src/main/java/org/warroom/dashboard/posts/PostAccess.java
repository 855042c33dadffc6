package org.warroom.dashboard.posts;

import org.warroom.contracts.account.Role;
import org.warroom.dashboard.access.Viewer;

/**
 * Social-media posts speak for the state war room: its operators and administrators draft, edit and approve them
 * (someone else than the last editor approves, see {@link org.warroom.contracts.social.PostLifecycle}). Commanders
 * and responders speak for a district and get 403.
 */
public final class PostAccess {
    private PostAccess() {
    }

    public static boolean may(Viewer viewer) {
        return viewer.role() == Role.OPERATOR || viewer.role() == Role.ADMIN;
    }
}
