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

/**
 * The words of a notification, in English with the district's Hindi name (and the alert's own text, which may be
 * Hindi) kept as is: e-mail subject and body, the SMS/WhatsApp text, and the webhook's JSON. Every alert in it
 * carries its acknowledgement link.
 */
final class MessageText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    /** One alert in a message and the link that acknowledges it for this person. */
    record Item(Alert alert, String ackLink) {
    }

    private final DistrictDirectory districts;
    private final ZoneId zone;

    MessageText(DistrictDirectory districts, ZoneId zone) {
        this.districts = districts;
        this.zone = zone;
    }

    String subject(List<Item> items, int step) {
        if (items.size() == 1) {
            Alert a = items.get(0).alert();
            return "[warroom] " + a.severity().wire().toUpperCase(Locale.ROOT) + " " + a.rule()
                    + Optional.ofNullable(a.commodity()).map(c -> " " + c.wire()).orElse("") + " — " + place(a)
                    + (step > 1 ? " (escalation step " + step + ")" : "");
        }
        return "[warroom] " + items.size() + " alerts need you" + (step > 1 ? " (escalation step " + step + ")" : "");
    }

    String text(List<Item> items, int step) {
        StringBuilder out = new StringBuilder();
        if (items.size() > 1) {
            out.append(items.size()).append(" alerts / ").append(items.size()).append(" अलर्ट:\n\n");
        }
        for (Item item : items) {
            Alert a = item.alert();
            out.append(a.severity().wire().toUpperCase(Locale.ROOT)).append(": ")
                    .append(a.message() == null || a.message().isBlank() ? a.rule() : a.message()).append('\n');
            out.append("District / जिला: ").append(place(a)).append('\n');
            if (a.commodity() != null) {
                out.append("Commodity: ").append(a.commodity().wire()).append('\n');
            }
            if (a.raisedAt() != null) {
                out.append("Raised: ").append(TIME.format(a.raisedAt().atZoneSameInstant(zone))).append('\n');
            }
            if (step > 1) {
                out.append("Not acknowledged yet: escalation step ").append(step).append('\n');
            }
            out.append("Acknowledge / स्वीकार करें: ").append(item.ackLink()).append("\n\n");
        }
        return out.toString().strip();
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
            m.put("message", a.message());
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
            return "state-wide / पूरे राज्य में";
        }
        return districtOf(a).map(d -> d.name() + (d.nameHi() == null ? "" : " (" + d.nameHi() + ")"))
                .orElse(a.district());
    }

    private Optional<District> districtOf(Alert a) {
        return a.district() == null ? Optional.empty() : districts.byCode(a.district());
    }
}
