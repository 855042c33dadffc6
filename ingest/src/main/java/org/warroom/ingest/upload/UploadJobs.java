package org.warroom.ingest.upload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The registry upload jobs of this process (the last 200), by id. Jobs live as long as the process. */
public final class UploadJobs {
    private static final int KEEP = 200;

    private final Map<String, UploadJob> jobs = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UploadJob> eldest) {
            return size() > KEEP;
        }
    };
    private final int maxErrors;

    public UploadJobs(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    public synchronized UploadJob create(String keyId) {
        UploadJob job = new UploadJob("up-" + UUID.randomUUID(), keyId, maxErrors);
        jobs.put(job.id(), job);
        return job;
    }

    public synchronized Optional<UploadJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }
}
