package org.warroom.tools.verify;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;

/**
 * The counts the search screens show: results of the search page ({@code search?feed=messages|tickets}, a message or
 * a complaint step with words in it) and of the workers page ({@code workers/search}), for all India and per district
 * ({@code district=}, {@code currentDistrict=}, {@code homeDistrict=}), against the feeds: the latest record of each
 * message id and ticket step id (a later record of the same id replaces the document), the registry's latest record of
 * each worker. Exact: verify reads them after the indices were refreshed, on a quiet feed.
 */
public final class SearchCounts {
    /** The shown totals, by {@code what|district} ({@code district} empty: all India). */
    public record Shown(Map<String, Long> totals) {
    }

    private SearchCounts() {
    }

    /** Reads the totals for all India and for each of {@code districts}. */
    public static Shown read(DashboardClient d, Set<String> districts) throws IOException, InterruptedException {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("messages|", total(d, "search?feed=messages&size=0"));
        totals.put("tickets|", total(d, "search?feed=tickets&size=0"));
        totals.put("workers|", total(d, "workers/search?size=0"));
        for (String district : districts) {
            String code = URLEncoder.encode(district, StandardCharsets.UTF_8);
            totals.put("messages|" + district, total(d, "search?feed=messages&size=0&district=" + code));
            totals.put("tickets|" + district, total(d, "search?feed=tickets&size=0&district=" + code));
            totals.put("workersIn|" + district, total(d, "workers/search?size=0&currentDistrict=" + code));
            totals.put("workersFrom|" + district, total(d, "workers/search?size=0&homeDistrict=" + code));
        }
        return new Shown(totals);
    }

    private static long total(DashboardClient d, String path) throws IOException, InterruptedException {
        return d.get(path).path("total").asLong(-1);
    }

    public static void compare(Feeds feeds, Shown shown, Comparison c) {
        Map<String, Long> expected = expected(feeds);
        shown.totals().forEach((key, total) -> {
            String[] k = key.split("\\|", -1);
            String where = "search " + k[0] + (k[1].isEmpty() ? " (all India)" : " in district " + k[1]);
            c.exact("search counts", where, expected.getOrDefault(key, 0L), total, Verifier.DASHBOARD);
        });
    }

    /** The recomputed totals, by the same keys as {@link Shown}. */
    static Map<String, Long> expected(Feeds feeds) {
        Map<String, String> messageDistrict = new HashMap<>(); // id -> district ("" none), latest record with words
        for (CitizenMessage m : feeds.messages) {
            if (m != null && m.id() != null && m.at() != null) {
                messageDistrict.put(m.id(), hasWords(m.text()) ? (m.district() == null ? "" : m.district()) : null);
            }
        }
        Map<String, String> stepDistrict = new HashMap<>();
        for (TicketStep t : feeds.tickets) {
            if (t != null && t.id() != null && t.at() != null) {
                stepDistrict.put(t.id(), hasWords(t.note()) ? (t.district() == null ? "" : t.district()) : null);
            }
        }
        Map<String, Long> out = new HashMap<>();
        count(out, "messages", messageDistrict);
        count(out, "tickets", stepDistrict);
        for (WorkerRecord w : feeds.workers.values()) {
            out.merge("workers|", 1L, Long::sum);
            if (w.currentDistrict() != null && !w.currentDistrict().isBlank()) {
                out.merge("workersIn|" + w.currentDistrict().strip(), 1L, Long::sum);
            }
            if (w.homeDistrict() != null && !w.homeDistrict().isBlank()) {
                out.merge("workersFrom|" + w.homeDistrict().strip(), 1L, Long::sum);
            }
        }
        return out;
    }

    private static void count(Map<String, Long> out, String what, Map<String, String> districtOf) {
        districtOf.values().forEach(district -> {
            if (district != null) {
                out.merge(what + "|", 1L, Long::sum);
                if (!district.isEmpty()) {
                    out.merge(what + "|" + district, 1L, Long::sum);
                }
            }
        });
    }

    private static boolean hasWords(String text) {
        return text != null && !text.isBlank();
    }
}
