package org.warroom.elastic.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextKeysTest {

    @ParameterizedTest(name = "{0} and {1} fold together")
    @CsvSource({
            "doodh, दूध", "dudh, दूध", "doodh, dudh", "dudh, दुध",
            "paani, पानी", "pani, पानी", "paanee, पानी",
            "dawai, दवाई", "davai, दवाई", "dawa, दवा", "dava, दवा",
            "rashan, राशन", "raashan, राशन", "ration, ration",
            "bhopal, भोपाल", "indore, इंदौर", "chawal, चावल", "gehun, गेहूं",
            "nahin, नहीं", "hindi, हिंदी", "zaroorat, ज़रूरत", "jarurat, ज़रूरत",
            "sadak, सड़क", "phone, फ़ोन", "fone, फ़ोन", "khatam, ख़तम",
            "bachchon, बच्चों", "aspatal, अस्पताल", "gais, गैस", "card, कार्ड", "bacche, बच्चे", "accha, अच्छा"})
    void shouldFoldScriptsAndSpellings(String a, String b) {
        assertThat(TextKeys.of(a).key()).isEqualTo(TextKeys.of(b).key());
    }

    @Test
    @DisplayName("nukta, precomposed or combining, and zero-width joiners fold away")
    void shouldFoldNuktaVariants() {
        String precomposed = "\u095B\u0930\u0942\u0930\u0924"; // ज़रूरत with U+095B
        String combining = "\u091C\u093C\u0930\u0942\u0930\u0924"; // ज + nukta
        String plain = "\u091C\u0930\u0942\u0930\u0924";
        assertThat(TextKeys.of(precomposed).key()).isEqualTo(TextKeys.of(combining).key()).isEqualTo(TextKeys.of(plain).key());
        assertThat(TextKeys.of("क्\u200Dष").key()).isEqualTo(TextKeys.of("क्ष").key());
    }

    @Test
    @DisplayName("short and long matras fold together")
    void shouldFoldMatras() {
        assertThat(TextKeys.of("दुध").key()).isEqualTo(TextKeys.of("दूध").key());
        assertThat(TextKeys.of("पानि").key()).isEqualTo(TextKeys.of("पानी").key());
        assertThat(TextKeys.of("दवायी").key()).isNotEqualTo(TextKeys.of("दवा").key());
    }

    @Test
    @DisplayName("different words keep different keys")
    void shouldKeepWordsApart() {
        List<String> words = List.of("दूध", "दाल", "पानी", "दवा", "राशन", "milk", "मिल", "water", "तेल", "gas", "दवाई");
        assertThat(words.stream().map(w -> TextKeys.of(w).key()).distinct()).hasSameSizeAs(words);
    }

    @Test
    @DisplayName("English words in Latin letters carry their stem; Hindi words do not")
    void shouldStemEnglish() {
        assertThat(TextKeys.of("medicines").stem()).isEqualTo("medisin");
        assertThat(TextKeys.of("medicine").key()).isEqualTo("medisin");
        assertThat(TextKeys.of("shortages").matches(TextKeys.of("shortage"))).isTrue();
        assertThat(TextKeys.of("flooding").matches(TextKeys.of("flooded"))).isTrue();
        assertThat(TextKeys.of("दूध").stem()).isNull();
    }

    @Test
    @DisplayName("one typing error matches from five letters of key; shorter keys must match exactly")
    void shouldAllowOneEditInLongWords() {
        assertThat(TextKeys.of("hospitl").matches(TextKeys.of("hospital"))).isTrue();
        assertThat(TextKeys.of("aspatal").matches(TextKeys.of("asptaal"))).isTrue();
        assertThat(TextKeys.of("hsopital").matches(TextKeys.of("hospital"))).isTrue();
        assertThat(TextKeys.of("milk").matches(TextKeys.of("मिल"))).isFalse();
        assertThat(TextKeys.of("hospital").matches(TextKeys.of("capital"))).isFalse();
    }

    @Test
    @DisplayName("a text's keys are its words' keys and stems, each once")
    void shouldKeyAText() {
        assertThat(TextKeys.ofText("इंदौर में दूध नहीं, doodh nahi!")).isEqualTo("indor men dud nahin nahi nhin nhi");
        assertThat(TextKeys.ofText("Medicines short")).isEqualTo("medisines medisin sort");
        assertThat(TextKeys.of("majdoor").matches(TextKeys.of("मजदूर"))).isTrue();
        assertThat(TextKeys.of("nahi").matches(TextKeys.of("नहीं"))).isTrue();
        assertThat(TextKeys.of("doctor").matches(TextKeys.of("डॉक्टर"))).isTrue();
        assertThat(TextKeys.ofText(null)).isNull();
        assertThat(TextKeys.ofText("")).isEmpty();
    }

    @Test
    @DisplayName("one edit: insert, delete, replace, swap")
    void shouldCountOneEdit() {
        assertThat(OneEdit.within("abcde", "abde")).isTrue();
        assertThat(OneEdit.within("abde", "abcde")).isTrue();
        assertThat(OneEdit.within("abcde", "abxde")).isTrue();
        assertThat(OneEdit.within("abcde", "bacde")).isTrue();
        assertThat(OneEdit.within("abcde", "badce")).isFalse();
        assertThat(OneEdit.within("abcde", "abc")).isFalse();
    }
}
