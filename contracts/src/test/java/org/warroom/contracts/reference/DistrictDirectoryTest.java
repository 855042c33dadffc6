package org.warroom.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistrictDirectoryTest {

    private static final DistrictDirectory DISTRICTS = DistrictDirectory.load();

    @Test
    void byCodeIgnoresSpacesAndLeadingZeros() {
        assertThat(DISTRICTS.byCode(" 0396 ")).map(District::name).contains("Bhopal");
        assertThat(DISTRICTS.byCode("99999")).isEmpty();
        assertThat(DISTRICTS.byCode("Bhopal")).isEmpty();
        assertThat(DISTRICTS.byCode(null)).isEmpty();
    }

    @Test
    void byNameFindsEnglishHindiAndAliasesWhateverTheCaseSpacingOrPunctuation() {
        assertThat(DISTRICTS.byName("bhopal")).map(District::code).contains("396");
        assertThat(DISTRICTS.byName("  BHOPAL district ")).map(District::code).contains("396");
        assertThat(DISTRICTS.byName("भोपाल")).map(District::code).contains("396");
        assertThat(DISTRICTS.byName("agar-malwa")).map(District::code).contains("667");
        assertThat(DISTRICTS.byName("AgarMalwa")).map(District::code).contains("667");
        assertThat(DISTRICTS.byName("Kaimur (Bhabua)")).map(District::code).contains("200");
        assertThat(DISTRICTS.byName("Bhabua")).map(District::code).contains("200");
    }

    @Test
    void oldNamesAndCommonSpellingsLeadToTheCurrentDistrict() {
        String narmadapuram = DISTRICTS.byName("Narmadapuram").orElseThrow().code();
        assertThat(narmadapuram).isEqualTo("409");
        assertThat(DISTRICTS.byName("Hoshangabad")).map(District::code).contains(narmadapuram);
        assertThat(DISTRICTS.byName("होशंगाबाद")).map(District::code).contains(narmadapuram);
        String khandwa = DISTRICTS.byName("Khandwa").orElseThrow().code();
        assertThat(DISTRICTS.byName("East Nimar")).map(District::code).contains(khandwa);
        assertThat(DISTRICTS.byName("West Nimar")).map(District::code).contains("414");
        assertThat(DISTRICTS.byName("Purnea")).map(District::code).contains("214");
        assertThat(DISTRICTS.byName("Monghyr")).map(District::code).contains("207");
        assertThat(DISTRICTS.byName("Motihari")).map(District::code).contains("213");
        assertThat(DISTRICTS.byName("Purbi Champaran")).map(District::code).contains("213");
        assertThat(DISTRICTS.byName("Bettiah")).map(District::code).contains("211");
        assertThat(DISTRICTS.byName("Narsimhapur")).map(District::code).contains("418");
        assertThat(DISTRICTS.byName("Jubbulpore")).map(District::code).contains("411");
        assertThat(DISTRICTS.byName("Shekhpura")).map(District::code).contains("219");
        assertThat(DISTRICTS.byName("Muzzaffarpur")).map(District::code).contains("208");
    }

    @Test
    void hindiSpellingVariantsMeet() {
        assertThat(DISTRICTS.byName("भिण्ड")).map(District::code).contains("395");
        assertThat(DISTRICTS.byName("इन्दौर")).map(District::code).contains("410");
        assertThat(DISTRICTS.byName("सितामढी")).map(District::code).contains("221");
        assertThat(DISTRICTS.byName("पूर्वी चम्पारण")).map(District::code).contains("213");
        assertThat(DISTRICTS.byName("छ्तरपुर")).map(District::code).contains("398");
    }

    @Test
    void aNameOfDistrictsInSeveralStatesIsAmbiguousUnlessAStateIsPreferred() {
        assertThat(DISTRICTS.byName("Aurangabad")).isEmpty();
        assertThat(DISTRICTS.allNamed("Aurangabad")).extracting(District::code).containsExactlyInAnyOrder("189", "469");
        assertThat(DISTRICTS.byName("Aurangabad", "10")).map(District::code).contains("189");
        assertThat(DISTRICTS.byName("Aurangabad", "27")).map(District::code).contains("469");
        assertThat(DISTRICTS.byName("Aurangabad", "23")).isEmpty();
        assertThat(DISTRICTS.byName("Hamirpur")).isEmpty();
        assertThat(DISTRICTS.byName("Hamirpur", "9")).map(District::stateCode).contains("9");
    }

    @Test
    void anOfficialNameBeatsAnotherDistrictsAlias() {
        // "Bijapur" is a district of Chhattisgarh and the old name of Vijayapura (Karnataka)
        assertThat(DISTRICTS.byName("Bijapur")).map(District::stateCode).contains("22");
        assertThat(DISTRICTS.byName("Bijapur", "29")).map(District::name).contains("Vijayapura");
    }

    @Test
    void resolveTakesACodeOrAName() {
        assertThat(DISTRICTS.resolve("396")).map(District::name).contains("Bhopal");
        assertThat(DISTRICTS.resolve("Bhopal")).map(District::code).contains("396");
        assertThat(DISTRICTS.resolve("Atlantis")).isEmpty();
    }

    @Test
    void suggestsTheIntendedDistrictForAMisspeltName() {
        assertThat(DISTRICTS.suggest("Bhopl", 3)).first().isEqualTo("396 Bhopal (Madhya Pradesh)");
        assertThat(DISTRICTS.suggestDistricts("Hoshangbad", 3)).extracting(District::code).first().isEqualTo("409");
        assertThat(DISTRICTS.suggestDistricts("Muzafarpr", 3)).extracting(District::code).first().isEqualTo("208");
        assertThat(DISTRICTS.suggestDistricts("भोपल", 3)).extracting(District::code).first().isEqualTo("396");
        assertThat(DISTRICTS.suggestDistricts("Chhindwarra", 3)).extracting(District::code).first().isEqualTo("399");
    }

    @Test
    void suggestsBothDistrictsForAPartialName() {
        List<District> suggestions = DISTRICTS.suggestDistricts("Nimar", 5);
        assertThat(suggestions.subList(0, 2)).extracting(District::code).containsExactlyInAnyOrder("405", "414");
    }

    @Test
    void suggestsACodeOneTypoAwayButNothingForTooShortOrFarInput() {
        // 936 is no code: swapped neighbours of 396 come first
        assertThat(DISTRICTS.suggestDistricts("936", 3)).extracting(District::code).first().isEqualTo("396");
        assertThat(DISTRICTS.suggestDistricts("3966", 3)).extracting(District::code).contains("396");
        assertThat(DISTRICTS.suggest("936", 1)).containsExactly("396 Bhopal (Madhya Pradesh)");
        assertThat(DISTRICTS.suggest("xq", 5)).isEmpty();
        assertThat(DISTRICTS.suggest("Zzyzx Qwerty", 5)).isEmpty();
        assertThat(DISTRICTS.suggest("", 5)).isEmpty();
        assertThat(DISTRICTS.suggest("Bhopl", 0)).isEmpty();
    }

    @Test
    void aShortCodeSuggestsOnlyItselfNeverAGuess() {
        // "39" is the LGD code of Sri Muktsar Sahib: it is what the input says, nothing else is guessed
        assertThat(DISTRICTS.suggestDistricts("39", 5)).extracting(District::code).containsExactly("39");
        assertThat(DISTRICTS.suggestDistricts("9999", 5)).isEmpty();
        assertThat(DISTRICTS.suggestDistricts("12345678901234567890123", 5)).isEmpty();
    }

    @Test
    void extraCsvAddsNewDistrictsWhoseNamesBeatOldAliases(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("extra.csv");
        Files.writeString(csv, """
                code,stateCode,stateName,name,nameHi,census2011Code,geoCode,aliases
                9001,23,Madhya Pradesh,Maihar,मैहर,,,Maihar District
                9002,23,Madhya Pradesh,Pandhurna,पांढुर्णा,,,
                """, StandardCharsets.UTF_8);
        assertThat(DISTRICTS.byName("Maihar")).map(District::code).contains("426"); // Satna, the parent
        DistrictDirectory extended = DISTRICTS.withExtra(csv);
        assertThat(extended.size()).isEqualTo(DISTRICTS.size() + 2);
        assertThat(extended.inState("23")).hasSize(54);
        assertThat(extended.byCode("9001")).map(District::name).contains("Maihar");
        assertThat(extended.byName("Maihar")).map(District::code).contains("9001");
        assertThat(extended.byName("मैहर")).map(District::code).contains("9001");
        assertThat(extended.byName("Satna")).map(District::code).contains("426");
        assertThat(DISTRICTS.size()).isEqualTo(763);
    }

    @Test
    void extraCsvRowWithAKnownCodeReplacesIt(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("extra.csv");
        Files.writeString(csv, "code,stateCode,name,aliases\n396,23,Bhopal City,Bhoj Nagar\n", StandardCharsets.UTF_8);
        DistrictDirectory extended = DISTRICTS.withExtra(csv);
        assertThat(extended.size()).isEqualTo(763);
        assertThat(extended.byName("Bhoj Nagar")).map(District::code).contains("396");
        assertThat(extended.byCode("396")).map(District::name).contains("Bhopal City");
    }

    @Test
    void extraCsvWithABadRowIsRejectedNamingTheLine(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("extra.csv");
        Files.writeString(csv, "code,stateCode,name\n9001,23,Maihar\nabc,23,Broken\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DISTRICTS.withExtra(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3").hasMessageContaining("code");
        Path noName = dir.resolve("no-name.csv");
        Files.writeString(noName, "code,stateCode\n9001,23\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DISTRICTS.withExtra(noName)).hasMessageContaining("missing column 'name'");
    }

    @Test
    void directoryIsImmutable() {
        List<District> all = DISTRICTS.all();
        assertThatThrownBy(() -> all.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> all.get(0).aliases().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
