package org.warroom.dashboard.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;

/**
 * Draws the report's charts as PNG with JFreeChart. Blocking and CPU-bound: call it from a worker thread
 * ({@code executeBlocking}), never from the event loop. Thread-safe (every call builds its own chart).
 */
public final class ChartRenderer {

    /** The charts {@code /api/v1/charts/{name}.png} knows. */
    public enum Chart {
        TREND, SHORTAGES, BACKLOGS, CALLS, RATINGS, WORKERS;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Chart> parse(String name) {
            for (Chart c : values()) {
                if (c.wire().equals(name)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * How to draw one chart.
     *
     * @param hindi labels in Hindi (ignored, i.e. English, when no Devanagari font is installed)
     * @param by    for {@link Chart#WORKERS}: the distribution dimension
     */
    public record Options(int width, int height, boolean hindi, String by) {
    }

    static final Map<ShortageLevel, Color> STATUS_COLOURS = new EnumMap<>(Map.of(
            ShortageLevel.OK, new Color(0x2e7d32),
            ShortageLevel.LOW, new Color(0xf9a825),
            ShortageLevel.CRITICAL, new Color(0xc62828),
            ShortageLevel.STALE, new Color(0x757575)));
    private static final Color[] SERIES = {new Color(0x1565c0), new Color(0xef6c00), new Color(0x6a1b9a),
            new Color(0x2e7d32)};
    private static final int MAX_BUCKETS = 15;

    private final DistrictDirectory districts;
    private final ChartFonts fonts;
    private final TimeZone zone;

    public ChartRenderer(DistrictDirectory districts, ChartFonts fonts, ZoneId zone) {
        this.districts = districts;
        this.fonts = fonts;
        this.zone = TimeZone.getTimeZone(zone);
    }

    /** Whether Hindi labels can be drawn on this machine. */
    public boolean hindiAvailable() {
        return fonts.devanagari();
    }

    /** The chart as PNG bytes of exactly {@code width × height} pixels. */
    public byte[] render(Chart chart, SituationReport report, Options options) {
        JFreeChart drawn = chart(chart, report, options);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            ChartUtils.writeChartAsPNG(out, drawn, options.width(), options.height());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart as drawn (its data, labels, fonts and colours), before it becomes pixels. */
    JFreeChart chart(Chart chart, SituationReport report, Options options) {
        ChartLabels labels = new ChartLabels(options.hindi() && fonts.devanagari());
        JFreeChart drawn = switch (chart) {
            case TREND -> trend(report, labels);
            case SHORTAGES -> report.district() == null ? shortageCounts(report, labels) : daysOfCover(report, labels);
            case BACKLOGS -> backlogs(report, labels);
            case CALLS -> calls(report, labels);
            case RATINGS -> report.district() == null ? ratings(report, labels) : ratingParts(report, labels);
            case WORKERS -> workers(report, options.by(), labels);
        };
        styleAfterTheme(drawn, labels);
        return drawn;
    }

    private JFreeChart trend(SituationReport report, ChartLabels l) {
        TimeSeries calls = new TimeSeries(l.get("calls"));
        TimeSeries messages = new TimeSeries(l.get("messages"));
        TimeSeries opened = new TimeSeries(l.get("ticketsOpened"));
        TimeSeries resolved = new TimeSeries(l.get("ticketsResolved"));
        for (TrendPoint p : report.trend()) {
            FixedMillisecond t = new FixedMillisecond(p.hour().toInstant().toEpochMilli());
            calls.addOrUpdate(t, p.calls());
            messages.addOrUpdate(t, p.messages());
            opened.addOrUpdate(t, p.ticketsOpened());
            resolved.addOrUpdate(t, p.ticketsResolved());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(zone);
        data.addSeries(calls);
        data.addSeries(messages);
        data.addSeries(opened);
        data.addSeries(resolved);
        JFreeChart chart = themed(ChartFactory.createTimeSeriesChart(l.get("trend.title"), l.get("hour"),
                l.get("count"), data, true, false, false));
        XYPlot plot = chart.getXYPlot();
        if (plot.getDomainAxis() instanceof DateAxis axis) {
            axis.setTimeZone(zone);
            axis.setDateFormatOverride(timeFormat());
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < SERIES.length; i++) {
            renderer.setSeriesPaint(i, SERIES[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    private java.text.DateFormat timeFormat() {
        java.text.SimpleDateFormat f = new java.text.SimpleDateFormat("HH:mm", Locale.ROOT);
        f.setTimeZone(zone);
        return f;
    }

    /** State-wide: for each commodity, how many districts stand at each status. */
    private JFreeChart shortageCounts(SituationReport report, ChartLabels l) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<Commodity, Map<ShortageLevel, Integer>> counts = new EnumMap<>(Commodity.class);
        for (ShortageStatus s : report.shortages()) {
            if (s.commodity() != null && s.status() != null && s.reported()) { // never reported: not a stale report
                counts.computeIfAbsent(s.commodity(), k -> new EnumMap<>(ShortageLevel.class))
                        .merge(s.status(), 1, Integer::sum);
            }
        }
        for (ShortageLevel level : ShortageLevel.values()) {
            for (Commodity c : Commodity.values()) {
                int n = counts.getOrDefault(c, Map.of()).getOrDefault(level, 0);
                if (counts.containsKey(c)) {
                    data.addValue(n, l.get(level.wire()), l.get(c.wire()));
                }
            }
        }
        JFreeChart chart = themed(ChartFactory.createStackedBarChart(l.get("shortages.title"), null,
                l.get("districts"), data, PlotOrientation.VERTICAL, true, false, false));
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        int i = 0;
        for (ShortageLevel level : ShortageLevel.values()) {
            renderer.setSeriesPaint(i++, STATUS_COLOURS.get(level));
        }
        return chart;
    }

    /** One district: days of cover per commodity, each bar in its status colour. */
    private JFreeChart daysOfCover(SituationReport report, ChartLabels l) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<ShortageStatus> rows = report.shortages().stream()
                .filter(s -> s.commodity() != null && s.reported()) // never reported: no figure, not "0 days"
                .sorted(Comparator.comparing(ShortageStatus::commodity))
                .toList();
        for (ShortageStatus s : rows) {
            data.addValue(s.daysOfCover() == null ? 0 : Math.min(s.daysOfCover(), 60), l.get("days"),
                    l.get(s.commodity().wire()));
        }
        JFreeChart chart = themed(ChartFactory.createBarChart(l.get("cover.title"), null, l.get("days"), data,
                PlotOrientation.VERTICAL, false, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        List<Color> colours = rows.stream().map(s -> STATUS_COLOURS.getOrDefault(s.status(), Color.GRAY)).toList();
        BarRenderer byStatus = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return column < colours.size() ? colours.get(column) : Color.GRAY;
            }
        };
        byStatus.setBarPainter(new StandardBarPainter());
        byStatus.setShadowVisible(false);
        plot.setRenderer(byStatus);
        return chart;
    }

    private JFreeChart backlogs(SituationReport report, ChartLabels l) {
        Map<String, int[]> byDepartment = new LinkedHashMap<>();
        report.backlogs().stream().sorted(Comparator.comparing(BacklogStatus::open).reversed()).forEach(b -> {
            int[] sums = byDepartment.computeIfAbsent(b.department(), k -> new int[2]);
            sums[0] += b.open();
            sums[1] += b.slaBreaches();
        });
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        byDepartment.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> e.getValue()[0]).reversed())
                .limit(MAX_BUCKETS)
                .forEach(e -> {
                    data.addValue(e.getValue()[0], l.get("open"), l.get(e.getKey()));
                    data.addValue(e.getValue()[1], l.get("slaBreaches"), l.get(e.getKey()));
                });
        JFreeChart chart = themed(ChartFactory.createBarChart(l.get("backlogs.title"), null, l.get("count"), data,
                PlotOrientation.VERTICAL, true, false, false));
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setSeriesPaint(0, SERIES[0]);
        renderer.setSeriesPaint(1, STATUS_COLOURS.get(ShortageLevel.CRITICAL));
        return chart;
    }

    private JFreeChart calls(SituationReport report, ChartLabels l) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LineLoad line : report.calls()) {
            String name = l.get(line.line());
            data.addValue(line.inProgress(), l.get("inProgress"), name);
            data.addValue(line.waiting(), l.get("waiting"), name);
            data.addValue(line.capacity(), l.get("capacity"), name);
        }
        JFreeChart chart = themed(ChartFactory.createBarChart(l.get("calls.title"), null, l.get("calls"), data,
                PlotOrientation.VERTICAL, true, false, false));
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setSeriesPaint(0, SERIES[0]);
        renderer.setSeriesPaint(1, SERIES[1]);
        renderer.setSeriesPaint(2, new Color(0xb0bec5));
        return chart;
    }

    private JFreeChart ratings(SituationReport report, ChartLabels l) {
        int[] perStars = new int[6];
        for (DistrictRating r : report.ratings()) {
            if (r.stars() >= 1 && r.stars() <= 5) {
                perStars[r.stars()]++;
            }
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int s = 1; s <= 5; s++) {
            data.addValue(perStars[s], l.get("districts"), Integer.toString(s));
        }
        JFreeChart chart = themed(ChartFactory.createBarChart(l.get("ratings.title"), l.get("stars"),
                l.get("districts"), data, PlotOrientation.VERTICAL, false, false, false));
        ((BarRenderer) chart.getCategoryPlot().getRenderer()).setSeriesPaint(0, new Color(0xf9a825));
        return chart;
    }

    private JFreeChart ratingParts(SituationReport report, ChartLabels l) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        report.ratings().stream().filter(r -> r.district().equals(report.district())).findFirst().ifPresent(r -> {
            data.addValue(r.slaCompliance(), l.get("share"), l.get("slaCompliance"));
            data.addValue(r.reportTimeliness(), l.get("share"), l.get("reportTimeliness"));
            data.addValue(r.shortageResolution(), l.get("share"), l.get("shortageResolution"));
        });
        JFreeChart chart = themed(ChartFactory.createBarChart(l.get("rating-parts.title"), null, l.get("share"), data,
                PlotOrientation.HORIZONTAL, false, false, false));
        chart.getCategoryPlot().getRangeAxis().setRange(0, 1);
        ((BarRenderer) chart.getCategoryPlot().getRenderer()).setSeriesPaint(0, new Color(0xf9a825));
        return chart;
    }

    private JFreeChart workers(SituationReport report, String by, ChartLabels l) {
        String dimension = by == null || by.isBlank() ? DistributionBucket.BY_STATUS : by;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        report.workerBuckets().stream()
                .filter(b -> b.by().equals(dimension) && b.count() > 0)
                .sorted(Comparator.comparingLong(DistributionBucket::count).reversed())
                .limit(MAX_BUCKETS)
                .forEach(b -> data.addValue(b.count(), l.get("count"), bucketName(dimension, b, l)));
        JFreeChart chart = themed(ChartFactory.createBarChart(l.get("workers.title"), null, l.get("count"), data,
                PlotOrientation.HORIZONTAL, false, false, false));
        ((BarRenderer) chart.getCategoryPlot().getRenderer()).setSeriesPaint(0, SERIES[0]);
        return chart;
    }

    private String bucketName(String dimension, DistributionBucket b, ChartLabels l) {
        if (dimension.equals(DistributionBucket.BY_CURRENT_DISTRICT)
                || dimension.equals(DistributionBucket.BY_HOME_DISTRICT)) {
            Optional<District> d = districts.byCode(b.key());
            if (d.isPresent()) {
                return l.hindi() && !d.get().nameHi().isEmpty() ? d.get().nameHi() : d.get().name();
            }
        }
        if (b.name() != null && !b.name().isBlank()) {
            return b.name();
        }
        return l.get(b.key());
    }

    /** Applies the house style first, so that the colours each chart sets afterwards are kept. */
    private JFreeChart themed(JFreeChart chart) {
        theme().apply(chart);
        return chart;
    }

    private StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("warroom");
        theme.setExtraLargeFont(fonts.font(Font.BOLD, 18));
        theme.setLargeFont(fonts.font(Font.BOLD, 14));
        theme.setRegularFont(fonts.font(Font.PLAIN, 12));
        theme.setSmallFont(fonts.font(Font.PLAIN, 11));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(new Color(0xfafafa));
        theme.setDomainGridlinePaint(new Color(0xdddddd));
        theme.setRangeGridlinePaint(new Color(0xdddddd));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    private static void styleAfterTheme(JFreeChart chart, ChartLabels labels) {
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            plot.getDomainAxis().setMaximumCategoryLabelLines(2);
            if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
                plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
            }
            plot.setNoDataMessage(labels.get("no-data"));
        } else if (chart.getPlot() instanceof XYPlot plot) {
            plot.setNoDataMessage(labels.get("no-data"));
        }
    }
}
