package org.warroom.dashboard.security;

import io.vertx.core.http.HttpMethod;
import java.util.Optional;
import org.warroom.dashboard.access.Viewer;

/**
 * Credentials of devices rather than people (registered wall displays): long-lived, revocable, read-only. The
 * {@link Authenticator} asks here when a presented token is no session.
 */
public interface DeviceCredentials {
    /** A device credential that is nobody's: every lookup fails. */
    DeviceCredentials NONE = new DeviceCredentials() {
        @Override
        public boolean recognises(String token) {
            return false;
        }

        @Override
        public Optional<Viewer> viewerOf(String credential) {
            return Optional.empty();
        }

        @Override
        public boolean allows(HttpMethod method, String path) {
            return false;
        }
    };

    /** Whether the token has the form of a device credential (it is then never looked up as a session). */
    boolean recognises(String token);

    /** The viewer of a live (registered, not revoked) credential. */
    Optional<Viewer> viewerOf(String credential);

    /** Whether a device may make this request at all: reads of its view's pages, live API and websocket only. */
    boolean allows(HttpMethod method, String path);
}
