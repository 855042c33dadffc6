package org.warroom.dashboard.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The provider call dialled for each lease (the newest 10,000), so the outcome recorded for the lease names the call
 * whose events the provider posts to the calls feed. After a restart the agent's page sends the call it dialled.
 */
final class DialedLeases {
    private final Map<String, String> byLease = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 10_000;
        }
    };

    synchronized void put(String lease, String call) {
        byLease.put(lease, call);
    }

    synchronized Optional<String> call(String lease) {
        return Optional.ofNullable(byLease.get(lease));
    }
}
