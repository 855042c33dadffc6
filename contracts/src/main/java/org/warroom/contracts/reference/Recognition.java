package org.warroom.contracts.reference;

/**
 * A district recognised in a text.
 *
 * @param district    the district
 * @param matchedText the words that named it, as written in the text
 * @param start       offset of {@code matchedText} in the text (UTF-16 index)
 * @param end         end offset (exclusive)
 * @param confidence  how sure the recognition is
 */
public record Recognition(District district, String matchedText, int start, int end, Confidence confidence) {

    /** How sure a recognition is. */
    public enum Confidence {
        /** A name of exactly one district, and no other district named. */
        HIGH,
        /** Chosen by a state hint among districts of the same name, or one of several districts named. */
        MEDIUM,
        /** A name that is also a common word ("Gaya", "Sagar"), accepted only because of a cue like "mein". */
        LOW
    }
}
