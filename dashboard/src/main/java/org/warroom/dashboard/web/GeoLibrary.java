package org.warroom.dashboard.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.State;
import org.warroom.contracts.reference.StateDirectory;

/**
 * The boundaries shipped in {@code geo/} on the classpath, joined with the reference tables once at start: every
 * district feature gets {@code code} (LGD), {@code name}, {@code nameHi} and {@code stateCode} ({@link
 * BoundaryMatcher}), coordinates are rounded (4 decimals, about 10 m, for a state's map; 3 for India's) and each
 * collection is kept encoded, ready to send. The state files drawn in more detail come first; the all-India file
 * draws every other state. What cannot be drawn is listed with its reason in {@code geo/not-drawn.csv}.
 */
public final class GeoLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(GeoLibrary.class);
    /** The all-India district boundaries (every state the detailed files do not draw). */
    static final String INDIA_DISTRICTS = "geo/india_districts.geojson";
    /** The state boundaries, for the India map. */
    static final String INDIA_STATES = "geo/india_states.geojson";
    /** The district boundary files, most detailed first: a state drawn by one file is not drawn again by a later one. */
    static final List<String> FILES = List.of("geo/madhyapradesh_districts.geojson", "geo/bihar_districts.geojson",
            INDIA_DISTRICTS);
    static final String ATTRIBUTION = "DataMeet India community (CC BY 2.5 IN), via covid19india (MIT)";
    private static final double DISTRICT_ROUND = 1e4;
    private static final double STATE_ROUND = 1e3;

    private final Map<String, byte[]> byState;
    private final Map<String, Integer> featureCounts;
    private final Set<String> drawn;
    private final byte[] india;

    private GeoLibrary(Map<String, byte[]> byState, Map<String, Integer> featureCounts, Set<String> drawn, byte[] india) {
        this.byState = Map.copyOf(byState);
        this.featureCounts = Map.copyOf(featureCounts);
        this.drawn = Set.copyOf(drawn);
        this.india = india;
    }

    /** Reads and joins the shipped files with the shipped state table. */
    public static GeoLibrary load(DistrictDirectory districts) {
        return load(districts, StateDirectory.load());
    }

    /** Reads and joins the shipped files. */
    public static GeoLibrary load(DistrictDirectory districts, StateDirectory states) {
        BoundaryMatcher matcher = new BoundaryMatcher(districts, states);
        ObjectMapper mapper = Json.mapper();
        Map<String, ArrayNode> features = new LinkedHashMap<>();
        Set<String> drawn = new HashSet<>();
        for (String file : FILES) {
            Set<String> statesBefore = Set.copyOf(features.keySet());
            JsonNode root = read(mapper, file);
            for (JsonNode feature : root.path("features")) {
                JsonNode props = feature.path("properties");
                if (matcher.state(props).map(s -> statesBefore.contains(s.code())).orElse(false)) {
                    continue; // drawn in more detail by an earlier file
                }
                Optional<District> match = matcher.district(props);
                if (match.isEmpty()) {
                    LOG.debug("{}: feature {} / {} ({}) draws no district of the reference table (geo/not-drawn.csv)",
                            file, props.path("st_nm").asText(), props.path("district").asText(),
                            props.path("dt_code").asText());
                    continue;
                }
                District d = match.get();
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                out.put("type", "Feature");
                ObjectNode p = out.putObject("properties");
                p.put("code", d.code());
                p.put("name", d.name());
                p.put("nameHi", d.nameHi());
                p.put("stateCode", d.stateCode());
                p.put("geoCode", props.path("dt_code").asText(""));
                out.set("geometry", rounded(feature.path("geometry"), DISTRICT_ROUND));
                features.computeIfAbsent(d.stateCode(), k -> JsonNodeFactory.instance.arrayNode()).add(out);
                drawn.add(d.code());
            }
        }
        Map<String, byte[]> encoded = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        features.forEach((state, list) -> {
            encoded.put(state, encode(mapper, list));
            counts.put(state, list.size());
        });
        ArrayNode stateFeatures = JsonNodeFactory.instance.arrayNode();
        for (JsonNode feature : read(mapper, INDIA_STATES).path("features")) {
            Optional<State> s = matcher.state(feature.path("properties"));
            if (s.isEmpty()) {
                LOG.warn("{}: state {} is not in the state table; left out", INDIA_STATES,
                        feature.path("properties").path("st_nm").asText());
                continue;
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("type", "Feature");
            ObjectNode p = out.putObject("properties");
            p.put("code", s.get().code());
            p.put("name", s.get().name());
            p.put("nameHi", s.get().nameHi());
            p.put("districts", counts.getOrDefault(s.get().code(), 0));
            out.set("geometry", rounded(feature.path("geometry"), STATE_ROUND));
            stateFeatures.add(out);
        }
        return new GeoLibrary(encoded, counts, drawn, encode(mapper, stateFeatures));
    }

    private static byte[] encode(ObjectMapper mapper, ArrayNode features) {
        ObjectNode collection = JsonNodeFactory.instance.objectNode();
        collection.put("type", "FeatureCollection");
        collection.put("attribution", ATTRIBUTION);
        collection.set("features", features);
        try {
            return mapper.writeValueAsBytes(collection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The states of India as an encoded GeoJSON FeatureCollection: {@code code} (LGD), names, districts drawn. */
    public byte[] india() {
        return india;
    }

    /** Whether the district (LGD code) is drawn on its state's map. */
    public boolean drawn(String districtCode) {
        return drawn.contains(districtCode);
    }

    /** The state's districts as an encoded GeoJSON FeatureCollection, when boundaries are shipped for it. */
    public Optional<byte[]> state(String stateCode) {
        return Optional.ofNullable(byState.get(stateCode));
    }

    /** How many districts each shipped state has on the map. */
    public Map<String, Integer> featureCounts() {
        return featureCounts;
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = GeoLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static JsonNode rounded(JsonNode node, double round) {
        if (node.isNumber()) {
            return JsonNodeFactory.instance.numberNode(Math.round(node.asDouble() * round) / round);
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(child -> copy.add(rounded(child, round)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), rounded(e.getValue(), round)));
            return copy;
        }
        return node;
    }
}
