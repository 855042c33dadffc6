package org.warroom.tools.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What the other side said: the dashboard's answers ({@code shortages}, {@code backlogs}, {@code calls/load},
 * {@code workers/distribution?by=} per dimension, {@code alerts}) read between {@code fromMillis} and
 * {@code toMillis}, and Elasticsearch's document count per index family (empty when not checked).
 */
public record Answers(JsonNode shortages, JsonNode backlogs, JsonNode callLoad, Map<String, JsonNode> distributions,
                      JsonNode alerts, Map<String, Long> documents, long fromMillis, long toMillis) {
}
