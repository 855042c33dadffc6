package org.warroom.dashboard.shift;

import org.warroom.contracts.account.Role;
import org.warroom.dashboard.access.Viewer;

/**
 * The shift log and handovers are the state war room's own: operators and administrators read and write them
 * (any of them may draft and sign; the incoming lead who acknowledges must be someone else than the signer). Other
 * roles get 403.
 */
public final class ShiftAccess {
    private ShiftAccess() {
    }

    public static boolean may(Viewer viewer) {
        return viewer.role() == Role.OPERATOR || viewer.role() == Role.ADMIN;
    }
}
