package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.warroom.contracts.campaign.CallAttempt;
import org.warroom.contracts.campaign.WorkerCalls;

/**
 * One verification call of a campaign as indexed (family {@code campaign-calls}, id
 * {@code <campaign>/<worker>/<attempt>}): who called which worker (by id: no name, no phone, no note), the outcome,
 * the worker's home district ({@code district}) and, when verified, where they work now, and the provider's call
 * when the agent dialled through one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignCallDoc(String id, String campaign, String worker, int attempt, String agent, String outcome,
                              boolean reached, String district, String homeDistrict, String currentState,
                              String currentDistrict, String status, Instant callBackAt, String call, Instant at) {

    /** Every attempt of a worker's calls record (the record holds the whole history). */
    public static List<CampaignCallDoc> of(WorkerCalls calls) {
        List<CampaignCallDoc> out = new ArrayList<>(calls.attempts().size());
        for (CallAttempt a : calls.attempts()) {
            out.add(new CampaignCallDoc(calls.campaign() + "/" + calls.worker() + "/" + a.number(), calls.campaign(),
                    calls.worker(), a.number(), a.agent(), a.outcome() == null ? null : a.outcome().wire(),
                    a.outcome() != null && a.outcome().reached(), calls.homeDistrict(), calls.homeDistrict(),
                    a.currentState(), a.currentDistrict(), a.status(), a.callBackAt(), a.call(), a.at()));
        }
        return out;
    }
}
