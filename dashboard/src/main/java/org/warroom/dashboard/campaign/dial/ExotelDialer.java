package org.warroom.dashboard.campaign.dial;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Exotel's "connect two numbers" ({@code POST /v1/Accounts/<sid>/Calls/connect.json}): {@code From} the agent (rung
 * first), {@code To} the worker, {@code CallerId} the ExoPhone, {@code StatusCallback} ingest's Exotel webhook for the
 * answered and terminal events. Answer {@code {"Call": {"Sid", "Status", …}}}; a refusal {@code {"RestException":
 * {"Status", "Message"}}}.
 */
final class ExotelDialer implements Dialer {
    private final DialSettings settings;
    private final ProviderForm form;

    ExotelDialer(DialSettings settings, ProviderForm form) {
        this.settings = settings;
        this.form = form;
    }

    @Override
    public DialProvider provider() {
        return DialProvider.EXOTEL;
    }

    @Override
    public DialedCall dial(String agentPhone, String workerPhone, String reference) throws DialFailed {
        ProviderForm.Answer answer = form.post("/v1/Accounts/" + settings.accountSid() + "/Calls/connect.json", List.of(
                Map.entry("From", agentPhone),
                Map.entry("To", workerPhone),
                Map.entry("CallerId", settings.callerId()),
                Map.entry("CallType", "trans"),
                Map.entry("StatusCallback", settings.statusCallback()),
                Map.entry("StatusCallbackEvents[0]", "terminal"),
                Map.entry("StatusCallbackEvents[1]", "answered"),
                Map.entry("CustomField", reference)));
        JsonNode call = answer.json().path("Call");
        String sid = call.path("Sid").asText("");
        if (!answer.ok() || sid.isEmpty()) {
            JsonNode problem = answer.json().path("RestException");
            throw new DialFailed(answer.status(), "Exotel refused the call (" + answer.status() + "): "
                    + problem.path("Message").asText("no reason given"));
        }
        return DialedCall.of(DialProvider.EXOTEL, sid, call.path("Status").asText(null));
    }
}
