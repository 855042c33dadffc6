package org.warroom.ingest.feed;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four feeds of {@code POST /v1/{feed}}; the path word is also the word in API key grants. */
public enum Feed {
    CALLS("calls"),
    MESSAGES("messages"),
    REPORTS("reports"),
    WORKERS("workers");

    private final String path;

    Feed(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<Feed> fromPath(String value) {
        return Arrays.stream(values()).filter(f -> f.path.equals(value)).findFirst();
    }

    public static List<String> paths() {
        return Arrays.stream(values()).map(Feed::path).toList();
    }
}
