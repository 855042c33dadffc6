package org.warroom.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.ingest.feed.Decoded;
import org.warroom.ingest.feed.MessagesDecoder;
import org.warroom.ingest.intake.Item;

/**
 * Maps a WhatsApp Business Cloud API webhook ({@code object=whatsapp_business_account},
 * {@code entry[].changes[].value.messages[]}) to citizen messages. Text messages keep their body; media with a
 * caption keep the caption; locations, buttons and list replies become a short text; other types (audio,
 * sticker, ...) become {@code [audio]} and the like, so that the war room still sees that someone wrote.
 * Reactions and delivery {@code statuses} are not citizen messages and are skipped (counted by the caller).
 */
public final class WhatsAppPayload {
    public static final String PROVIDER = "whatsapp";

    private final MessagesDecoder messages;

    public WhatsAppPayload(MessagesDecoder messages) {
        this.messages = messages;
    }

    /** The result of one payload: the messages (as items numbered from 1) and how many entries were skipped. */
    public record Mapped(List<Item> items, int skipped) {
    }

    public Mapped map(JsonNode root) {
        List<Item> items = new ArrayList<>();
        int skipped = 0;
        if (!"whatsapp_business_account".equals(root.path("object").asText())) {
            return new Mapped(List.of(new Item(1, shortRaw(root), Decoded.rejected("object",
                    "expected whatsapp_business_account, was '" + root.path("object").asText() + "'"))), 0);
        }
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                skipped += value.path("statuses").size();
                for (JsonNode message : value.path("messages")) {
                    Optional<String> text = text(message);
                    if (text.isEmpty()) {
                        skipped++;
                        continue;
                    }
                    items.add(new Item(items.size() + 1, shortRaw(message), decode(message, text.get(), value)));
                }
            }
        }
        return new Mapped(items, skipped);
    }

    private Decoded decode(JsonNode message, String text, JsonNode value) {
        String id = message.path("id").asText("");
        String from = message.path("from").asText("");
        if (id.isEmpty() || from.isEmpty()) {
            return Decoded.rejected(id.isEmpty() ? "id" : "from", "is missing in the WhatsApp message");
        }
        String name = null;
        for (JsonNode contact : value.path("contacts")) {
            if (from.equals(contact.path("wa_id").asText())) {
                name = contact.path("profile").path("name").asText(null);
            }
        }
        long seconds = message.path("timestamp").asLong(0);
        OffsetDateTime at = seconds > 0 ? OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC)
                : OffsetDateTime.now(ZoneOffset.UTC);
        String clipped = text.length() > MessagesDecoder.MAX_TEXT ? text.substring(0, MessagesDecoder.MAX_TEXT) : text;
        CitizenMessage m = new CitizenMessage(WebhookIds.of("wa", id), Channel.WHATSAPP, "+" + from.replaceAll("^\\+", ""),
                clipped, at, null, null, null, null, name, PROVIDER);
        return Decoded.accepted(messages.toEvent(m, Optional.empty()));
    }

    /** The text a message carries, or empty for types that are no citizen message (reactions, unsupported). */
    static Optional<String> text(JsonNode m) {
        String type = m.path("type").asText("");
        Optional<String> text = switch (type) {
            case "text" -> Optional.of(m.path("text").path("body").asText(""));
            case "image", "video", "document" -> Optional.of(m.path(type).path("caption").asText("[" + type + "]"));
            case "location" -> Optional.of("[location " + m.path("location").path("latitude").asText() + ","
                    + m.path("location").path("longitude").asText() + " " + m.path("location").path("name").asText("") + "]");
            case "button" -> Optional.of(m.path("button").path("text").asText("[button]"));
            case "interactive" -> Optional.of(m.path("interactive").path("button_reply").path("title")
                    .asText(m.path("interactive").path("list_reply").path("title").asText("[interactive]")));
            case "audio", "voice", "sticker", "contacts" -> Optional.of("[" + type + "]");
            default -> Optional.empty();
        };
        return text.map(String::strip).filter(s -> !s.isEmpty());
    }

    private static String shortRaw(JsonNode node) {
        String s = node.toString();
        return s.length() > 4096 ? s.substring(0, 4096) : s;
    }
}
