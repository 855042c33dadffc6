package org.warroom.tools.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What the other side said: the dashboard's answers ({@code shortages}, {@code backlogs}, {@code calls/load},
 * {@code workers/distribution?by=} per dimension, {@code alerts}, the wall's {@code overview} and the district pages
 * {@code districts/<code>}, each may be null or empty when not read) read between {@code fromMillis} and
 * {@code toMillis}, and Elasticsearch's document count per index family (empty when not checked).
 */
public record Answers(JsonNode shortages, JsonNode backlogs, JsonNode callLoad, Map<String, JsonNode> distributions,
                      JsonNode alerts, JsonNode overview, Map<String, JsonNode> districtPages,
                      Map<String, Long> documents, long fromMillis, long toMillis) {

    /** The same answers with Elasticsearch's counts. */
    public Answers withDocuments(Map<String, Long> counts) {
        return new Answers(shortages, backlogs, callLoad, distributions, alerts, overview, districtPages, counts,
                fromMillis, toMillis);
    }
}
