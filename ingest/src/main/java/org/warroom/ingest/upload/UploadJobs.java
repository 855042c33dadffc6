package org.warroom.ingest.upload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry upload jobs of this process (the last 200), by id, each shared through a {@link Ledger} so that
 * any instance can answer for any job. Without a ledger, jobs are known to this process only.
 */
public final class UploadJobs {
    private static final int KEEP = 200;

    /** Where jobs are shared with the other instances. */
    public interface Ledger {
        /** Passes on a job's progress (asynchronously; a failure is logged, the import goes on). */
        void publish(UploadJobStatus status);

        /** A job of any instance, as last passed on. */
        Optional<UploadJobStatus> find(String id);
    }

    private static final Ledger LOCAL_ONLY = new Ledger() {
        @Override
        public void publish(UploadJobStatus status) {
        }

        @Override
        public Optional<UploadJobStatus> find(String id) {
            return Optional.empty();
        }
    };

    private final Map<String, UploadJob> jobs = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UploadJob> eldest) {
            return size() > KEEP;
        }
    };
    private final int maxErrors;
    private final Ledger ledger;

    public UploadJobs(int maxErrors) {
        this(maxErrors, LOCAL_ONLY);
    }

    public UploadJobs(int maxErrors, Ledger ledger) {
        this.maxErrors = maxErrors;
        this.ledger = ledger;
    }

    public UploadJob create(String keyId) {
        UploadJob job = new UploadJob("up-" + UUID.randomUUID(), keyId, maxErrors, ledger::publish);
        synchronized (this) {
            jobs.put(job.id(), job);
        }
        ledger.publish(job.snapshot());
        return job;
    }

    /** The job as this instance runs it, else as its own instance last shared it. */
    public Optional<UploadJobStatus> find(String id) {
        UploadJob local;
        synchronized (this) {
            local = jobs.get(id);
        }
        return local != null ? Optional.of(local.snapshot()) : ledger.find(id);
    }
}
