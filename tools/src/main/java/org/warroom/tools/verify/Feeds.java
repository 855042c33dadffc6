package org.warroom.tools.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.settings.SettingsSnapshot;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;

/**
 * The raw feeds as read from their topics, each partition in offset order (a topic's records of one key are in one
 * partition, so the order of one call's, ticket's, district's or worker's records is their arrival order).
 * {@code workers} is the registry: the latest record per worker id, a tombstone removing it.
 */
public final class Feeds {
    public final List<CallStep> calls = new ArrayList<>();
    public final List<TicketStep> tickets = new ArrayList<>();
    public final List<CitizenMessage> messages = new ArrayList<>();
    public final List<DistrictReport> reports = new ArrayList<>();
    public final Map<String, WorkerRecord> workers = new LinkedHashMap<>();
    /** The directives ({@code warroom.directives}, compacted): the latest record per id, a tombstone removing it. */
    public final Map<String, Directive> directives = new LinkedHashMap<>();
    /** The citizens' ratings of complaints ({@code warroom.complaints}, compacted): district and stars per number. */
    public final Map<String, CitizenRating> citizenRatings = new LinkedHashMap<>();
    /** The complaints ({@code warroom.complaints}, compacted): the latest record per number. */
    public final Map<String, Complaint> complaints = new LinkedHashMap<>();
    /** Records that could not be read as their type, per topic (streams dead-letters them too). */
    public final Map<String, Integer> unreadable = new TreeMap<>();
    /** Records per topic. */
    public final Map<String, Long> records = new TreeMap<>();
    /** The run-time settings administrators set ({@code warroom.settings}), by topic key. */
    public SettingsSnapshot settings = SettingsSnapshot.EMPTY;

    public Feeds directive(String id, Directive directive) {
        if (directive == null) {
            directives.remove(id);
        } else {
            directives.put(id, directive);
        }
        return this;
    }

    /** A complaint's rating as the district rating counts it: its district and the citizen's stars (1–5). */
    public record CitizenRating(String district, int stars) {
    }

    /**
     * The latest record of a complaint (a tombstone removes it), and its rating as the district rating counts it (an
     * unrated version removes the rating).
     */
    public Feeds complaint(String number, Complaint complaint) {
        if (complaint == null) {
            complaints.remove(number);
        } else {
            complaints.put(number, complaint);
        }
        if (complaint == null || complaint.rating() == null || complaint.district() == null) {
            citizenRatings.remove(number);
        } else {
            citizenRatings.put(number, new CitizenRating(complaint.district(), complaint.rating()));
        }
        return this;
    }

    public Feeds worker(String id, WorkerRecord record) {
        if (record == null) {
            workers.remove(id);
        } else {
            workers.put(id, record);
        }
        return this;
    }
}
