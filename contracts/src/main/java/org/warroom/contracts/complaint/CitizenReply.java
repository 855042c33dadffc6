package org.warroom.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One message the desk asks the notifier to send to a citizen: topic {@code warroom.citizen-reply-requests}, keyed
 * by {@link #id()} (personal data: the phone). The notifier answers with a {@link CitizenReplyOutcome} of the same id.
 *
 * @param id       {@code <number>/v<version>} for the reply of a complaint step, {@code answer/<message id>} for the
 *                 answer to a citizen's own message (a status question, a refused rating): the same on a retry
 * @param number   the complaint it is about; null for a "not found" answer
 * @param channel  {@code sms} or {@code whatsapp}
 * @param to       the citizen's phone (E.164)
 * @param language {@code hi} or {@code en}
 * @param purpose  the kind of message: the key of its words, e.g. {@code reply.status} (a DLT template per purpose)
 * @param text     the message, already in the citizen's language
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CitizenReply(String id, String number, String channel, String to, String language, String purpose,
                           String text, OffsetDateTime at) {
    @Override
    public String toString() {
        return "CitizenReply[" + id + " " + purpose + " on " + channel + "]";
    }
}
