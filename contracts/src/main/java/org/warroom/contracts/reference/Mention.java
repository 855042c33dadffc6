package org.warroom.contracts.reference;

import java.util.List;

/**
 * A place in a text that names one or more districts.
 *
 * @param matchedText the words as written in the text
 * @param start       offset in the text (UTF-16 index)
 * @param end         end offset (exclusive)
 * @param candidates  the districts this name can mean, official names first (several when ambiguous)
 * @param weak        whether the name is also a common word and was accepted because of a cue
 */
public record Mention(String matchedText, int start, int end, List<District> candidates, boolean weak) {

    public Mention {
        candidates = List.copyOf(candidates);
    }
}
