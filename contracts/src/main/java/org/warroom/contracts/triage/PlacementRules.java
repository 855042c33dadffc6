package org.warroom.contracts.triage;

import java.time.OffsetDateTime;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.PlaceSuggestions;
import org.warroom.contracts.triage.TriageRefused.Reason;

/**
 * When an unplaced message may be placed: only a message with no district, only once. The operator names the version
 * they saw (0: unplaced); a message already placed refuses any placing as stale (409) with the placement that won, so
 * two operators racing, or one placing twice, never count a message twice.
 */
public final class PlacementRules {
    static final int MAX_SPELLING = 60;

    private PlacementRules() {
    }

    /** The placement, or {@link TriageRefused} with the current version and placement. */
    public static Placement place(CitizenMessage message, Placement existing, long seenVersion, District district,
                                  String spelling, String by, OffsetDateTime at) {
        if (existing != null) {
            throw new TriageRefused(Reason.STALE, "version", "message " + message.id() + " was placed in district "
                    + existing.district() + " by " + existing.by() + " already", existing.version(), existing);
        }
        if (seenVersion != 0) {
            throw new TriageRefused(Reason.STALE, "version", "message " + message.id()
                    + " is not placed yet: its version is 0", 0, null);
        }
        if (!message.unlocated()) {
            throw new TriageRefused(Reason.NOT_ALLOWED, "id", "message " + message.id() + " has a district ("
                    + message.district() + ", " + message.districtSource() + "); only unplaced messages are placed", 0, null);
        }
        String words = spelling == null || spelling.isBlank() ? null : spelling.strip();
        if (words != null && words.length() > MAX_SPELLING) {
            throw new TriageRefused(Reason.INVALID, "spelling", "at most " + MAX_SPELLING + " characters", 0, null);
        }
        if (words != null && !PlaceSuggestions.containsWords(message.text(), words)) {
            throw new TriageRefused(Reason.INVALID, "spelling", "must be words of the message (the words that name the"
                    + " district)", 0, null);
        }
        return new Placement(message.id(), district.code(), words, by, at, Placement.FIRST_VERSION);
    }
}
