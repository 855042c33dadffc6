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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;

/**
 * The district boundaries shipped in {@code geo/} on the classpath, joined with the reference table once at start:
 * every feature gets {@code code} (LGD), {@code name}, {@code nameHi} and {@code stateCode}, coordinates are rounded
 * to 4 decimals (about 10 m, plenty for a wall map) and each state's collection is kept encoded, ready to send.
 */
public final class GeoLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(GeoLibrary.class);
    /** The shipped boundary files (see {@code geo/README.md}). */
    static final List<String> FILES = List.of("geo/madhyapradesh_districts.geojson", "geo/bihar_districts.geojson");
    private static final double ROUND = 1e4;

    private final Map<String, byte[]> byState;
    private final Map<String, Integer> featureCounts;

    private GeoLibrary(Map<String, byte[]> byState, Map<String, Integer> featureCounts) {
        this.byState = Map.copyOf(byState);
        this.featureCounts = Map.copyOf(featureCounts);
    }

    /** Reads and joins the shipped files. */
    public static GeoLibrary load(DistrictDirectory districts) {
        Map<String, District> byGeoCode = new HashMap<>();
        for (District d : districts.all()) {
            if (!d.geoCode().isEmpty()) {
                byGeoCode.put(d.stateCode() + "/" + d.geoCode(), d);
                byGeoCode.putIfAbsent(d.geoCode(), d);
            }
        }
        ObjectMapper mapper = Json.mapper();
        Map<String, ArrayNode> features = new LinkedHashMap<>();
        for (String file : FILES) {
            JsonNode root = read(mapper, file);
            for (JsonNode feature : root.path("features")) {
                JsonNode props = feature.path("properties");
                String geoCode = props.path("dt_code").asText("");
                String censusState = props.path("st_code").asText("");
                District d = byGeoCode.getOrDefault(censusState + "/" + geoCode, byGeoCode.get(geoCode));
                if (d == null) {
                    LOG.warn("{}: feature dt_code={} ({}) matches no district of the reference table; left out",
                            file, geoCode, props.path("district").asText());
                    continue;
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                out.put("type", "Feature");
                ObjectNode p = out.putObject("properties");
                p.put("code", d.code());
                p.put("name", d.name());
                p.put("nameHi", d.nameHi());
                p.put("stateCode", d.stateCode());
                p.put("geoCode", geoCode);
                out.set("geometry", rounded(feature.path("geometry")));
                features.computeIfAbsent(d.stateCode(), k -> JsonNodeFactory.instance.arrayNode()).add(out);
            }
        }
        Map<String, byte[]> encoded = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        features.forEach((state, list) -> {
            ObjectNode collection = JsonNodeFactory.instance.objectNode();
            collection.put("type", "FeatureCollection");
            collection.put("attribution", "DataMeet India community (CC BY 2.5 IN), via covid19india (MIT)");
            collection.set("features", list);
            try {
                encoded.put(state, mapper.writeValueAsBytes(collection));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            counts.put(state, list.size());
        });
        return new GeoLibrary(encoded, counts);
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

    private static JsonNode rounded(JsonNode node) {
        if (node.isNumber()) {
            return JsonNodeFactory.instance.numberNode(Math.round(node.asDouble() * ROUND) / ROUND);
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(child -> copy.add(rounded(child)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), rounded(e.getValue())));
            return copy;
        }
        return node;
    }
}
