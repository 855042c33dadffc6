package org.warroom.notifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.text.AlertText;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/**
 * The words of a notification, in English and in Hindi, from the bundles every screen uses ({@link Words}; the alert's
 * own words from {@link AlertText} when its record carries none): e-mail subject and body, the SMS/WhatsApp text, and
 * the webhook's JSON. Every alert in it carries its acknowledgement link.
 */
final class MessageText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    /** One alert in a message and the link that acknowledges it for this person. */
    record Item(Alert alert, String ackLink) {
    }

    private final DistrictDirectory districts;
    private final ZoneId zone;
    private final Words words = Words.bundled();
    private final AlertText alertText;

    MessageText(DistrictDirectory districts, ZoneId zone) {
        this.districts = districts;
        this.zone = zone;
        this.alertText = new AlertText(words, districts);
    }

    String subject(List<Item> items, int step) {
        String escalation = step > 1 ? " (" + words.format(Language.EN, "notify.escalation", Map.of("step", step)) + ")" : "";
        if (items.size() == 1) {
            Alert a = items.get(0).alert();
            return "[warroom] " + a.severity().wire().toUpperCase(Locale.ROOT) + ": " + english(a) + escalation;
        }
        return "[warroom] " + words.format(Language.EN, "notify.many", Map.of("n", items.size())) + escalation;
    }

    String text(List<Item> items, int step) {
        StringBuilder out = new StringBuilder();
        if (items.size() > 1) {
            out.append(both("notify.many", Map.of("n", items.size()))).append(":\n\n");
        }
        for (Item item : items) {
            Alert a = item.alert();
            out.append(a.severity().wire().toUpperCase(Locale.ROOT)).append(": ").append(english(a)).append('\n');
            out.append(hindi(a)).append('\n');
            out.append(both("notify.district", Map.of())).append(": ").append(place(a)).append('\n');
            if (a.raisedAt() != null) {
                out.append(both("notify.raised", Map.of())).append(": ")
                        .append(TIME.format(a.raisedAt().atZoneSameInstant(zone))).append('\n');
            }
            if (step > 1) {
                out.append(both("notify.escalation", Map.of("step", step))).append('\n');
            }
            out.append(both("notify.acknowledge", Map.of())).append(": ").append(item.ackLink()).append("\n\n");
        }
        return out.toString().strip();
    }

    /**
     * The variables of the SMS templates ({@link DltTemplates}): {@code severity} (upper case), {@code message},
     * {@code messageHi} (the first alert's words), {@code district}, {@code districtHi} (its name; state-wide in
     * both languages when it has none), {@code raised} (its time), {@code link} (its acknowledgement link),
     * {@code step} and {@code count} (alerts in the message).
     */
    Map<String, String> values(List<Item> items, int step) {
        Item item = items.get(0);
        Alert a = item.alert();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("severity", a.severity().wire().toUpperCase(Locale.ROOT));
        out.put("message", english(a));
        out.put("messageHi", hindi(a));
        Optional<District> district = districtOf(a);
        out.put("district", district.map(District::name).orElse(a.district() == null
                ? words.format(Language.EN, "notify.stateWide", Map.of()) : a.district()));
        out.put("districtHi", district.map(d -> d.nameHi().isEmpty() ? d.name() : d.nameHi()).orElse(a.district() == null
                ? words.format(Language.HI, "notify.stateWide", Map.of()) : a.district()));
        if (a.raisedAt() != null) {
            out.put("raised", TIME.format(a.raisedAt().atZoneSameInstant(zone)));
        }
        out.put("link", item.ackLink());
        out.put("step", Integer.toString(step));
        out.put("count", Integer.toString(items.size()));
        return out;
    }

    /** The alert's English words: the record's, else rendered. */
    private String english(Alert a) {
        return a.message() != null && !a.message().isBlank() ? a.message() : alertText.render(a, Language.EN);
    }

    /** The alert's Hindi words: the record's, else rendered. */
    private String hindi(Alert a) {
        return a.messageHi() != null && !a.messageHi().isBlank() ? a.messageHi() : alertText.render(a, Language.HI);
    }

    private String both(String key, Map<String, ?> values) {
        return words.format(Language.EN, key, values) + " / " + words.format(Language.HI, key, values);
    }

    byte[] json(String deliveryId, String user, int step, List<Item> items) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Item item : items) {
            Alert a = item.alert();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("rule", a.rule());
            m.put("district", a.district());
            districtOf(a).ifPresent(d -> {
                m.put("districtName", d.name());
                m.put("districtNameHi", d.nameHi());
            });
            m.put("commodity", a.commodity() == null ? null : a.commodity().wire());
            m.put("severity", a.severity().wire());
            m.put("state", a.state().wire());
            m.put("raisedAt", a.raisedAt());
            m.put("level", a.level());
            m.put("message", english(a));
            m.put("messageHi", hindi(a));
            m.put("ackUrl", item.ackLink());
            alerts.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", items.size() == 1 ? "alert" : "digest");
        body.put("delivery", deliveryId);
        body.put("user", user);
        body.put("step", step);
        body.put("alerts", alerts);
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body", e);
        }
    }

    private String place(Alert a) {
        if (a.district() == null) {
            return both("notify.stateWide", Map.of());
        }
        return districtOf(a).map(d -> d.name() + (d.nameHi() == null ? "" : " (" + d.nameHi() + ")"))
                .orElse(a.district());
    }

    private Optional<District> districtOf(Alert a) {
        return a.district() == null ? Optional.empty() : districts.byCode(a.district());
    }
}
