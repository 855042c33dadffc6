package org.warroom.contracts.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One call to one worker and what it came to. {@code lease} names the hand-out it answers, so a repeated request
 * for the same lease is recognised and not counted twice. {@code call} names the provider's call when the agent dialled
 * through one (click-to-call: {@code exotel:<sid>}, {@code twilio:<sid>}, the id of its steps on the calls feed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallAttempt(int number, String agent, String lease, CallOutcome outcome, String currentState,
                          String currentDistrict, String status, Instant callBackAt, String note, Instant at,
                          String call) {
}
