package org.warroom.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DistrictTableTest {

    private static final DistrictDirectory DISTRICTS = DistrictDirectory.load();
    private static final StateDirectory STATES = StateDirectory.load();

    @Test
    void shipsEveryDistrictOfIndiaFromBothLgdDumps() {
        assertThat(DISTRICTS.size()).isEqualTo(763);
        assertThat(DISTRICTS.all()).extracting(District::code).doesNotHaveDuplicates();
        assertThat(STATES.all()).hasSize(36);
        Set<String> stateCodes = STATES.all().stream().map(State::code).collect(Collectors.toSet());
        assertThat(DISTRICTS.all()).allSatisfy(d -> assertThat(stateCodes).contains(d.stateCode()));
    }

    @Test
    void madhyaPradeshHas52AndBihar38Districts() {
        assertThat(DISTRICTS.inState("23")).hasSize(52);
        assertThat(DISTRICTS.inState("10")).hasSize(38);
    }

    @Test
    void everyMadhyaPradeshAndBiharDistrictHasAHindiNameInDevanagari() {
        assertThat(demoDistricts()).allSatisfy(d ->
                assertThat(d.nameHi()).as(d.name()).isNotBlank().matches("[\\u0900-\\u097F ()]+"));
    }

    @Test
    void geoCodesAreUniqueAcrossIndia() {
        // Whether each code is on a map is tested where the maps are shipped: the dashboard's GeoLibraryTest.
        List<String> geoCodes = DISTRICTS.all().stream().map(District::geoCode).filter(c -> !c.isEmpty()).toList();
        assertThat(geoCodes).doesNotHaveDuplicates().allSatisfy(c -> assertThat(c).matches("[0-9]{3}"));
        assertThat(geoCodes.size()).isGreaterThan(690);
        assertThat(DISTRICTS.inState("23")).allSatisfy(d -> assertThat(d.geoCode()).as(d.name()).isNotEmpty());
        assertThat(DISTRICTS.inState("10")).allSatisfy(d -> assertThat(d.geoCode()).as(d.name()).isNotEmpty());
    }

    @Test
    void bhopalIsLgd396WithHindiNameAndCensusCode() {
        District bhopal = DISTRICTS.byCode("396").orElseThrow();
        assertThat(bhopal.name()).isEqualTo("Bhopal");
        assertThat(bhopal.nameHi()).isEqualTo("भोपाल");
        assertThat(bhopal.stateCode()).isEqualTo("23");
        assertThat(bhopal.census2011Code()).isEqualTo("444");
        assertThat(bhopal.geoCode()).isEqualTo("444");
    }

    @Test
    void postCensusDistrictsUseTheMapsOwnCodes() {
        assertThat(DISTRICTS.byCode("667").orElseThrow()).satisfies(d -> {
            assertThat(d.name()).isEqualTo("Agar Malwa");
            assertThat(d.census2011Code()).isEmpty();
            assertThat(d.geoCode()).isEqualTo("724");
        });
        assertThat(DISTRICTS.byCode("722").orElseThrow().geoCode()).isEqualTo("782");
    }

    @Test
    void renamedDistrictsShowTheCurrentNameAndKeepTheOldOneAsAlias() {
        assertThat(DISTRICTS.byCode("409").orElseThrow()).satisfies(d -> {
            assertThat(d.name()).isEqualTo("Narmadapuram");
            assertThat(d.aliases()).contains("Hoshangabad", "होशंगाबाद");
        });
        assertThat(DISTRICTS.byCode("405").orElseThrow()).satisfies(d -> {
            assertThat(d.name()).isEqualTo("Khandwa");
            assertThat(d.aliases()).contains("East Nimar");
        });
        assertThat(DISTRICTS.byCode("213").orElseThrow()).satisfies(d -> {
            assertThat(d.name()).isEqualTo("East Champaran");
            assertThat(d.aliases()).contains("Purbi Champaran", "Motihari");
        });
    }

    @Test
    void lgdTyposInHindiNamesAreFixedButKeptAsAliases() {
        District chhatarpur = DISTRICTS.byCode("398").orElseThrow();
        assertThat(chhatarpur.nameHi()).isEqualTo("छतरपुर");
        assertThat(chhatarpur.aliases()).contains("छ्तरपुर");
    }

    @Test
    void districtsOnlyInTheNewerLgdDumpAreIncludedWithoutHindiName() {
        assertThat(DISTRICTS.byCode("758").orElseThrow()).satisfies(d -> {
            assertThat(d.name()).isEqualTo("Chumoukedima");
            assertThat(d.stateCode()).isEqualTo("13");
            assertThat(d.nameHi()).isEmpty();
        });
    }

    @Test
    void namesAreTitleCase() {
        assertThat(DISTRICTS.all()).allSatisfy(d -> assertThat(d.name().equals(d.name().toUpperCase())
                && d.name().length() > 4).as(d.name()).isFalse());
        assertThat(DISTRICTS.byCode("200").orElseThrow().aliases()).contains("Kaimur (Bhabua)");
        assertThat(STATES.byCode("38").orElseThrow().name()).isEqualTo("Dadra and Nagar Haveli and Daman and Diu");
    }

    @Test
    void noTwoDistrictsOfOneStateShareAName() {
        for (State s : STATES.all()) {
            Set<String> seen = new HashSet<>();
            for (District d : DISTRICTS.inState(s.code())) {
                assertThat(seen.add(NameNormalizer.key(d.name()))).as(d.name()).isTrue();
            }
        }
    }

    private static List<District> demoDistricts() {
        return DISTRICTS.all().stream().filter(d -> d.stateCode().equals("23") || d.stateCode().equals("10")).toList();
    }
}
