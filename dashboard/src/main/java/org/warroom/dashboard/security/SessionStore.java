package org.warroom.dashboard.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions of this dashboard instance: opaque random tokens (nothing in them to forge), idle and
 * absolute expiry by the injected clock, a new token on every login (a token planted before login is never
 * promoted), logout, and every session of a user ended at once when the user is disabled or their password
 * changes. Thread-safe.
 */
public final class SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionSettings settings;
    private final Clock clock;

    public SessionStore(SessionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a new session for {@code username}. */
    public Session create(String username, String address) {
        Instant now = clock.instant();
        Session session = new Session(Tokens.random(), username, Tokens.random(), now, now,
                now.plus(settings.absolute()), address);
        sessions.put(session.token(), session);
        return session;
    }

    /** The live session of {@code token}, its idle clock restarted; empty (and forgotten) when expired. */
    public Optional<Session> use(String token) {
        return find(token).map(s -> {
            Session touched = s.touched(clock.instant());
            sessions.replace(token, s, touched);
            return touched;
        });
    }

    /** The live session of {@code token}, without counting as activity. */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        Session s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, clock.instant())) {
            sessions.remove(token, s);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** When an unused session ends: idle expiry or the absolute end, whichever comes first. */
    public Instant expiresAt(Session s) {
        Instant idleEnd = s.lastSeen().plus(settings.idle());
        return idleEnd.isBefore(s.expiresAt()) ? idleEnd : s.expiresAt();
    }

    public void end(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    /** Ends every session of {@code username}; returns how many. */
    public int endAll(String username) {
        int[] n = {0};
        sessions.values().removeIf(s -> {
            boolean match = s.username().equals(username);
            if (match) {
                n[0]++;
            }
            return match;
        });
        return n[0];
    }

    /** Forgets expired sessions (called periodically so memory does not grow). */
    public int purge() {
        Instant now = clock.instant();
        int before = sessions.size();
        sessions.values().removeIf(s -> expired(s, now));
        return before - sessions.size();
    }

    public int size() {
        return sessions.size();
    }

    public SessionSettings settings() {
        return settings;
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(expiresAt(s));
    }
}
