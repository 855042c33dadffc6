package org.warroom.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One citizen message (feed {@code messages}). Topic {@code warroom.messages}, keyed by {@link #id()}.
 *
 * @param from             sender's number or handle: personal data
 * @param district         LGD district code: as given, or recognised from the text; null when neither
 * @param districtSource   {@code given}, {@code recognised}, {@code unknown} or {@code assigned}; an
 *                         {@code unknown} message is kept and counted, never dropped; an {@code assigned} one is the
 *                         same message (same id, same {@code at}) written again by the dashboard's triage once an
 *                         operator placed it (docs/TRIAGE.md)
 * @param commodities      the commodities the text talks about (recognised at intake), for citizen signals
 * @param senderName       the sender's profile name when the provider gives one: personal data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CitizenMessage(
        String id,
        Channel channel,
        String from,
        String text,
        OffsetDateTime at,
        String district,
        String language,
        String districtSource,
        List<Commodity> commodities,
        String senderName,
        String source) {

    public static final String DISTRICT_GIVEN = "given";
    public static final String DISTRICT_RECOGNISED = "recognised";
    public static final String DISTRICT_UNKNOWN = "unknown";
    public static final String DISTRICT_ASSIGNED = "assigned";

    public CitizenMessage {
        commodities = commodities == null ? List.of() : List.copyOf(commodities);
    }

    /** True when this is an unplaced message placed by an operator (triage): it now counts for its district. */
    public boolean placed() {
        return district != null && DISTRICT_ASSIGNED.equals(districtSource);
    }

    /** The same message (same id, time, text) placed by an operator in {@code districtCode}. */
    public CitizenMessage placedIn(String districtCode) {
        return new CitizenMessage(id, channel, from, text, at, districtCode, language, DISTRICT_ASSIGNED, commodities,
                senderName, source);
    }

    /** True when no district could be given or recognised (the message is flagged for a human). */
    public boolean unlocated() {
        return district == null;
    }
}
