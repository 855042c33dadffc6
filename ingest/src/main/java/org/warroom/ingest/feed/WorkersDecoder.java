package org.warroom.ingest.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.reference.KnownDistrict;
import org.warroom.ingest.reference.Places;
import org.warroom.ingest.validate.Fields;
import org.warroom.ingest.validate.Shown;

/**
 * The {@code workers} feed (and each row of the registry CSV): a worker record ({@link WorkerRecord}, compacted
 * topic {@code warroom.workers} keyed by worker id, so a later record replaces an earlier one and re-sending
 * creates no duplicate). {@code currentState} is stored as the LGD state code; when only
 * {@code currentDistrict} is given, the state is taken from it; a district outside the given state is refused.
 * The district checked against an API key's districts is {@code homeDistrict}.
 */
public final class WorkersDecoder implements FeedDecoder {
    /** A phone number: digits, optionally a leading +, spaces and dashes between, 8 to 15 digits. */
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{6,18}[0-9]");

    private final Places places;
    private final Clock clock;

    public WorkersDecoder(Places places, Clock clock) {
        this.places = places;
        this.clock = clock;
    }

    @Override
    public Decoded decode(ObjectNode json, String source) {
        return decode(json, (WorkerSource) null);
    }

    /** @param defaultSource the {@link WorkerSource} when the record names none (the registry CSV), else required */
    public Decoded decode(ObjectNode json, WorkerSource defaultSource) {
        Fields f = new Fields(json, places, clock);
        String id = f.id("id");
        String name = f.text("name", 200, true);
        String phone = phone(f);
        KnownDistrict home = f.district("homeDistrict", true);
        List<String> skills = f.strings("skills", 20, 64, false);
        WorkerStatus status = f.enumeration("status", WorkerStatus.class, true);
        String state = state(f);
        KnownDistrict current = f.district("currentDistrict", false);
        OffsetDateTime verifiedAt = f.time("verifiedAt", false);
        WorkerSource workerSource = f.enumeration("source", WorkerSource.class, defaultSource == null);
        OffsetDateTime at = f.time("at", false);
        if (current != null) {
            if (state == null && !f.has("currentState")) {
                state = current.stateCode();
            } else if (state != null && !state.equals(current.stateCode())) {
                f.problem("currentDistrict", "district " + current.label() + " lies in state " + current.stateCode()
                        + ", not in currentState " + state);
            }
        }
        if (!f.ok()) {
            return Decoded.rejected(f.problems());
        }
        WorkerRecord record = new WorkerRecord(id, name, phone, home.code(), skills.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().toList(),
                status, state, current == null ? null : current.code(), verifiedAt,
                workerSource != null ? workerSource : defaultSource,
                at != null ? at : OffsetDateTime.now(clock));
        return Decoded.accepted(new Outgoing<>(Topics.WORKERS, id, record, home.code(), "homeDistrict"));
    }

    private static String phone(Fields f) {
        String phone = f.text("phone", 32, true);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            f.problem("phone", "must be a phone number of 8 to 15 digits, optionally with a leading + (was '"
                    + Shown.of(phone.replaceAll("[0-9]", "#")) + "')");
            return null;
        }
        return phone;
    }

    private String state(Fields f) {
        String v = f.text("currentState", 64, false);
        if (v == null) {
            return null;
        }
        return placesState(v, f);
    }

    private String placesState(String v, Fields f) {
        var code = places.stateCode(v);
        if (code.isEmpty()) {
            f.problem("currentState", "unknown state '" + Shown.of(v)
                    + "': give the LGD state code (e.g. 10 for Bihar, 23 for Madhya Pradesh) or the English name");
            return null;
        }
        return code.get();
    }
}
