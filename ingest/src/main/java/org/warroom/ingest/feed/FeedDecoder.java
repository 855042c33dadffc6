package org.warroom.ingest.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns one incoming JSON object of a feed into a validated event record (or the reasons it is refused). */
public interface FeedDecoder {
    /**
     * @param source the API key's source (or provider), stamped on the event as its {@code source}
     */
    Decoded decode(ObjectNode json, String source);
}
