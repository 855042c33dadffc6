package org.warroom.tools.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;

/**
 * The burn rate and predicted stock-out of every district × commodity, recomputed from the reports by the rule of
 * docs/TOPICS.md ("Burn rate and predicted stock-out"), with its own arithmetic: points at least {@code minGap} apart
 * (a report closer than that to the point before the latest replaces the latest), a window of {@code window} before the
 * latest point, a fresh start when stock grew beyond what arrived; rate = consumed ÷ days once there are
 * {@code minReports} points spanning {@code minSpan}, else null ("not enough data").
 */
public record BurnRates(int minReports, Duration minSpan, Duration minGap, Duration window) {
    private static final double DAY_MILLIS = 86_400_000d;

    public static BurnRates defaults() {
        return from(Settings.ofKeys(Map.of()));
    }

    /** The same keys streams reads. */
    public static BurnRates from(Settings s) {
        return new BurnRates(s.getInt("shortage.burn.min.reports", 3), s.getDuration("shortage.burn.min.span", Duration.ofHours(24)),
                s.getDuration("shortage.burn.min.gap", Duration.ofHours(1)), s.getDuration("shortage.burn.window", Duration.ofDays(7)));
    }

    /** One report's point: its time, stock on hand, in transit (0 when not given). */
    record Point(long at, double stock, double inTransit) {
    }

    /**
     * One district × commodity: the burn rate (null: not enough data) and the stock-out it predicts from the latest
     * report ({@code asOf + stock ÷ rate}; the report's time itself when it says zero stock of something needed; null
     * without a positive rate), before the "never in the past" rule, which the caller applies with its clock.
     */
    public record Burn(Double ratePerDay, Instant predicted) {
    }

    /** Per {@code district|commodity}, over the reports in feed order (a late older or same-time report ignored). */
    public Map<String, Burn> of(Iterable<DistrictReport> reports) {
        Map<String, List<Point>> points = new TreeMap<>();
        Map<String, StockItem> latest = new TreeMap<>();
        Map<String, Long> latestAt = new TreeMap<>();
        NewestStock.each(reports, (key, r, item, at) -> {
            latestAt.put(key, at);
            latest.put(key, item);
            points.put(key, next(points.getOrDefault(key, List.of()), new Point(at, item.stock(),
                    item.inTransit() == null ? 0 : item.inTransit())));
        });
        Map<String, Burn> out = new TreeMap<>();
        points.forEach((key, p) -> {
            Double rate = rate(p);
            StockItem item = latest.get(key);
            long asOf = latestAt.get(key);
            Double positive = rate != null && rate > 0 ? rate : null;
            Instant predicted;
            if (item.stock() <= 0 && (positive != null || item.dailyNeed() > 0)) {
                predicted = Instant.ofEpochMilli(asOf);
            } else if (positive == null || item.stock() <= 0) {
                predicted = null;
            } else {
                predicted = Instant.ofEpochMilli(asOf + Math.round(item.stock() / positive * DAY_MILLIS));
            }
            out.put(key, new Burn(rate, predicted));
        });
        return out;
    }

    /** The points after a new report's point. */
    List<Point> next(List<Point> before, Point point) {
        List<Point> p = new ArrayList<>(before);
        int n = p.size();
        if (n >= 2 && p.get(n - 1).at() - p.get(n - 2).at() < minGap.toMillis()) {
            p.remove(n - 1);
        }
        if (!p.isEmpty() && consumed(p.get(p.size() - 1), point) < 0) {
            p.clear();
        }
        p.add(point);
        long oldest = point.at() - window.toMillis();
        p.removeIf(x -> x.at() < oldest);
        return p;
    }

    /** Consumed per day over the points, or null below the minimum reports or span. */
    Double rate(List<Point> p) {
        if (p.size() < minReports) {
            return null;
        }
        long span = p.get(p.size() - 1).at() - p.get(0).at();
        if (span <= 0 || span < minSpan.toMillis()) {
            return null;
        }
        double total = 0;
        for (int i = 1; i < p.size(); i++) {
            total += consumed(p.get(i - 1), p.get(i));
        }
        return total / (span / DAY_MILLIS);
    }

    private static double consumed(Point from, Point to) {
        return from.stock() + Math.max(0, from.inTransit() - to.inTransit()) - to.stock();
    }
}
