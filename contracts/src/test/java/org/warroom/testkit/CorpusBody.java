package org.warroom.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/**
 * The bytes of a hostile-corpus request body: the text as UTF-8 with its placeholders expanded —
 * {@code ${repeat:N:S}} (S, N times: enormous fields and bodies), {@code ${bytes:HEX}} (raw bytes, e.g. invalid UTF-8),
 * and any placeholder {@code ${name:ARG}} a corpus adds through {@code more} (its function gets ARG).
 */
public final class CorpusBody {
    private CorpusBody() {
    }

    public static byte[] expand(String text) {
        return expand(text, Map.of());
    }

    public static byte[] expand(String text, Map<String, Function<String, byte[]>> more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("${", at);
            if (open < 0) {
                out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
                break;
            }
            out.writeBytes(text.substring(at, open).getBytes(StandardCharsets.UTF_8));
            int colon = text.indexOf(':', open);
            if (colon < 0) {
                throw new IllegalArgumentException("unknown placeholder at " + text.substring(open, Math.min(text.length(), open + 20)));
            }
            String name = text.substring(open + 2, colon);
            int close;
            if (name.equals("repeat")) {
                int second = text.indexOf(':', colon + 1);
                int times = Integer.parseInt(text.substring(colon + 1, second));
                close = text.indexOf('}', second + 1);
                out.writeBytes(text.substring(second + 1, close).repeat(times).getBytes(StandardCharsets.UTF_8));
            } else if (name.equals("bytes")) {
                close = text.indexOf('}', colon);
                out.writeBytes(HexFormat.of().parseHex(text.substring(colon + 1, close)));
            } else if (more.containsKey(name)) {
                close = text.indexOf('}', colon);
                out.writeBytes(more.get(name).apply(text.substring(colon + 1, close)));
            } else {
                throw new IllegalArgumentException("unknown placeholder at " + text.substring(open, Math.min(text.length(), open + 20)));
            }
            at = close + 1;
        }
        return out.toByteArray();
    }
}
