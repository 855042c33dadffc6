package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.warroom.contracts.event.CallStep;

/** A helpline call step as indexed (family {@code calls}, id = step id); {@code caller} is personal data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallDoc(
        String id,
        String call,
        String line,
        String district,
        String event,
        OffsetDateTime at,
        String caller,
        String callerMasked,
        String agent,
        String source) {

    public static final String PROTECTED_CALLER = "caller";

    public static CallDoc of(CallStep c) {
        return new CallDoc(c.id(), c.call(), c.line(), c.district(), c.event() == null ? null : c.event().wire(),
                c.at(), c.caller(), PersonalData.maskHandle(c.caller()), c.agent(), c.source());
    }
}
