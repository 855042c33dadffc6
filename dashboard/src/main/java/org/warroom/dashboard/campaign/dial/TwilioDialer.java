package org.warroom.dashboard.campaign.dial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Twilio's Calls API ({@code POST /2010-04-01/Accounts/<sid>/Calls.json}): {@code To} the agent (rung first),
 * {@code From} the caller id, {@code Twiml} a {@code <Dial>} of the worker under the same caller id, and
 * {@code StatusCallback} ingest's Twilio voice webhook for initiated, ringing, answered and completed. Answer
 * {@code 201 {"sid", "status", …}}; a refusal {@code {"code", "message", "status"}}.
 */
final class TwilioDialer implements Dialer {
    private final DialSettings settings;
    private final ProviderForm form;

    TwilioDialer(DialSettings settings, ProviderForm form) {
        this.settings = settings;
        this.form = form;
    }

    @Override
    public DialProvider provider() {
        return DialProvider.TWILIO;
    }

    @Override
    public DialedCall dial(String agentPhone, String workerPhone, String reference) throws DialFailed {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(
                Map.entry("To", agentPhone),
                Map.entry("From", settings.callerId()),
                Map.entry("Twiml", "<Response><Dial callerId=\"" + xml(settings.callerId()) + "\"><Number>"
                        + xml(workerPhone) + "</Number></Dial></Response>"),
                Map.entry("StatusCallback", settings.statusCallback()),
                Map.entry("StatusCallbackMethod", "POST")));
        for (String event : List.of("initiated", "ringing", "answered", "completed")) {
            fields.add(Map.entry("StatusCallbackEvent", event));
        }
        ProviderForm.Answer answer = form.post("/2010-04-01/Accounts/" + settings.accountSid() + "/Calls.json", fields);
        String sid = answer.json().path("sid").asText("");
        if (!answer.ok() || sid.isEmpty()) {
            throw new DialFailed(answer.status(), "Twilio refused the call (" + answer.status() + "): "
                    + answer.json().path("message").asText("no reason given"));
        }
        return DialedCall.of(DialProvider.TWILIO, sid, answer.json().path("status").asText(null));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
