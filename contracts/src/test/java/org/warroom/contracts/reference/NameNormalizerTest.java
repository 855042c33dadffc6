package org.warroom.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    @Test
    void caseSpacesAndPunctuationDoNotMatter() {
        assertThat(NameNormalizer.key("Agar-Malwa")).isEqualTo(NameNormalizer.key("agar malwa"))
                .isEqualTo(NameNormalizer.key("AGARMALWA"));
        assertThat(NameNormalizer.key("Kaimur (Bhabua)")).isEqualTo("kaimurbhabua");
    }

    @Test
    void zeroWidthCharactersAreInvisible() {
        assertThat(NameNormalizer.key("Bho\u200Bpal")).isEqualTo("bhopal");
        assertThat(NameNormalizer.key("\uFEFFभोपाल\u200D")).isEqualTo(NameNormalizer.key("भोपाल"));
        assertThat(NameNormalizer.tokenKeys("भो\u200Cपाल में")).hasSize(2);
    }

    @Test
    void latinAccentsAndDoubledLettersDoNotMatter() {
        assertThat(NameNormalizer.key("Bhopaal")).isEqualTo(NameNormalizer.key("Bhopal"));
        assertThat(NameNormalizer.key("Muzzaffarpur")).isEqualTo(NameNormalizer.key("Muzafarpur"));
        assertThat(NameNormalizer.key("Bhōpāl")).isEqualTo("bhopal");
    }

    @Test
    void devanagariSpellingVariantsMeet() {
        // precomposed and decomposed nukta, and no nukta at all
        assertThat(NameNormalizer.key("छिंदवाड़ा")).isEqualTo(NameNormalizer.key("छिंदवाड\u093Cा"))
                .isEqualTo(NameNormalizer.key("छिंदवाडा"));
        assertThat(NameNormalizer.key("\u095Bिला")).isEqualTo(NameNormalizer.key("जिला"));
        // half nasal consonant = anusvara, candrabindu = anusvara
        assertThat(NameNormalizer.key("भिण्ड")).isEqualTo(NameNormalizer.key("भिंड"));
        assertThat(NameNormalizer.key("चम्पारण")).isEqualTo(NameNormalizer.key("चंपारण"));
        assertThat(NameNormalizer.key("बाँका")).isEqualTo(NameNormalizer.key("बांका"));
        // long and short i/u
        assertThat(NameNormalizer.key("सीतामढ़ी")).isEqualTo(NameNormalizer.key("सितामढि"));
        // mixed with another script, the general Unicode normaliser gives the same answer
        assertThat(NameNormalizer.key("छिंदवाड़ाé")).isEqualTo(NameNormalizer.key("छिंदवाडाe"));
    }

    @Test
    void aChangeOfScriptSplitsTokens() {
        assertThat(NameNormalizer.tokenKeys("Bhopalमें")).containsExactly("bhopal", "में");
        assertThat(NameNormalizer.tokenKeys("Dharmendra")).containsExactly("dharmendra");
    }
}
