package org.warroom.dashboard.security;

import java.time.Instant;

/**
 * One logged-in session, kept only on the server. The token is what the cookie or bearer header carries; the
 * CSRF token must accompany cookie-authenticated state-changing requests.
 *
 * @param lastSeen  the last request made with it (idle expiry counts from here)
 * @param expiresAt the absolute end, however busy
 */
public record Session(String token, String username, String csrf, Instant createdAt, Instant lastSeen,
                      Instant expiresAt, String address) {

    public Session touched(Instant now) {
        return new Session(token, username, csrf, createdAt, now, expiresAt, address);
    }

    /** This session as it is kept and shared: without the token (only its holder has it). */
    public Session withoutToken() {
        return token == null ? this : new Session(null, username, csrf, createdAt, lastSeen, expiresAt, address);
    }

    /** This session as seen by the holder of {@code presented}. */
    public Session withToken(String presented) {
        return new Session(presented, username, csrf, createdAt, lastSeen, expiresAt, address);
    }

    @Override
    public String toString() {
        return "Session[" + username + ", since " + createdAt + "]";
    }
}
