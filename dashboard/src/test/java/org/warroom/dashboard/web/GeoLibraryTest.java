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
        assertThat(GeoLibrary.FILES).containsExactlyInAnyOrderElementsOf(stateOfFile.keySet());
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
                    .containsExactlyInAnyOrderElementsOf(GeoLibrary.FILES);
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
    @DisplayName("a state without shipped boundaries has no map")
    void shouldHaveNoMapForUnshippedState() {
        assertThat(geo.state("27")).isEmpty();
    }
}
