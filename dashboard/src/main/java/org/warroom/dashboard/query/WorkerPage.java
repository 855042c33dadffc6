package org.warroom.dashboard.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** One page of the worker registry search: {@code {"total", "items": [...]}}. */
public record WorkerPage(long total, List<Worker> items) {

    /**
     * A worker as a caller may see them: {@code name} and {@code phone} in clear only when the caller's scope shows
     * personal data, otherwise masked ({@code R***** K****}, {@code ********1234}); {@code masked} says which.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Worker(String id, String name, String phone, boolean masked, String homeDistrict,
                         String currentState, String currentDistrict, List<String> skills, String status,
                         OffsetDateTime verifiedAt, String source, OffsetDateTime at) {
    }
}
