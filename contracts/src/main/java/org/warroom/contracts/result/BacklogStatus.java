package org.warroom.contracts.result;

import java.time.OffsetDateTime;

/**
 * Open complaints of one department in one district. Topic {@code warroom.backlogs} (compacted), keyed by
 * {@link #key(String, String)} ({@code "396|food"}). The first seven fields are API.md's {@code backlogs} item.
 *
 * @param open             tickets opened (or reopened) and not resolved since
 * @param oldestOpenSince  when the longest-open ticket was opened (or reopened); null when none is open
 * @param slaBreaches      open tickets open for longer than their category's SLA, by the wall clock
 * @param openedLastHour   distinct tickets opened or reopened with {@code at} in the last hour
 * @param resolvedLastHour distinct tickets resolved with {@code at} in the last hour
 * @param unknownResolves  resolve steps that named a ticket never seen before (anomalies; also dead-lettered)
 */
public record BacklogStatus(
        String district,
        String department,
        int open,
        OffsetDateTime oldestOpenSince,
        int slaBreaches,
        int openedLastHour,
        int resolvedLastHour,
        int unknownResolves) {

    /** The topic key: {@code district|department}. */
    public static String key(String district, String department) {
        return district + "|" + department;
    }

    public String key() {
        return key(district, department);
    }
}
