package org.warroom.ingest.upload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.ingest.validate.LineError;

/**
 * One registry upload's progress, shared between the import thread (writer) and {@code GET /v1/jobs/<id>}
 * (readers): {@code running} until every row was delivered, then {@code done}; {@code failed} when the file
 * could not be read or Kafka stayed unavailable (re-uploading the same file is harmless).
 */
public final class UploadJob {
    public enum State { RUNNING, DONE, FAILED }

    private final String id;
    private final String keyId;
    private final int maxErrors;
    private final Instant createdAt = Instant.now();
    private volatile State state = State.RUNNING;
    private volatile long rows;
    private volatile long accepted;
    private volatile long rejected;
    private volatile String failure;
    private volatile Instant finishedAt;
    private final List<LineError> errors = new ArrayList<>();

    public UploadJob(String id, String keyId, int maxErrors) {
        this.id = id;
        this.keyId = keyId;
        this.maxErrors = maxErrors;
    }

    public String id() {
        return id;
    }

    public String keyId() {
        return keyId;
    }

    public State state() {
        return state;
    }

    synchronized void progress(long rowsDone, long acceptedNow, long rejectedNow, List<LineError> newErrors) {
        rows = rowsDone;
        accepted += acceptedNow;
        rejected += rejectedNow;
        for (LineError e : newErrors) {
            if (errors.size() < maxErrors) {
                errors.add(e);
            }
        }
    }

    synchronized void finish() {
        state = State.DONE;
        finishedAt = Instant.now();
    }

    public synchronized void fail(String why) {
        failure = why;
        state = State.FAILED;
        finishedAt = Instant.now();
    }

    /** The answer of {@code GET /v1/jobs/<id>}. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("job", id);
        out.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        out.put("rows", rows);
        out.put("accepted", accepted);
        out.put("rejected", rejected);
        out.put("errors", List.copyOf(errors));
        if (rejected > errors.size()) {
            out.put("errorsTruncated", true);
        }
        if (failure != null) {
            out.put("failure", failure);
        }
        out.put("createdAt", createdAt.toString());
        if (finishedAt != null) {
            out.put("finishedAt", finishedAt.toString());
        }
        return out;
    }
}
