package org.warroom.dashboard.campaign.dial;

import java.util.Locale;
import java.util.Optional;

/** The click-to-call providers a campaign's agents can dial through, with each one's public API address. */
public enum DialProvider {
    /** Exotel's Connect API ({@code /v1/Accounts/<sid>/Calls/connect}): calls the agent, then bridges the worker. */
    EXOTEL("exotel", "https://api.exotel.com"),
    /** Twilio's Calls API ({@code /2010-04-01/Accounts/<sid>/Calls.json}): calls the agent, TwiML dials the worker. */
    TWILIO("twilio", "https://api.twilio.com");

    private final String wire;
    private final String defaultBase;

    DialProvider(String wire, String defaultBase) {
        this.wire = wire;
        this.defaultBase = defaultBase;
    }

    public String wire() {
        return wire;
    }

    public String defaultBase() {
        return defaultBase;
    }

    public static Optional<DialProvider> parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (DialProvider p : values()) {
            if (p.wire.equals(v)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
