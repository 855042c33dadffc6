package org.warroom.dashboard.security;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions of this dashboard instance: opaque random tokens (nothing in them to forge), idle and
 * absolute expiry by the injected clock, a new token on every login (a token planted before login is never
 * promoted), logout, and every session of a user ended at once when the user is disabled or their password
 * changes. Thread-safe.
 *
 * <p>Sessions are kept by the SHA-256 of their token, never the token itself, so that they can be shared with the
 * other dashboard instances through a {@link Ledger} ({@link SharedSessions}: a compacted topic) without handing
 * anyone a usable credential: a user keeps their session when the proxy sends them to another instance, or when
 * their instance dies. Activity is shared at most once a {@link #SHARE_ACTIVITY_EVERY}, so idle expiry holds
 * across instances to that precision.
 */
public final class SessionStore {
    /** How often a session's activity is passed on to the ledger (idle expiry elsewhere is this precise). */
    public static final Duration SHARE_ACTIVITY_EVERY = Duration.ofMinutes(1);

    /** Where sessions are shared with other instances. */
    public interface Ledger {
        /** Keeps {@code session} (its token left out) under {@code id}; completes once durable. */
        Future<Void> saved(String id, Session session);

        /** Forgets the session {@code id}. */
        void ended(String id);
    }

    private static final Ledger LOCAL_ONLY = new Ledger() {
        @Override
        public Future<Void> saved(String id, Session session) {
            return Future.succeededFuture();
        }

        @Override
        public void ended(String id) {
        }
    };

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> sharedActivity = new ConcurrentHashMap<>();
    /**
     * Sessions ended here whose end has not been read back from the shared topic yet: a save of the same session still
     * on its way through the topic must not bring it back (a logout would otherwise be undone for a moment).
     */
    private final Set<String> endedHere = ConcurrentHashMap.newKeySet();
    private final SessionSettings settings;
    private final Clock clock;
    private volatile Ledger ledger = LOCAL_ONLY;

    public SessionStore(SessionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Shares this instance's sessions through {@code ledger} from now on. */
    public void shareWith(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Starts a new session for {@code username} on this instance only (see {@link #open}). */
    public Session create(String username, String address) {
        Instant now = clock.instant();
        Session session = new Session(Tokens.random(), username, Tokens.random(), now, now,
                now.plus(settings.absolute()), address);
        sessions.put(id(session.token()), session.withoutToken());
        return session;
    }

    /** Starts a new session for {@code username}; completes once the ledger has it (every instance will know it). */
    public Future<Session> open(String username, String address) {
        Session session = create(username, address);
        String id = id(session.token());
        sharedActivity.put(id, session.lastSeen());
        return ledger.saved(id, session.withoutToken()).map(session).onFailure(e -> {
            sessions.remove(id);
            sharedActivity.remove(id);
        });
    }

    /** The live session of {@code token}, its idle clock restarted; empty (and forgotten) when expired. */
    public Optional<Session> use(String token) {
        return find(token).map(s -> {
            Instant now = clock.instant();
            String id = id(token);
            Session touched = s.touched(now);
            sessions.computeIfPresent(id, (k, old) -> old.lastSeen().isAfter(now) ? old : touched.withoutToken());
            Instant shared = sharedActivity.get(id);
            if (shared == null || !now.isBefore(shared.plus(SHARE_ACTIVITY_EVERY))) {
                sharedActivity.put(id, now);
                ledger.saved(id, touched.withoutToken());
            }
            return touched;
        });
    }

    /**
     * A session as another instance (or this one, earlier) recorded it; null: it ended. Activity never goes back:
     * an older record does not shorten a session this instance has seen used since.
     */
    public void apply(String id, Session shared) {
        if (shared == null) {
            sessions.remove(id);
            sharedActivity.remove(id);
            endedHere.remove(id);
            return;
        }
        if (endedHere.contains(id)) {
            return;
        }
        sessions.merge(id, shared.withoutToken(),
                (mine, theirs) -> mine.lastSeen().isAfter(theirs.lastSeen()) ? mine : theirs);
    }

    /** The live session of {@code token}, without counting as activity. */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        String id = id(token);
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, clock.instant())) {
            forget(id);
            return Optional.empty();
        }
        return Optional.of(s.withToken(token));
    }

    /** When an unused session ends: idle expiry or the absolute end, whichever comes first. */
    public Instant expiresAt(Session s) {
        Instant idleEnd = s.lastSeen().plus(settings.idle());
        return idleEnd.isBefore(s.expiresAt()) ? idleEnd : s.expiresAt();
    }

    public void end(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 128) {
            forget(id(token));
        }
    }

    /** Ends every session of {@code username}; returns how many. */
    public int endAll(String username) {
        List<String> ids = new ArrayList<>();
        sessions.forEach((id, s) -> {
            if (s.username().equals(username)) {
                ids.add(id);
            }
        });
        ids.forEach(this::forget);
        return ids.size();
    }

    /** Forgets expired sessions (called periodically so memory does not grow). */
    public int purge() {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        sessions.forEach((id, s) -> {
            if (expired(s, now)) {
                ids.add(id);
            }
        });
        ids.forEach(this::forget);
        return ids.size();
    }

    private void forget(String id) {
        if (sessions.remove(id) != null) {
            sharedActivity.remove(id);
            if (ledger != LOCAL_ONLY) {
                endedHere.add(id);
            }
            ledger.ended(id);
        }
    }

    /** The key a session is kept under: the SHA-256 of its token, base64url. */
    static String id(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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
