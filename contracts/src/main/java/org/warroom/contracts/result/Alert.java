package org.warroom.contracts.result;

import java.time.OffsetDateTime;
import org.warroom.contracts.event.Commodity;

/**
 * One alert episode: raised once when its condition starts, cleared once when it ends. Topic {@code warroom.alerts}
 * (compacted), keyed by {@link #id()}; every change (raise, repeat, escalation, acknowledgement, clear) is emitted.
 * The first ten fields are API.md's {@code alerts} item.
 *
 * @param id          stable: {@code rule|subject|raisedAtEpochSeconds}, e.g. {@code shortage-critical|396|medicine|1775047380};
 *                    the same condition episode keeps one id
 * @param rule        {@code shortage-critical}, {@code stockout-predicted}, {@code backlog-breaches},
 *                    {@code line-load}, {@code report-stale}, {@code citizen-signals}, {@code unlocated-messages}
 * @param district    LGD district code; null for state-wide rules (line load, unlocated messages)
 * @param subject     what the alert is about within its rule: {@code 396|medicine}, {@code 396|food}, {@code 181}
 * @param level       escalation level, 1 when raised, rising while unacknowledged ({@code alert.escalation.after})
 * @param value       the measured value when the alert last changed
 * @param threshold   the threshold it was compared with
 * @param notifiedAt  when responders were last (re)notified: the raise, a repeat or an escalation
 * @param repeats     how many times it was repeated while unacknowledged
 * @param message     the alert in English words ({@link org.warroom.contracts.text.AlertText}): names, never codes
 * @param messageHi   the same in Hindi; null on records written before it existed
 */
public record Alert(
        String id,
        String rule,
        String district,
        Commodity commodity,
        Severity severity,
        AlertState state,
        OffsetDateTime raisedAt,
        String ackBy,
        OffsetDateTime ackAt,
        OffsetDateTime clearedAt,
        String subject,
        int level,
        double value,
        double threshold,
        String message,
        String ackComment,
        OffsetDateTime notifiedAt,
        int repeats,
        String messageHi) {

    /** An alert without its Hindi words (records written before {@code messageHi}, tests). */
    public Alert(String id, String rule, String district, Commodity commodity, Severity severity, AlertState state,
                 OffsetDateTime raisedAt, String ackBy, OffsetDateTime ackAt, OffsetDateTime clearedAt, String subject,
                 int level, double value, double threshold, String message, String ackComment,
                 OffsetDateTime notifiedAt, int repeats) {
        this(id, rule, district, commodity, severity, state, raisedAt, ackBy, ackAt, clearedAt, subject, level, value,
                threshold, message, ackComment, notifiedAt, repeats, null);
    }

    /** The alert's words in {@code hindi} or English; the English ones when there are no Hindi words. */
    public String messageIn(boolean hindi) {
        return hindi && messageHi != null && !messageHi.isBlank() ? messageHi : message;
    }

    /** The condition an alert id belongs to: the id without its trailing {@code |raisedAt}. */
    public static String conditionOf(String alertId) {
        int bar = alertId == null ? -1 : alertId.lastIndexOf('|');
        return bar < 0 ? alertId : alertId.substring(0, bar);
    }

    public boolean open() {
        return state != AlertState.CLEARED;
    }
}
