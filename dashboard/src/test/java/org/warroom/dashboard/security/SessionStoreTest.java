package org.warroom.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    /** What the shared topic holds, in order: the ledger's writes, to be read back by {@link SessionStore#apply}. */
    private final Map<String, Session> written = new LinkedHashMap<>();
    private final SessionStore store = new SessionStore(new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(8), false),
            Clock.fixed(Instant.parse("2026-11-30T05:00:00Z"), ZoneOffset.UTC));

    SessionStoreTest() {
        store.shareWith(new SessionStore.Ledger() {
            @Override
            public Future<Void> saved(String id, Session session) {
                written.put(id, session);
                return Future.succeededFuture();
            }

            @Override
            public void ended(String id) {
                written.put(id + "#end", null);
            }
        });
    }

    @Test
    @DisplayName("a logout is not undone when the session's own save comes back from the shared topic after it")
    void shouldNotResurrectASessionEndedHere() {
        Session session = store.open("operator", "127.0.0.1").result();
        String id = SessionStore.id(session.token());
        Session save = written.get(id);

        store.end(session.token());
        store.apply(id, save);
        assertThat(store.find(session.token())).as("the save was still on its way when the user logged out").isEmpty();

        store.apply(id, null);
        assertThat(store.find(session.token())).isEmpty();
    }

    @Test
    @DisplayName("a session saved by another instance becomes known here")
    void shouldLearnSessionsOfOtherInstances() {
        SessionStore other = new SessionStore(new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(8), false),
                Clock.fixed(Instant.parse("2026-11-30T05:00:00Z"), ZoneOffset.UTC));
        Session theirs = other.create("commander", "127.0.0.2");

        store.apply(SessionStore.id(theirs.token()), theirs.withoutToken());

        assertThat(store.find(theirs.token())).map(Session::username).contains("commander");
    }
}
