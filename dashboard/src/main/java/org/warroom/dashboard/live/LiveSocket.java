package org.warroom.dashboard.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.warroom.contracts.json.Json;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.access.Visibility;

/**
 * One open websocket (DASHBOARD-PROTOCOL.md): subscriptions, the snapshot of each subscribed channel, then every
 * change the viewer may see. Changes wait in a per-client map keyed by channel and key, so a superseded value
 * is replaced rather than queued (coalescing) and a slow client holds at most one pending value per key; when
 * even that exceeds {@link LiveSettings#maxPending()} the pending values are dropped and the client gets fresh
 * snapshots once it catches up. Nothing here ever waits for a client: a full write queue only parks the rest.
 * Every {@link LiveSettings#ping()} the session is checked again (logged out, expired, disabled: closed with
 * 4401) and a ping is sent; a client silent for {@link LiveSettings#idle()} is closed. All on the socket's context.
 */
final class LiveSocket implements LiveState.Listener {
    /** Re-checks the viewer's session; {@code activity} counts as use of the session (keeps it from idling out). */
    interface SessionCheck {
        Optional<Viewer> check(boolean activity);
    }

    static final int SESSION_ENDED = 4401;

    private final Vertx vertx;
    private final Context context;
    private final ServerWebSocket ws;
    private final LiveState live;
    private final SnapshotFrames frames;
    private final LiveSettings settings;
    private final SessionCheck session;
    private final Map<String, LiveChange> pending = new LinkedHashMap<>();
    private Viewer viewer;
    private Set<LiveChannel> channels = EnumSet.noneOf(LiveChannel.class);
    private String district;
    private String state;
    private boolean resync;
    private boolean waitingForDrain;
    private boolean closed;
    private long lastHeard;
    private long timer = -1;
    private Runnable unlisten = () -> { };
    private Runnable onStop = () -> { };
    private long coalesced;
    private long dropped;
    private final LiveMetrics metrics;
    private volatile int pendingNow;
    private volatile boolean waitingNow;

    LiveSocket(Vertx vertx, ServerWebSocket ws, LiveState live, SnapshotFrames frames, LiveSettings settings,
               Viewer viewer, SessionCheck session, LiveMetrics metrics) {
        this.metrics = metrics;
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.ws = ws;
        this.live = live;
        this.frames = frames;
        this.settings = settings;
        this.viewer = viewer;
        this.session = session;
    }

    void start() {
        lastHeard = System.nanoTime();
        ws.setWriteQueueMaxSize(settings.writeQueueBytes());
        ws.textMessageHandler(this::onMessage);
        ws.binaryMessageHandler(b -> error("binary frames are not understood"));
        ws.closeHandler(v -> stop());
        ws.exceptionHandler(e -> stop());
        unlisten = live.listen(this);
        timer = vertx.setPeriodic(settings.ping().toMillis(), t -> tick());
        metrics.opened(this);
    }

    private void stop() {
        if (closed) {
            return;
        }
        closed = true;
        unlisten.run();
        onStop.run();
        vertx.cancelTimer(timer);
        pending.clear();
        metrics.closed(this);
    }

    /** Runs once when the socket stops. */
    void onStop(Runnable action) {
        this.onStop = action;
    }

    @Override
    public Context context() {
        return context;
    }

    // ------------------------------------------------------------------ from the client

    private void onMessage(String text) {
        metrics.received();
        lastHeard = System.nanoTime();
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            error("not a JSON object");
            return;
        }
        String type = message.getValue("type") instanceof String s ? s : "";
        switch (type) {
            case "subscribe" -> subscribe(message);
            case "ping" -> {
                session.check(true);
                send("pong", "{\"type\":\"pong\"}");
            }
            case "pong" -> session.check(true);
            default -> error("unknown message type; use subscribe, ping or pong");
        }
    }

    private void subscribe(JsonObject message) {
        Object list = message.getValue("channels");
        if (!(list instanceof JsonArray array) || array.isEmpty()) {
            error("subscribe needs a non-empty list of channels");
            return;
        }
        Set<LiveChannel> wanted = EnumSet.noneOf(LiveChannel.class);
        for (Object name : array) {
            Optional<LiveChannel> c = name instanceof String s ? LiveChannel.parse(s) : Optional.empty();
            if (c.isEmpty()) {
                error("unknown channel " + name);
                return;
            }
            wanted.add(c.get());
        }
        Object d = message.getValue("district");
        if (d != null && !(d instanceof String)) {
            error("district must be a string");
            return;
        }
        String narrowed = (String) d;
        if (narrowed != null && !viewer.scope().sees(narrowed)) {
            error("district " + narrowed + " is outside your scope");
            return;
        }
        Object st = message.getValue("state");
        if (st != null && !(st instanceof String)) {
            error("state must be a string");
            return;
        }
        String inState = st == null ? null : frames.canonicalState((String) st);
        if (st != null && inState == null) {
            error("unknown state " + st);
            return;
        }
        channels = wanted;
        district = narrowed;
        state = inState;
        pending.clear();
        resync = true; // the snapshots go out through drain(): never more than the write queue takes
        drain();
    }

    // ------------------------------------------------------------------ from the live state

    @Override
    public void onChanges(List<LiveChange> changes) {
        if (closed) {
            return;
        }
        for (LiveChange change : changes) {
            if (!channels.contains(change.channel()) || !visible(change.placed())) {
                continue;
            }
            String slot = change.channel().wire() + '\u0000' + change.key();
            if (pending.put(slot, change) != null) {
                coalesced++;
                metrics.coalesced();
            }
        }
        if (pending.size() > settings.maxPending()) {
            dropped += pending.size();
            metrics.dropped(pending.size());
            pending.clear();
            resync = true;
        }
        drain();
    }

    private boolean visible(LiveValue value) {
        return Visibility.sees(viewer, value.district(), value.categories())
                && (district == null || district.equals(value.district()))
                && (state == null || value.stateWide() || state.equals(frames.stateOf(value.district())));
    }

    /** Writes pending frames while the socket's write queue has room; resumes on drain. */
    private void drain() {
        while (!closed && !ws.writeQueueFull()) {
            if (resync) {
                resync = false;
                channels.forEach(this::sendSnapshot);
                continue;
            }
            Iterator<LiveChange> it = pending.values().iterator();
            if (!it.hasNext()) {
                return;
            }
            LiveChange change = it.next();
            it.remove();
            send("update", updateFrame(change));
        }
        if (!closed && !waitingForDrain && (resync || !pending.isEmpty())) {
            waitingForDrain = true;
            ws.drainHandler(v -> {
                waitingForDrain = false;
                drain();
            });
        }
        pendingNow = pending.size();
        waitingNow = waitingForDrain;
    }

    /** Updates waiting for this client's write queue (as of the last change or drain; read by the meters). */
    int pendingNow() {
        return closed ? 0 : pendingNow;
    }

    /** Whether this socket waits for its write queue to drain. */
    boolean waitingNow() {
        return !closed && waitingNow;
    }

    private void sendSnapshot(LiveChannel channel) {
        if (closed || ws.isClosed()) {
            return;
        }
        snapshot(channel).writeTo(ws);
        metrics.sent("snapshot", 1);
    }

    /**
     * The snapshot this client gets: the shared, already encoded one when it sees all districts and did not narrow
     * to one district; otherwise built from the values of the districts it covers only.
     */
    SnapshotFrame snapshot(LiveChannel channel) {
        if (viewer.scope().allDistricts() && district == null) {
            return frames.shared(channel, state);
        }
        List<LiveValue> values = new ArrayList<>();
        Iterable<String> covered = district != null ? List.of(district) : viewer.scope().districts();
        for (String d : covered) {
            for (LiveValue v : live.valuesIn(channel, d)) {
                if (visible(v)) {
                    values.add(v);
                }
            }
        }
        return SnapshotFrame.of(channel, values);
    }

    static String updateFrame(LiveChange change) {
        try {
            return "{\"type\":\"update\",\"channel\":\"" + change.channel().wire() + "\",\"key\":"
                    + Json.mapper().writeValueAsString(change.key()) + ",\"value\":"
                    + (change.current() == null ? "null" : change.current().json()) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ keepalive

    /**
     * Checks the session (or device) again: gone — closed with {@value #SESSION_ENDED}, answers false; otherwise
     * takes the viewer's current scope. On the socket's context.
     */
    boolean recheck() {
        if (closed) {
            return false;
        }
        Optional<Viewer> now = session.check(false);
        if (now.isEmpty()) {
            stop();
            ws.close((short) SESSION_ENDED, "session ended");
            return false;
        }
        viewer = now.get();
        if (district != null && !viewer.scope().sees(district)) {
            district = null;
            channels = EnumSet.noneOf(LiveChannel.class);
            error("district no longer in your scope; subscribe again");
        }
        return true;
    }

    private void tick() {
        if (closed) {
            return;
        }
        if (!recheck()) {
            return;
        }
        if (System.nanoTime() - lastHeard > settings.idle().toNanos()) {
            stop();
            ws.close((short) 1001, "no pong");
            return;
        }
        send("ping", "{\"type\":\"ping\"}");
    }

    private void error(String reason) {
        if (ws.writeQueueFull()) {
            return; // a client that does not read gets no more of these
        }
        send("error", new JsonObject().put("type", "error").put("reason", reason).encode());
    }

    private void send(String type, String frame) {
        if (!closed && !ws.isClosed()) {
            ws.writeTextMessage(frame);
            metrics.sent(type, 1);
        }
    }

    long coalesced() {
        return coalesced;
    }

    long dropped() {
        return dropped;
    }
}
