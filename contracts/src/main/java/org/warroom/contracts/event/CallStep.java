package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One step of one helpline call (feed {@code calls}, {@code kind=call}). Topic {@code warroom.calls}, keyed by
 * {@link #call()} so that every step of a call lands on one partition in order.
 *
 * @param id     client-chosen id of this step; re-sending it is harmless
 * @param call   the call this step belongs to
 * @param line   helpline line ({@code 181}, {@code 104}, {@code 1075}, {@code district-control},
 *               {@code worker-helpline}, or another configured line)
 * @param caller the caller's number: personal data
 * @param agent  the answering agent, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallStep(
        String id,
        String call,
        String line,
        String district,
        CallEventType event,
        OffsetDateTime at,
        String caller,
        String agent,
        String source) {

    /** The feed's discriminator value for call steps. */
    public static final String KIND = "call";
}
