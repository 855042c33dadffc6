package org.warroom.notifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * The DLT templates registered for each message kind ({@link Outgoing#purpose()}): {@code sms.template.<purpose>.id}
 * (the template id the operator's DLT platform gave) and {@code sms.template.<purpose>.text} (the registered text,
 * each DLT {@code {#var#}} written as a named variable). A variable {@code {name}} takes one {@code {#var#}} — at most
 * {@code sms.template.variable.max} (30) characters; {@code {name:N}} takes up to N characters (register
 * ⌈N/30⌉ {@code {#var#}} in a row for it). Values are put on one line (runs of white space become one space) and cut
 * to their width, so the SMS matches the registered template: DLT scrubbing rejects one that does not.
 */
final class DltTemplates {
    /** The message kinds warroom sends by SMS. */
    static final List<String> PURPOSES = List.of(Outgoing.ALERT, Outgoing.ALERT_DIGEST, "reply.registered",
            "reply.resolved", "reply.rejected", "reply.status", "reply.reopened", "reply.rated", "reply.not-found", "reply.rated-already");

    /** The texts used when {@code sms.template.<purpose>.text} is not set: register these, or set your own. */
    static final Map<String, String> DEFAULT_TEXTS = Map.of(
            Outgoing.ALERT, "warroom {severity}: {message:60} / {messageHi:60}. Acknowledge: {link:120}",
            Outgoing.ALERT_DIGEST, "warroom: {count} alerts / {count} चेतावनियाँ, first {message:60}. Acknowledge: {link:120}",
            "reply.registered", "warroom: your complaint is registered / आपकी शिकायत दर्ज हुई. {text:120}",
            "reply.resolved", "warroom: your complaint is resolved / आपकी शिकायत का समाधान हुआ. {text:120}",
            "reply.rejected", "warroom: your complaint was closed / आपकी शिकायत बंद की गई. {text:120}",
            "reply.status", "warroom: complaint status / शिकायत की स्थिति: {text:120}",
            "reply.reopened", "warroom: your complaint is reopened / आपकी शिकायत फिर खोली गई. {text:120}",
            "reply.rated", "warroom: thank you for your rating / आपकी रेटिंग के लिए धन्यवाद. {text:120}",
            "reply.not-found", "warroom: complaint not found / शिकायत नहीं मिली. {text:120}",
            "reply.rated-already", "warroom: your rating was already recorded / आपकी रेटिंग पहले ही दर्ज है. {text:120}");

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(?::(\\d{1,4}))?}");

    /** One registered template. */
    record Template(String purpose, String id, String text) {
    }

    /** A message rendered for DLT: the template it matches and its text. */
    record Rendered(Template template, String text) {
    }

    private final Map<String, Template> templates;
    private final int variableMax;

    DltTemplates(Map<String, Template> templates, int variableMax) {
        this.templates = Map.copyOf(templates);
        this.variableMax = variableMax;
    }

    /** The templates with an id; a purpose without one cannot be sent by the gateway. */
    static DltTemplates from(Settings settings) {
        Map<String, Template> out = new LinkedHashMap<>();
        for (String purpose : PURPOSES) {
            String key = "sms.template." + purpose;
            Optional<String> id = settings.find(key + ".id");
            if (id.isEmpty()) {
                continue;
            }
            if (!id.get().matches("\\d{1,30}")) {
                throw new ConfigException(key + ".id", "must be the DLT template id (digits), was '" + id.get() + "'");
            }
            out.put(purpose, new Template(purpose, id.get(), settings.get(key + ".text", DEFAULT_TEXTS.get(purpose))));
        }
        int max = settings.getInt("sms.template.variable.max", 30);
        if (max < 1) {
            throw new ConfigException("sms.template.variable.max", "must be at least 1");
        }
        return new DltTemplates(out, max);
    }

    Map<String, Template> all() {
        return templates;
    }

    /**
     * The message's text in its purpose's template.
     *
     * @throws Channel.PermanentFailure when no template is registered for the purpose, or a variable has no value
     */
    Rendered render(Outgoing message) {
        Template template = templates.get(message.purpose());
        if (template == null) {
            throw new Channel.PermanentFailure("no DLT template for the message kind '" + message.purpose()
                    + "' (set sms.template." + message.purpose() + ".id)");
        }
        Matcher m = VARIABLE.matcher(template.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            int width = m.group(2) == null ? variableMax : Integer.parseInt(m.group(2));
            String value = message.value(name).orElseThrow(() -> new Channel.PermanentFailure("the DLT template of '"
                    + message.purpose() + "' needs the variable '" + name + "', which the message does not have"));
            m.appendReplacement(out, Matcher.quoteReplacement(fit(value, width)));
        }
        m.appendTail(out);
        return new Rendered(template, out.toString());
    }

    /** One line, at most {@code width} characters (never a half surrogate pair). */
    static String fit(String value, int width) {
        String line = value.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= width) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, width)).strip();
    }
}
