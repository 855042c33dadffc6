package org.warroom.dashboard.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** The worker an agent is to call, in clear: only the agent holding the worker's lease is shown this. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerCard(String id, String name, String phone, String homeDistrict, String currentState,
                         String currentDistrict, List<String> skills, String status, OffsetDateTime verifiedAt) {
}
