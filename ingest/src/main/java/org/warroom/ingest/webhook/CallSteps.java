package org.warroom.ingest.webhook;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.config.PhoneNumbers;
import org.warroom.ingest.config.Telephony;
import org.warroom.ingest.feed.Decoded;
import org.warroom.ingest.feed.Outgoing;
import org.warroom.ingest.reference.Places;

/**
 * Builds call steps from telephony callbacks: the line from the called number, the district from the caller's
 * prefix, else from the line's control room (absent when neither is configured). A called number that belongs
 * to no line (and no default line is set) is refused with a reason naming the setting.
 */
public final class CallSteps {
    private final Telephony telephony;
    private final Places places;

    public CallSteps(Telephony telephony, Places places) {
        this.telephony = telephony;
        this.places = places;
    }

    public Telephony telephony() {
        return telephony;
    }

    public Decoded step(String provider, String callId, String calledNumber, String caller, CallEventType event,
                        OffsetDateTime at) {
        Optional<Telephony.Route> route = telephony.route(calledNumber);
        if (route.isEmpty()) {
            return Decoded.rejected("line", "called number " + PhoneNumbers.masked(calledNumber)
                    + " belongs to no helpline line: map it in telephony.lines (WARROOM_TELEPHONY_LINES)");
        }
        String district = telephony.callerDistrict(caller)
                .or(() -> Optional.ofNullable(route.get().district()))
                .filter(d -> places.district(d).isPresent())
                .orElse(null);
        String call = WebhookIds.of(provider, callId);
        CallStep step = new CallStep(WebhookIds.of(provider, callId, event.wire()), call, route.get().line(), district,
                event, at, caller, null, provider);
        return Decoded.accepted(new Outgoing<>(Topics.CALLS, call, step, district));
    }
}
