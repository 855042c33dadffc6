package org.warroom.dashboard.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * An HTML template from the class path with named slots: {@code {{name}}} takes text, HTML-escaped
 * ({@link StringEscapeUtils#escapeHtml4}); {@code {{{name}}}} takes markup already rendered by another template.
 * A slot without a value is a programming error; a null value renders as nothing.
 */
final class HtmlTemplate {
    private static final Pattern SLOT = Pattern.compile("\\{\\{\\{(\\w+)}}}|\\{\\{(\\w+)}}");

    private final String name;
    private final String text;

    private HtmlTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    static HtmlTemplate load(String resource) {
        try (InputStream in = HtmlTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new HtmlTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template's text as it is (for resources served unchanged, such as a style sheet). */
    String text() {
        return text;
    }

    /** Renders with {@code namesAndValues} = name, value, name, value, … */
    String render(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        Matcher m = SLOT.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            boolean markup = m.group(1) != null;
            String slot = markup ? m.group(1) : m.group(2);
            if (!values.containsKey(slot)) {
                throw new IllegalArgumentException(name + " has a slot " + slot + " without a value");
            }
            Object value = values.get(slot);
            String s = value == null ? "" : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(markup ? s : StringEscapeUtils.escapeHtml4(s)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
