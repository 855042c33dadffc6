package org.warroom.ingest.upload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.warroom.ingest.validate.LineError;

/**
 * One registry upload's progress, shared between the import thread (writer) and {@code GET /v1/jobs/<id>}
 * (readers): {@code running} until every row was delivered, then {@code done}; {@code failed} when the file
 * could not be read or Kafka stayed unavailable (re-uploading the same file is harmless). Every change is passed
 * to {@code onChange} as a {@link UploadJobStatus} (to share it with the other instances).
 */
public final class UploadJob {
    public enum State { RUNNING, DONE, FAILED }

    private final String id;
    private final String keyId;
    private final int maxErrors;
    private final Consumer<UploadJobStatus> onChange;
    private final Instant createdAt = Instant.now();
    private State state = State.RUNNING;
    private long rows;
    private long accepted;
    private long rejected;
    private String failure;
    private Instant finishedAt;
    private final List<LineError> errors = new ArrayList<>();

    public UploadJob(String id, String keyId, int maxErrors) {
        this(id, keyId, maxErrors, status -> { });
    }

    public UploadJob(String id, String keyId, int maxErrors, Consumer<UploadJobStatus> onChange) {
        this.id = id;
        this.keyId = keyId;
        this.maxErrors = maxErrors;
        this.onChange = onChange;
    }

    public String id() {
        return id;
    }

    public String keyId() {
        return keyId;
    }

    public synchronized State state() {
        return state;
    }

    void progress(long rowsDone, long acceptedNow, long rejectedNow, List<LineError> newErrors) {
        synchronized (this) {
            rows = rowsDone;
            accepted += acceptedNow;
            rejected += rejectedNow;
            for (LineError e : newErrors) {
                if (errors.size() < maxErrors) {
                    errors.add(e);
                }
            }
        }
        onChange.accept(snapshot());
    }

    void finish() {
        synchronized (this) {
            state = State.DONE;
            finishedAt = Instant.now();
        }
        onChange.accept(snapshot());
    }

    public void fail(String why) {
        synchronized (this) {
            failure = why;
            state = State.FAILED;
            finishedAt = Instant.now();
        }
        onChange.accept(snapshot());
    }

    /** The job as it is now. */
    public synchronized UploadJobStatus snapshot() {
        return new UploadJobStatus(id, keyId, state.name(), rows, accepted, rejected, List.copyOf(errors), failure,
                createdAt, finishedAt, Instant.now());
    }

    /** The answer of {@code GET /v1/jobs/<id>}. */
    public Map<String, Object> status() {
        return snapshot().answer();
    }
}
