package org.warroom.dashboard.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** The shapes of the district drill-down answers ({@link DrillDownService}). */
public final class Trends {
    private Trends() {
    }

    /** Bucket width of a trend. */
    public enum Interval {
        HOUR("1h", 3_600), DAY("1d", 86_400);

        private final String expression;
        private final long seconds;

        Interval(String expression, long seconds) {
            this.expression = expression;
            this.seconds = seconds;
        }

        String expression() {
            return expression;
        }

        long seconds() {
            return seconds;
        }
    }

    /** A count per bucket; {@code at} is the bucket's start. */
    public record Point(Instant at, long count) {
    }

    /** One named line of counts ({@code name} = a category, a commodity, a line, or {@code all}). */
    public record Series(String name, List<Point> points) {
    }

    /**
     * What happened in a district (or the whole scope) per bucket: complaint tickets opened by category, citizen
     * messages in all and by commodity, calls started in all and by helpline line.
     */
    public record Activity(String district, Instant from, Instant to, Interval interval,
                           List<Series> ticketsOpenedByCategory, Series messages, List<Series> messagesByCommodity,
                           Series calls, List<Series> callsByLine) {
    }

    /** Stock per bucket: mean stock and daily need reported in the bucket, lowest days of cover; null when none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StockPoint(Instant at, Double stock, Double dailyNeed, Double daysOfCover) {
    }

    public record StockSeries(String commodity, List<StockPoint> points) {
    }

    /** Backlog per bucket: the highest open count and SLA breaches seen in the bucket; null when no snapshot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BacklogPoint(Instant at, Integer open, Integer slaBreaches) {
    }

    public record BacklogSeries(String department, List<BacklogPoint> points) {
    }

    /** Everything the district page's trend charts need in one answer ({@code districts/{code}/trends?hours=}). */
    public record DistrictTrends(String district, Instant from, Instant to, Interval interval, Activity activity,
                                 List<StockSeries> stock, List<BacklogSeries> backlog) {
    }
}
