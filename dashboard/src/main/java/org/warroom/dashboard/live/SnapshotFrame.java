package org.warroom.dashboard.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code snapshot} message, encoded once to UTF-8 and cut into websocket fragments of at most
 * {@link #FRAGMENT} bytes (never inside a character), so that any number of clients can be sent the very same bytes:
 * a short text frame with the header, then continuation frames sharing these buffers (Vert.x writes a buffer's
 * duplicate, so one buffer is written to many sockets without a copy).
 */
final class SnapshotFrame {
    /** The largest fragment: the default frame size limit of Vert.x and browser-friendly. */
    static final int FRAGMENT = 65_536;

    private final String header;
    private final List<Buffer> fragments;
    private final int bytes;

    private SnapshotFrame(String header, List<Buffer> fragments, int bytes) {
        this.header = header;
        this.fragments = fragments;
        this.bytes = bytes;
    }

    /** The message of a channel with these values' JSON as its items. */
    static SnapshotFrame of(LiveChannel channel, Iterable<LiveValue> values) {
        String header = "{\"type\":\"snapshot\",\"channel\":\"" + channel.wire() + "\",\"items\":[";
        StringBuilder items = new StringBuilder(4096);
        boolean first = true;
        for (LiveValue v : values) {
            if (!first) {
                items.append(',');
            }
            items.append(v.json());
            first = false;
        }
        byte[] body = items.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        List<Buffer> fragments = new ArrayList<>(body.length / FRAGMENT + 1);
        int from = 0;
        while (from < body.length) {
            int to = Math.min(body.length, from + FRAGMENT);
            while (to < body.length && (body[to] & 0xC0) == 0x80) {
                to--; // do not cut a multi-byte character
            }
            Buffer fragment = Buffer.buffer(to - from);
            fragment.appendBytes(body, from, to - from);
            fragments.add(fragment);
            from = to;
        }
        return new SnapshotFrame(header, List.copyOf(fragments), header.length() + body.length);
    }

    /** Writes the message to the socket (on its context). */
    void writeTo(ServerWebSocket ws) {
        ws.writeFrame(WebSocketFrame.textFrame(header, false));
        for (int i = 0; i < fragments.size(); i++) {
            ws.writeFrame(WebSocketFrame.continuationFrame(fragments.get(i), i == fragments.size() - 1));
        }
    }

    /** The whole message as text (tests). */
    String text() {
        Buffer all = Buffer.buffer(bytes).appendString(header);
        fragments.forEach(all::appendBuffer);
        return all.toString(StandardCharsets.UTF_8);
    }

    List<Buffer> fragments() {
        return fragments;
    }

    int bytes() {
        return bytes;
    }
}
