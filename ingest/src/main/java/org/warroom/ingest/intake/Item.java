package org.warroom.ingest.intake;

import org.warroom.ingest.feed.Decoded;

/** One input record of a request: its 1-based line, the raw text (for the dead-letter topic) and its decoding. */
public record Item(int line, String raw, Decoded decoded) {
}
