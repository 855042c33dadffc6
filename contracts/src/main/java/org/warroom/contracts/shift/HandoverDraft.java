package org.warroom.contracts.shift;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the system drafts at shift change from the live state (docs/OPERATIONS.md): open critical alerts, overdue
 * directives, complaint SLA breaches, the worst shortages, what changed since the last handover (alerts raised,
 * directives issued or stepped) and the log's entries since then.
 *
 * @param since when the last handover was drafted (null: the first one; then the last 12 hours)
 */
public record HandoverDraft(OffsetDateTime since, List<HandoverItem> alerts, List<HandoverItem> directives,
                            List<HandoverItem> slaBreaches, List<HandoverItem> shortages, List<HandoverItem> changes,
                            List<HandoverItem> log) {
    public HandoverDraft {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        directives = directives == null ? List.of() : List.copyOf(directives);
        slaBreaches = slaBreaches == null ? List.of() : List.copyOf(slaBreaches);
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
        changes = changes == null ? List.of() : List.copyOf(changes);
        log = log == null ? List.of() : List.copyOf(log);
    }
}
