package org.warroom.contracts.triage;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An operator's placing of a citizen message that had no recognised district (docs/TRIAGE.md). Topic
 * {@code warroom.placements} (compacted), keyed by message id: a message is placed once, so the record that exists is
 * version 1 and any later attempt is refused (409).
 *
 * @param messageId the message's id (the same id the placed message is written again under on {@code warroom.messages})
 * @param district  LGD district code the operator chose
 * @param spelling  the words of the message that name the district, as written, when the operator gave them; they
 *                  feed the proposed aliases ({@link AliasProposal}); null otherwise
 * @param by        the operator's username
 * @param at        when it was placed
 * @param version   1
 */
public record Placement(String messageId, String district, String spelling, String by, OffsetDateTime at,
                        long version) {
    public static final long FIRST_VERSION = 1;

    public Placement {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(district, "district");
    }
}
