package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the query services: reading hit sources, turning failures into {@link QueryFailed}. */
final class Queries {
    private Queries() {
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static List<String> texts(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else {
            out.add(v.asText());
        }
        return out;
    }

    static OffsetDateTime time(JsonNode node, String field) {
        String t = text(node, field);
        return t == null ? null : OffsetDateTime.parse(t);
    }

    static Double number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isNumber() ? null : v.asDouble();
    }

    /** A failure of Elasticsearch itself; {@link QueryRejected} passes through untouched. */
    static RuntimeException failed(String what, Exception e) {
        if (e instanceof QueryRejected rejected) {
            return rejected;
        }
        if (e instanceof ElasticsearchException es && es.status() == 400) {
            return QueryRejected.invalid(null, what + " refused: " + es.getMessage());
        }
        return new QueryFailed(what, e);
    }
}
