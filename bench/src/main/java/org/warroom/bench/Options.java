package org.warroom.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options of a benchmark, with typed defaults; an unknown option is an error. */
final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> unread = new HashMap<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + a + "'");
            }
            values.put(a.substring(2), args[++i]);
        }
        unread.putAll(values);
    }

    double number(String name, double fallback) {
        unread.remove(name);
        String v = values.get(name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    long whole(String name, long fallback) {
        return Math.round(number(name, fallback));
    }

    String text(String name, String fallback) {
        unread.remove(name);
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Fails when an option was given that the benchmark never asked for (a typo would silently change a figure). */
    void checkAllRead() {
        if (!unread.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", unread.keySet()));
        }
    }
}
