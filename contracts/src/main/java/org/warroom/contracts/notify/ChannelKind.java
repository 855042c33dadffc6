package org.warroom.contracts.notify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import org.warroom.contracts.account.Contact;

/** How a notification reaches a person (API.md: {@code email|sms|whatsapp|webhook}). */
public enum ChannelKind {
    EMAIL, SMS, WHATSAPP, WEBHOOK;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChannelKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @JsonCreator
    public static ChannelKind fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown channel '" + value + "'"));
    }

    /** The address of this channel in a contact, or null when the contact has none. */
    public String addressIn(Contact contact) {
        if (contact == null) {
            return null;
        }
        return switch (this) {
            case EMAIL -> contact.email();
            case SMS, WHATSAPP -> contact.phone();
            case WEBHOOK -> contact.webhook();
        };
    }
}
