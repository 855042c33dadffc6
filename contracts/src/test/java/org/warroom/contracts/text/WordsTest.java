package org.warroom.contracts.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WordsTest {
    private static final Pattern DEVANAGARI = Pattern.compile("[\\u0900-\\u097F]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private final Words words = Words.bundled();

    @Test
    @DisplayName("every text exists in English and in Hindi: the same keys, none blank")
    void everyKeyHasBothLanguages() {
        assertThat(words.keys(Language.HI)).as("keys in English without a Hindi text, or the other way round")
                .containsExactlyInAnyOrderElementsOf(words.keys(Language.EN));
        for (Language language : Language.values()) {
            assertThat(words.all(language).entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey))
                    .as("blank texts in " + language).isEmpty();
        }
    }

    @Test
    @DisplayName("a Hindi text is written in Devanagari (or is a name, number or code that reads the same) and keeps the English placeholders")
    void hindiTextsAreHindiWithTheSamePlaceholders() {
        Map<String, String> en = words.all(Language.EN);
        java.util.List<String> notHindi = new java.util.ArrayList<>();
        words.all(Language.HI).forEach((key, hi) -> {
            assertThat(placeholders(hi)).as("placeholders of " + key).isEqualTo(placeholders(en.get(key)));
            String letters = PLACEHOLDER.matcher(hi).replaceAll("").replaceAll("[^\\p{L}]", "");
            // the language switch names the other language in its own script
            if (!letters.isEmpty() && !key.startsWith("lang.") && !DEVANAGARI.matcher(hi).find()) {
                notHindi.add(key + " = " + hi);
            }
        });
        assertThat(notHindi).as("Hindi texts without Devanagari").isEmpty();
    }

    @Test
    @DisplayName("format fills placeholders in the chosen language and leaves unknown ones visible")
    void shouldFormatInEitherLanguage() {
        assertThat(words.format(Language.EN, "wall.waiting", Map.of("n", 7))).isEqualTo("7 waiting");
        assertThat(words.format(Language.HI, "wall.waiting", Map.of("n", 7))).isEqualTo("7 प्रतीक्षा में");
        assertThat(words.format(Language.EN, "wall.waiting", Map.of())).isEqualTo("{n} waiting");
        assertThat(words.get(Language.HI, "no.such.key")).isEqualTo("no.such.key");
        assertThat(Language.of("hi-IN")).isEqualTo(Language.HI);
        assertThat(Language.of(null)).isEqualTo(Language.EN);
    }

    private static String placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        return m.results().map(r -> r.group(1)).sorted().collect(Collectors.joining(","));
    }
}
