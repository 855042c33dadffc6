package org.warroom.streams.shortage;

import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;

/**
 * What the shortage processor reads from its repartition topic (keyed by district): either a district report or
 * one citizen signal. Internal; never leaves the streams service.
 */
public record ShortageInput(DistrictReport report, Signal signal) {

    /**
     * A citizen message or complaint ticket about one commodity in one district.
     *
     * @param id {@code message:<id>} or {@code ticket:<ticket id>}: a ticket counts once however many steps it has
     */
    public record Signal(String id, String district, Commodity commodity, long at) {
    }

    public static ShortageInput of(DistrictReport report) {
        return new ShortageInput(report, null);
    }

    public static ShortageInput of(Signal signal) {
        return new ShortageInput(null, signal);
    }
}
