package org.warroom.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateDirectoryTest {

    private static final StateDirectory STATES = StateDirectory.load();

    @Test
    void resolvesCodesNamesAndAbbreviationsInAnyCase() {
        assertThat(STATES.resolve("23")).contains("23");
        assertThat(STATES.resolve("madhya pradesh")).contains("23");
        assertThat(STATES.resolve("MADHYA PRADESH")).contains("23");
        assertThat(STATES.resolve("MadhyaPradesh")).contains("23");
        assertThat(STATES.resolve("MP")).contains("23");
        assertThat(STATES.resolve("m.p.")).contains("23");
        assertThat(STATES.resolve("मध्य प्रदेश")).contains("23");
        assertThat(STATES.resolve("मध्यप्रदेश")).contains("23");
        assertThat(STATES.resolve("Bihar")).contains("10");
        assertThat(STATES.resolve("बिहार")).contains("10");
        assertThat(STATES.resolve("UP")).contains("9");
        assertThat(STATES.resolve("09")).contains("9");
        assertThat(STATES.resolve("uttar pradesh")).contains("9");
    }

    @Test
    void resolvesOldNames() {
        assertThat(STATES.resolve("Orissa")).contains("21");
        assertThat(STATES.resolve("Pondicherry")).contains("34");
        assertThat(STATES.resolve("Uttaranchal")).contains("5");
        assertThat(STATES.resolve("J&K")).contains("1");
    }

    @Test
    void unknownInputResolvesToNothing() {
        assertThat(STATES.resolve("Atlantis")).isEmpty();
        assertThat(STATES.resolve("99")).isEmpty();
        assertThat(STATES.resolve("")).isEmpty();
        assertThat(STATES.resolve(null)).isEmpty();
    }

    @Test
    void byCodeGivesNamesInEnglishAndHindi() {
        State mp = STATES.byCode("23").orElseThrow();
        assertThat(mp.name()).isEqualTo("Madhya Pradesh");
        assertThat(mp.nameHi()).isEqualTo("मध्य प्रदेश");
        assertThat(mp.aliases()).contains("MP");
        assertThat(STATES.byCode("21").orElseThrow().name()).isEqualTo("Odisha");
    }
}
