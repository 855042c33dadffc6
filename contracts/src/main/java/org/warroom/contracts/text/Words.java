package org.warroom.contracts.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every text a person reads, in English and Hindi, from one source: the resource bundles
 * {@code i18n/words_en.properties} and {@code i18n/words_hi.properties} (UTF-8). The dashboard serves them to its
 * pages, draws its charts with them, and the notifier writes its messages with them; {@code {name}} marks a value
 * filled in by {@link #format}. Both languages have exactly the same keys (a test fails otherwise).
 */
public final class Words {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Words INSTANCE = new Words();

    private final Map<Language, Map<String, String>> texts = new java.util.EnumMap<>(Language.class);

    private Words() {
        for (Language language : Language.values()) {
            texts.put(language, Collections.unmodifiableMap(load("/i18n/words_" + language.code() + ".properties")));
        }
    }

    /** The bundles, loaded once. */
    public static Words bundled() {
        return INSTANCE;
    }

    /** Every key and its text in {@code language}, sorted by key. */
    public Map<String, String> all(Language language) {
        return texts.get(language);
    }

    public Set<String> keys(Language language) {
        return texts.get(language).keySet();
    }

    /** The text of {@code key}, or the English one, or null when neither has it. */
    public String find(Language language, String key) {
        String text = texts.get(language).get(key);
        return text != null ? text : texts.get(Language.EN).get(key);
    }

    /** The text of {@code key}; the key itself when it has none (so a missing text shows, never blanks a screen). */
    public String get(Language language, String key) {
        String text = find(language, key);
        return text != null ? text : key;
    }

    /** {@link #get} with every {@code {name}} replaced by {@code values.get(name)} (left as it is when absent). */
    public String format(Language language, String key, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(get(language, key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : Objects.toString(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Words.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<String, String> out = new TreeMap<>();
        properties.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }
}
