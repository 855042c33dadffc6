package org.warroom.dashboard.notify;

import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.notify.store.NotifyStore;

/** The API's answer (503) while the {@link NotifyStore} has not yet read its topics to their ends. */
final class StillLoading {
    private StillLoading() {
    }

    static void refuse(NotifyStore store) {
        if (!store.loaded()) {
            throw ApiError.unavailable("subscriptions and deliveries are still loading; try again");
        }
    }
}
