package org.warroom.dashboard.campaign.dial;

/**
 * Places a click-to-call: the provider rings the agent's own phone first, then bridges the worker, showing the
 * campaign's caller id. Blocking: call it from a worker thread.
 */
public interface Dialer {
    DialProvider provider();

    /** Dials; the answer names the provider's call ({@code exotel:<sid>}, {@code twilio:<sid>}), as the calls feed does. */
    DialedCall dial(String agentPhone, String workerPhone, String reference) throws DialFailed;

    static Dialer of(DialSettings settings) {
        ProviderForm form = new ProviderForm(settings);
        return switch (settings.provider()) {
            case EXOTEL -> new ExotelDialer(settings, form);
            case TWILIO -> new TwilioDialer(settings, form);
        };
    }
}
