package org.warroom.ingest.webhook;

/** Event ids made from a provider's own ids: deterministic (a redelivered callback gets the same id), safe characters. */
public final class WebhookIds {
    private WebhookIds() {
    }

    /** {@code prefix:} plus the provider id with characters outside {@code [A-Za-z0-9._:@-]} replaced by {@code _}. */
    public static String of(String prefix, String... parts) {
        StringBuilder out = new StringBuilder(prefix);
        for (String part : parts) {
            out.append(':').append(part == null ? "" : part.replaceAll("[^A-Za-z0-9._:@-]", "_"));
        }
        return out.length() > 128 ? out.substring(0, 128) : out.toString();
    }
}
