package org.warroom.ingest.intake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.warroom.contracts.json.Json;
import org.warroom.ingest.feed.Decoded;

/**
 * Splits a feed request body into input records and decodes each: NDJSON (one JSON object per line; blank lines
 * skipped but counted, so line numbers match the sender's file) or one JSON document (an object, or an array
 * of objects numbered from 1). Duplicate keys and trailing garbage make a line invalid rather than ambiguous.
 */
public final class RequestBody {
    private static final ObjectReader READER = Json.mapper().readerFor(JsonNode.class)
            .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The body holds more records than allowed (answered 413). */
    public static final class TooManyLines extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TooManyLines(int max) {
            super("more than " + max + " events in one request; send them in smaller batches");
        }
    }

    private final int maxLines;
    private final int maxLineBytes;

    public RequestBody(int maxLines, int maxLineBytes) {
        this.maxLines = maxLines;
        this.maxLineBytes = maxLineBytes;
    }

    /** Whether a content type means one JSON document rather than NDJSON. */
    public static boolean isSingleDocument(String contentType) {
        if (contentType == null) {
            return false;
        }
        String ct = contentType.toLowerCase(java.util.Locale.ROOT);
        return ct.contains("json") && !ct.contains("ndjson") && !ct.contains("jsonl") && !ct.contains("json-seq");
    }

    /**
     * @param decoder the feed's decoder, given the JSON object (the source is bound by the caller)
     * @throws TooManyLines when there are more than {@code maxLines} records
     */
    public List<Item> items(byte[] body, boolean singleDocument, BiFunction<ObjectNode, Integer, Decoded> decoder) {
        return singleDocument ? document(body, decoder) : ndjson(body, decoder);
    }

    private List<Item> ndjson(byte[] body, BiFunction<ObjectNode, Integer, Decoded> decoder) {
        List<Item> items = new ArrayList<>();
        int line = 0;
        int start = 0;
        while (start < body.length) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            line++;
            int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(body, start, stop)) {
                if (items.size() >= maxLines) {
                    throw new TooManyLines(maxLines);
                }
                items.add(line(line, body, start, stop, decoder));
            }
            start = end + 1;
        }
        return items;
    }

    private Item line(int line, byte[] body, int from, int to, BiFunction<ObjectNode, Integer, Decoded> decoder) {
        String raw = new String(body, from, Math.min(to - from, Deliverer.MAX_RAW * 4), StandardCharsets.UTF_8);
        if (to - from > maxLineBytes) {
            return new Item(line, raw, Decoded.rejected(null, "line is " + (to - from) + " bytes long, at most "
                    + maxLineBytes + " allowed"));
        }
        int invalid = Utf8.firstInvalid(body, from, to);
        if (invalid >= 0) {
            return new Item(line, raw, Decoded.rejected(null, "not valid UTF-8 (byte " + (invalid - from + 1)
                    + " of the line)"));
        }
        try {
            return new Item(line, raw, decode(READER.readTree(body, from, to - from), line, decoder));
        } catch (JacksonException e) {
            return new Item(line, raw, Decoded.rejected(null, "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return new Item(line, raw, Decoded.rejected(null, "not valid JSON: " + e.getMessage()));
        }
    }

    private List<Item> document(byte[] body, BiFunction<ObjectNode, Integer, Decoded> decoder) {
        int invalid = Utf8.firstInvalid(body, 0, body.length);
        if (invalid >= 0) {
            return List.of(new Item(1, raw(body), Decoded.rejected(null, "not valid UTF-8 (byte " + (invalid + 1)
                    + " of the body)")));
        }
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (IOException e) {
            String why = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            return List.of(new Item(1, raw(body), Decoded.rejected(null, "not valid JSON: " + why)));
        }
        if (root == null || root.isMissingNode()) {
            return List.of();
        }
        if (!root.isArray()) {
            return List.of(new Item(1, raw(body), decode(root, 1, decoder)));
        }
        if (root.size() > maxLines) {
            throw new TooManyLines(maxLines);
        }
        List<Item> items = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            items.add(new Item(i + 1, root.get(i).toString(), decode(root.get(i), i + 1, decoder)));
        }
        return items;
    }

    private static Decoded decode(JsonNode node, int line, BiFunction<ObjectNode, Integer, Decoded> decoder) {
        if (!(node instanceof ObjectNode object)) {
            return Decoded.rejected(null, "must be a JSON object");
        }
        return decoder.apply(object, line);
    }

    private static String raw(byte[] body) {
        return new String(body, 0, Math.min(body.length, Deliverer.MAX_RAW * 4), StandardCharsets.UTF_8);
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
