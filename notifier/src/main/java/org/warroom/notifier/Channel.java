package org.warroom.notifier;

import io.vertx.core.Future;
import org.warroom.contracts.notify.ChannelKind;

/** One way of reaching people (e-mail, SMS, WhatsApp, webhook): a small adapter; retries are the caller's. */
public interface Channel {
    ChannelKind kind();

    /**
     * Sends one message. Completes once the provider took it; fails with {@link PermanentFailure} when trying
     * again cannot help (an address refused), with anything else when it may (the caller retries with backoff).
     */
    Future<Void> send(Outgoing message);

    /** A failure that retrying cannot fix. */
    final class PermanentFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PermanentFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
