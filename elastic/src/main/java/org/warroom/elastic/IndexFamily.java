package org.warroom.elastic;

/**
 * The families of indices warroom keeps, each with its index template ({@code elasticsearch/templates/<name>.json}).
 * Time-based families get one index per UTC month of the document's time ({@code warroom-messages-2026.11}), so old
 * months can be dropped whole; the worker registry is one index ({@code warroom-workers-v1}). Every index of a family
 * carries the family's alias ({@code warroom-messages}).
 */
public enum IndexFamily {
    /** Call steps, one document per step id. */
    CALLS("calls", true, true),
    /** Complaint ticket steps, one document per step id; the note is full-text searchable. */
    TICKETS("tickets", true, true),
    /** Citizen messages, one document per message id; the text is full-text searchable. */
    MESSAGES("messages", true, true),
    /** District stock reports, one document per report and commodity. */
    REPORTS("reports", true, true),
    /** The worker registry, one document per worker id (the latest record). */
    WORKERS("workers", false, true),
    /** Snapshots of the live results over time, one document per key and change. */
    SNAPSHOTS("snapshots", true, false),
    /** Alerts, one document per alert id, updated as it is acknowledged and cleared. */
    ALERTS("alerts", true, false),
    /** The audit log: append-only, written by the dashboard. */
    AUDIT("audit", true, false),
    /** Alert delivery: every attempt to tell someone of an alert (who, channel, when, outcome, retries). */
    DELIVERIES("deliveries", true, false),
    /** Directives to districts, one document per directive id (month of issuedAt), the latest step; searchable. */
    DIRECTIVES("directives", true, true),
    /**
     * The war room's shift log and handovers ({@code kind} {@code log} or {@code handover}): one document per entry id
     * (month of its time) and per handover id (month of drafting, the latest step); searchable.
     */
    SHIFT("shift", true, true),
    /**
     * Verification-call attempts of the campaigns, one document per attempt ({@code <campaign>/<worker>/<number>},
     * month of the call): campaign, worker id, agent, home and current district, outcome, the provider's call; no
     * phone number or name.
     */
    CAMPAIGN_CALLS("campaign-calls", true, false),
    /**
     * Desk complaints (issue 20), one document per complaint number (month of openedAt), the latest version;
     * searchable by number, phone and text.
     */
    COMPLAINTS("complaints", true, true);

    private final String word;
    private final boolean monthly;
    private final boolean searchedLive;

    IndexFamily(String word, boolean monthly, boolean searchedLive) {
        this.word = word;
        this.monthly = monthly;
        this.searchedLive = searchedLive;
    }

    /**
     * Whether people search this family for what just happened (search freshness goal: 2 s from event to hit), so its
     * indices refresh at {@code es.refresh.interval}; the others (history, audit, delivery log, snapshots for trends)
     * are read as history and refresh at {@code es.refresh.interval.background}.
     */
    public boolean searchedLive() {
        return searchedLive;
    }

    /** The family's word in index names and the name of its template resource. */
    public String word() {
        return word;
    }

    public boolean monthly() {
        return monthly;
    }
}
