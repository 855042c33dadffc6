package org.warroom.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/** Every text key the pages name literally exists in the bundles, in both languages. */
class PageWordsTest {
    private static final Path WEBROOT = Path.of("src/main/resources/webroot");
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-placeholder|-title|-aria)?=\"([\\w.-]+)\"");
    private static final Pattern JS_KEY = Pattern.compile("\\bt(?:Or)?\\(\\s*'([\\w.-]+)'");

    @Test
    @DisplayName("every data-i18n key of the pages and every literal t('…') key of their scripts has an English and a Hindi text")
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".html")) {
                    collect(HTML_KEY, Files.readString(f), used);
                } else if (name.endsWith(".js")) {
                    collect(JS_KEY, Files.readString(f), used);
                }
            }
        }
        assertThat(used).as("keys found in the pages").hasSizeGreaterThan(100);
        Words words = Words.bundled();
        for (Language language : Language.values()) {
            assertThat(used.stream().filter(k -> !words.keys(language).contains(k)).toList())
                    .as("keys the pages use without a text in " + language).isEmpty();
        }
    }

    @Test
    @DisplayName("the page scripts carry no dictionary of their own: words.js is the only one, served from the bundles")
    void pagesHaveNoDictionaryOfTheirOwn() throws IOException {
        String i18n = Files.readString(WEBROOT.resolve("assets/i18n.js"));
        assertThat(i18n).contains("from './words.js'").doesNotContain("'app.name':");
        assertThat(Files.exists(WEBROOT.resolve("assets/words.js"))).as("words.js is rendered, not a file").isFalse();
    }

    @Test
    @DisplayName("charts read their words from the bundles, in the chosen language")
    void chartLabelsComeFromTheBundles() {
        assertThat(new ChartLabels(true).get("milk")).isEqualTo(Words.bundled().get(Language.HI, "commodity.milk"));
        assertThat(new ChartLabels(false).get("CRITICAL")).isEqualTo("Critical");
        assertThat(new ChartLabels(true).get("trend.title")).isEqualTo("कॉल और संदेश, प्रति घंटा");
        assertThat(new ChartLabels(false).get("181")).as("a line without a label of its own").isEqualTo("CM Helpline 181");
        assertThat(new ChartLabels(false).get("no-such-code")).isEqualTo("no-such-code");
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
