package org.warroom.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;

class GeoLibraryTest {
    private static final DistrictDirectory DISTRICTS = DistrictDirectory.load();
    private final GeoLibrary geo = GeoLibrary.load(DISTRICTS);

    @Test
    @DisplayName("Madhya Pradesh's map has every one of its 52 mapped districts, each with its LGD code and names")
    void shouldJoinEveryMadhyaPradeshFeatureWithItsLgdCode() throws IOException {
        JsonNode collection = Json.mapper().readTree(geo.state("23").orElseThrow());
        Set<String> codes = new HashSet<>();
        for (JsonNode f : collection.path("features")) {
            JsonNode p = f.path("properties");
            District d = DISTRICTS.byCode(p.path("code").asText()).orElseThrow();
            assertThat(d.stateCode()).isEqualTo("23");
            assertThat(p.path("name").asText()).isEqualTo(d.name());
            assertThat(p.path("nameHi").asText()).isEqualTo(d.nameHi()).isNotEmpty();
            assertThat(f.path("geometry").path("type").asText()).isIn("Polygon", "MultiPolygon");
            codes.add(d.code());
        }
        Set<String> expected = DISTRICTS.inState("23").stream().filter(d -> !d.geoCode().isEmpty())
                .map(District::code).collect(Collectors.toSet());
        assertThat(codes).hasSize(52).isEqualTo(expected).contains("396", "667", "722");
        assertThat(geo.featureCounts()).containsEntry("23", 52).containsEntry("10", 38);
    }

    @Test
    @DisplayName("every Madhya Pradesh and Bihar district of the reference table is on the map the product ships for its state, once")
    void everyDistrictHasItsGeoCodeOnTheShippedStateMap() throws IOException {
        Map<String, String> stateOfFile = Map.of("geo/madhyapradesh_districts.geojson", "23",
                "geo/bihar_districts.geojson", "10");
        assertThat(GeoLibrary.FILES).containsAll(stateOfFile.keySet());
        for (Map.Entry<String, String> file : stateOfFile.entrySet()) {
            Map<String, Integer> features = new HashMap<>();
            for (JsonNode f : shipped(file.getKey()).path("features")) {
                JsonNode p = f.path("properties");
                assertThat(p.path("st_code").asText()).as("%s: %s", file.getKey(), p).isEqualTo(file.getValue());
                features.merge(p.path("dt_code").asText(), 1, Integer::sum);
            }
            List<District> districts = DISTRICTS.inState(file.getValue());
            assertThat(districts).as(file.getKey()).isNotEmpty().allSatisfy(d -> assertThat(features)
                    .as("%s (%s) on %s", d.name(), d.geoCode(), file.getKey()).containsEntry(d.geoCode(), 1));
            assertThat(districts).extracting(District::geoCode).doesNotHaveDuplicates();
            assertThat(features.keySet()).as("features of %s without a district", file.getKey())
                    .isEqualTo(districts.stream().map(District::geoCode).collect(Collectors.toSet()));
        }
    }

    @Test
    @DisplayName("every boundary file in geo/ is one GeoLibrary serves")
    void everyShippedFileIsServed() throws IOException, URISyntaxException {
        Path folder = Path.of(GeoLibrary.class.getClassLoader().getResource("geo").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> "geo/" + f.getFileName()).filter(n -> n.endsWith(".geojson")))
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(GeoLibrary.FILES.stream(),
                            Stream.of(GeoLibrary.INDIA_STATES)).toList());
        }
    }

    private static JsonNode shipped(String resource) throws IOException {
        try (InputStream in = GeoLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return Json.mapper().readTree(in);
        }
    }

    @Test
    @DisplayName("coordinates are rounded to 4 decimals and stay within the state's bounding box")
    void shouldRoundCoordinates() throws IOException {
        JsonNode collection = Json.mapper().readTree(geo.state("10").orElseThrow());
        JsonNode ring = collection.path("features").get(0).path("geometry").path("coordinates").get(0);
        JsonNode first = ring.get(0).isArray() && ring.get(0).get(0).isArray() ? ring.get(0).get(0) : ring.get(0);
        double lon = first.get(0).asDouble();
        double lat = first.get(1).asDouble();
        assertThat(lon).isBetween(83.0, 89.0);
        assertThat(lat).isBetween(24.0, 28.0);
        assertThat(Math.abs(lon * 1e4 - Math.round(lon * 1e4))).isLessThan(1e-6);
    }

    @Test
    @DisplayName("every LGD district of the reference table is drawn on its state's map, or listed in geo/not-drawn.csv with its reason")
    void everyDistrictIsDrawnOrListedWithItsReason() throws IOException {
        Map<String, String[]> listed = notDrawn("district");
        Set<String> drawnCodes = new HashSet<>();
        for (String state : geo.featureCounts().keySet()) {
            for (JsonNode f : Json.mapper().readTree(geo.state(state).orElseThrow()).path("features")) {
                assertThat(drawnCodes.add(f.path("properties").path("code").asText())).as("drawn once: %s", f.path("properties")).isTrue();
            }
        }
        for (District d : DISTRICTS.all()) {
            String[] row = listed.get(d.code());
            if (row == null) {
                assertThat(geo.drawn(d.code())).as("%s (%s, %s) drawn, or listed in geo/not-drawn.csv", d.name(), d.code(), d.stateCode()).isTrue();
                assertThat(drawnCodes).contains(d.code());
            } else {
                assertThat(geo.drawn(d.code())).as("%s is listed as not drawn but is drawn", d.name()).isFalse();
                assertThat(row[3]).as("listed name of %s", d.code()).isEqualTo(d.name());
                assertThat(row[4]).as("reason for %s", d.name()).isNotBlank();
            }
        }
        assertThat(listed.keySet()).allSatisfy(code -> assertThat(DISTRICTS.byCode(code)).as("listed code %s", code).isPresent());
        assertThat(drawnCodes).hasSize(DISTRICTS.size() - listed.size());
    }

    @Test
    @DisplayName("every boundary of the all-India file draws an LGD district, or is listed in geo/not-drawn.csv with its reason")
    void everyBoundaryDrawsADistrictOrIsListed() throws IOException {
        BoundaryMatcher matcher = new BoundaryMatcher(DISTRICTS, org.warroom.contracts.reference.StateDirectory.load());
        Set<String> unmatched = new HashSet<>();
        int features = 0;
        for (JsonNode f : shipped(GeoLibrary.INDIA_DISTRICTS).path("features")) {
            JsonNode p = f.path("properties");
            features++;
            if (matcher.district(p).isEmpty()) {
                unmatched.add(p.path("st_nm").asText() + "/" + p.path("district").asText());
            }
        }
        Set<String> listed = notDrawn("feature").values().stream().map(r -> r[2] + "/" + r[3]).collect(Collectors.toSet());
        assertThat(unmatched).isEqualTo(listed);
        assertThat(features).isEqualTo(723);
    }

    @Test
    @DisplayName("the India map has all 36 states and UTs with their LGD codes; every state but Delhi has a district map")
    void shouldDrawEveryState() throws IOException {
        JsonNode india = Json.mapper().readTree(geo.india());
        Set<String> codes = new HashSet<>();
        for (JsonNode f : india.path("features")) {
            JsonNode p = f.path("properties");
            codes.add(p.path("code").asText());
            assertThat(p.path("name").asText()).isNotBlank();
            assertThat(p.path("districts").asInt()).isEqualTo(geo.featureCounts().getOrDefault(p.path("code").asText(), 0));
        }
        Set<String> all = org.warroom.contracts.reference.StateDirectory.load().all().stream()
                .map(org.warroom.contracts.reference.State::code).collect(Collectors.toSet());
        assertThat(codes).hasSize(36).isEqualTo(all);
        assertThat(geo.featureCounts().keySet()).hasSize(35).doesNotContain("7");
        assertThat(geo.featureCounts()).containsEntry("27", 35).containsEntry("9", 75);
    }

    private static Map<String, String[]> notDrawn(String kind) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        try (InputStream in = GeoLibrary.class.getClassLoader().getResourceAsStream("geo/not-drawn.csv")) {
            assertThat(in).as("geo/not-drawn.csv").isNotNull();
            try (var reader = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .get().parse(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8))) {
                for (var r : reader) {
                    if (r.get("kind").equals(kind)) {
                        String[] row = {r.get("kind"), r.get("code"), r.get("state"), r.get("name"), r.get("reason")};
                        out.put(kind.equals("district") ? row[1] : row[2] + "/" + row[3], row);
                    }
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("a state without district boundaries (Delhi, one area in the source) has no district map")
    void shouldHaveNoMapForUnshippedState() {
        assertThat(geo.state("7")).isEmpty();
        assertThat(geo.state("27")).isPresent();
    }
}
