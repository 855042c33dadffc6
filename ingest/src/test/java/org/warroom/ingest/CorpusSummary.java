package org.warroom.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The row docs/SECURITY.md shows for a hostile corpus: cases and how many of each outcome. */
final class CorpusSummary {
    static final List<String> OUTCOMES = List.of("rejected", "stored-inert", "partial", "idempotent");

    private CorpusSummary() {
    }

    static String line(String corpus, JsonArray cases) {
        StringBuilder row = new StringBuilder("| ").append(corpus).append(" | ").append(cases.size()).append(" |");
        for (String outcome : OUTCOMES) {
            long n = cases.stream().map(JsonObject.class::cast).filter(c -> outcome.equals(c.getString("outcome"))).count();
            row.append(' ').append(n).append(" |");
        }
        return row.toString();
    }

    static String read(Path doc) throws IOException {
        return Files.exists(doc) ? Files.readString(doc) : "(" + doc.toAbsolutePath() + " is missing)";
    }
}
