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

    @Override
    public String toString() {
        return "Session[" + username + ", since " + createdAt + "]";
    }
}
