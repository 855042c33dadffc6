package org.warroom.dashboard.live;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.security.Authenticator;
import org.warroom.dashboard.security.Session;
import org.warroom.dashboard.security.SessionStore;

/**
 * {@code GET /ws}: upgrades an authenticated request (cookie, bearer or {@code ?token=}) from our own origin
 * to a {@link LiveSocket}. 401 without a session (or a registered display's credential), 403 from a foreign Origin
 * (cross-site websocket hijacking).
 */
public final class LiveSocketHandler {
    private final Vertx vertx;
    private final LiveState live;
    private final SnapshotFrames frames;
    private final LiveSettings settings;
    private final SessionStore sessions;
    private final Authenticator auth;
    private final LiveMetrics metrics;
    private final Set<LiveSocket> devices = ConcurrentHashMap.newKeySet();

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
        Optional<String> device = Authenticator.device(ctx);
        if (viewer.isEmpty() || (session.isEmpty() && device.isEmpty())) {
            Answers.error(ctx, 401, "unauthenticated", null, "log in first");
            return;
        }
        if (!Authenticator.sameOrigin(ctx)) {
            Answers.error(ctx, 403, "forbidden", null, "websocket from a foreign origin");
            return;
        }
        LiveSocket.SessionCheck check;
        if (session.isPresent()) {
            String token = session.get().token();
            check = activity -> (activity ? sessions.use(token) : sessions.find(token)).flatMap(auth::viewerOf);
        } else {
            String credential = device.get();
            check = activity -> auth.deviceViewer(credential);
        }
        ctx.request().toWebSocket().onSuccess(ws -> {
                    LiveSocket socket = new LiveSocket(vertx, ws, live, frames, settings, viewer.get(), check, metrics);
                    if (device.isPresent()) {
                        devices.add(socket);
                        socket.onStop(() -> devices.remove(socket));
                    }
                    socket.start();
                })
                .onFailure(e -> {
                    if (!ctx.response().ended()) {
                        Answers.error(ctx, 400, "invalid", null, "not a websocket upgrade: " + e.getMessage());
                    }
                });
    }

    /**
     * Checks every device's open socket again now (a display was revoked or changed): a revoked display's screens
     * close within moments, not at the next ping.
     */
    public void recheckDevices() {
        for (LiveSocket socket : devices) {
            socket.context().runOnContext(v -> socket.recheck());
        }
    }
}
