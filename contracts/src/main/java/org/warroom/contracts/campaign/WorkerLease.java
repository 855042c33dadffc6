package org.warroom.contracts.campaign;

import java.time.Instant;

/**
 * A worker handed to one agent until {@code until}. Topic {@code warroom.campaign-leases} (compacted), keyed by
 * {@code <campaign>/<worker>}; written before the agent is answered, so a restart never hands the worker to
 * someone else while the lease runs; a tombstone once the outcome is recorded.
 */
public record WorkerLease(String id, String campaign, String worker, String agent, Instant until) {
}
