package org.warroom.dashboard.campaign;

import org.warroom.contracts.campaign.WorkerLease;

/** A worker handed to an agent: the lease, and how many calls were made to the worker before. */
public record Handout(WorkerLease lease, int previousAttempts, boolean renewed) {
}
