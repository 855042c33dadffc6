package org.warroom.contracts.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every call to one worker within one campaign, oldest first. Topic {@code warroom.campaign-calls} (compacted),
 * keyed by {@code <campaign>/<worker>}: the latest record holds the whole history, so a restart rebuilds each
 * worker's place in the queue from one record. {@code homeDistrict}: the worker's home district when the campaign was
 * created (for progress by district and the campaign-calls index; absent in records written before it was kept).
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record WorkerCalls(String campaign, String worker, List<CallAttempt> attempts, String homeDistrict) {
    public WorkerCalls {
        attempts = List.copyOf(attempts);
    }

    public WorkerCalls(String campaign, String worker, List<CallAttempt> attempts) {
        this(campaign, worker, attempts, null);
    }

    public Optional<CallAttempt> last() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }

    public WorkerCalls with(CallAttempt attempt) {
        List<CallAttempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        return new WorkerCalls(campaign, worker, all, homeDistrict);
    }
}
