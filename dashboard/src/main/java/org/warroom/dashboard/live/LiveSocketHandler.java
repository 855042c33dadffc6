package org.warroom.dashboard.live;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.security.Authenticator;
import org.warroom.dashboard.security.Session;
import org.warroom.dashboard.security.SessionStore;

/**
 * {@code GET /ws}: upgrades an authenticated request (cookie, bearer or {@code ?token=}) from our own origin
 * to a {@link LiveSocket}. 401 without a session, 403 from a foreign Origin (cross-site websocket hijacking).
 */
public final class LiveSocketHandler {
    private final Vertx vertx;
    private final LiveState live;
    private final SnapshotFrames frames;
    private final LiveSettings settings;
    private final SessionStore sessions;
    private final Authenticator auth;
    private final LiveMetrics metrics;

    public LiveSocketHandler(Vertx vertx, LiveState live, LiveSettings settings, SessionStore sessions,
                             Authenticator auth, LiveMetrics metrics) {
        this(vertx, live, DistrictDirectory.load(), settings, sessions, auth, metrics);
    }

    public LiveSocketHandler(Vertx vertx, LiveState live, DistrictDirectory districts, LiveSettings settings,
                             SessionStore sessions, Authenticator auth, LiveMetrics metrics) {
        this.metrics = metrics;
        this.vertx = vertx;
        this.live = live;
        this.frames = new SnapshotFrames(live, districts);
        this.settings = settings;
        this.sessions = sessions;
        this.auth = auth;
    }

    public void handle(RoutingContext ctx) {
        Optional<Viewer> viewer = Viewer.find(ctx);
        Optional<Session> session = Authenticator.session(ctx);
        if (viewer.isEmpty() || session.isEmpty()) {
            Answers.error(ctx, 401, "unauthenticated", null, "log in first");
            return;
        }
        if (!Authenticator.sameOrigin(ctx)) {
            Answers.error(ctx, 403, "forbidden", null, "websocket from a foreign origin");
            return;
        }
        String token = session.get().token();
        ctx.request().toWebSocket().onSuccess(ws -> new LiveSocket(vertx, ws, live, frames, settings, viewer.get(),
                activity -> (activity ? sessions.use(token) : sessions.find(token)).flatMap(auth::viewerOf), metrics).start())
                .onFailure(e -> {
                    if (!ctx.response().ended()) {
                        Answers.error(ctx, 400, "invalid", null, "not a websocket upgrade: " + e.getMessage());
                    }
                });
    }
}
