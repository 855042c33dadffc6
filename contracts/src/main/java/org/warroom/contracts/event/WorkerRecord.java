package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One migrant-worker registry record (feed {@code workers}). Topic {@code warroom.workers} (compacted), keyed by
 * {@link #id()}: a later record for the same id replaces the earlier one.
 *
 * @param name            personal data
 * @param phone           personal data
 * @param homeDistrict    LGD district code
 * @param currentState    LGD state code (names are resolved to codes at intake)
 * @param currentDistrict LGD district code, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerRecord(
        String id,
        String name,
        String phone,
        String homeDistrict,
        List<String> skills,
        WorkerStatus status,
        String currentState,
        String currentDistrict,
        OffsetDateTime verifiedAt,
        WorkerSource source,
        OffsetDateTime at) {

    public WorkerRecord {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
