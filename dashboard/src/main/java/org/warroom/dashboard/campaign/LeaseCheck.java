package org.warroom.dashboard.campaign;

/** Whether an outcome may be recorded for a worker under a lease. */
enum LeaseCheck {
    /** The lease is the worker's current one and the agent's. */
    HELD,
    /** The outcome of this very lease is recorded already (a repeated request). */
    ALREADY_RECORDED,
    /** The lease ran out or was never given; the worker may be with someone else by now. */
    NOT_HELD,
    /** The campaign holds no such worker. */
    UNKNOWN_WORKER
}
