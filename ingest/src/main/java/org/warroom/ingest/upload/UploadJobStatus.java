package org.warroom.ingest.upload;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;
import org.warroom.ingest.validate.LineError;

/**
 * One registry upload's progress at a moment, as every ingest instance can answer it: the job's own instance
 * writes it to the compacted topic {@code warroom.upload-jobs} as the import goes, so {@code GET /v1/jobs/<id>}
 * answers on whichever instance the proxy picks. {@code updatedAt} stops moving when the importing process died
 * mid-way (uploading the file again is harmless).
 */
public record UploadJobStatus(String job, String keyId, String state, long rows, long accepted, long rejected,
                              List<LineError> errors, String failure, Instant createdAt, Instant finishedAt,
                              Instant updatedAt) {

    /** Upload jobs of every ingest instance, keyed by job id; compacted. */
    public static final Topic<String, UploadJobStatus> TOPIC =
            new Topic<>("warroom.upload-jobs", Serdes.String(), JsonSerde.of(UploadJobStatus.class), true);

    /** The answer of {@code GET /v1/jobs/<id>}. */
    public Map<String, Object> answer() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("job", job);
        out.put("state", state.toLowerCase(Locale.ROOT));
        out.put("rows", rows);
        out.put("accepted", accepted);
        out.put("rejected", rejected);
        out.put("errors", errors == null ? List.of() : errors);
        if (errors != null && rejected > errors.size()) {
            out.put("errorsTruncated", true);
        }
        if (failure != null) {
            out.put("failure", failure);
        }
        out.put("createdAt", createdAt.toString());
        if (finishedAt != null) {
            out.put("finishedAt", finishedAt.toString());
        }
        out.put("updatedAt", updatedAt.toString());
        return out;
    }
}
