package org.warroom.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.time.TimeSeriesCollection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.ShortageLevel;

/**
 * What the report's charts show: their data, their words in English and in Hindi, the font the words are drawn with,
 * and the status colours on the picture. The Hindi tests need a font that can draw Devanagari on this machine
 * (Debian: {@code fonts-lohit-deva}, which {@code bin/warroom test} installs as root before Maven runs); without one
 * they fail, saying so.
 */
class ChartRendererTest {
    private static final DistrictDirectory DISTRICTS = DistrictDirectory.load();
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final ChartRenderer.Options HINDI = new ChartRenderer.Options(640, 360, true, null);
    private static final ChartRenderer.Options ENGLISH = new ChartRenderer.Options(640, 360, false, null);
    private final ChartFonts fonts = ChartFonts.detect();
    private final ChartRenderer renderer = new ChartRenderer(DISTRICTS, fonts, IST);

    @ParameterizedTest
    @EnumSource(ChartRenderer.Chart.class)
    @DisplayName("every chart renders a PNG of exactly the requested size, for the state and for a district")
    void shouldRenderPngOfRequestedSize(ChartRenderer.Chart chart) throws IOException {
        for (String district : new String[] {null, "396"}) {
            BufferedImage image = png(renderer.render(chart, SampleReports.report(SampleReports.DAY, district),
                    new ChartRenderer.Options(640, 360, false, null)));
            assertThat(image).as("%s for %s", chart, district).isNotNull();
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(360);
        }
    }

    @Test
    @DisplayName("this machine has a Devanagari font and charts are drawn with it")
    void shouldFindAndUseADevanagariFont() {
        requireDevanagari();
        assertThat(renderer.hindiAvailable()).isTrue();
        assertThat(new Font(fonts.family(), Font.PLAIN, 12).canDisplayUpTo("श्रमिक वितरण भोपाल ज़िला क्षेत्र")).isEqualTo(-1);
    }

    @Test
    @DisplayName("the workers chart in Hindi: Hindi title, statuses and district names, drawn in the Devanagari font")
    void shouldLabelTheWorkersChartInHindi() {
        requireDevanagari();
        JFreeChart byStatus = renderer.chart(ChartRenderer.Chart.WORKERS, SampleReports.report(SampleReports.DAY, null),
                new ChartRenderer.Options(500, 300, true, "status"));
        assertThat(byStatus.getTitle().getText()).isEqualTo("श्रमिक वितरण");
        CategoryDataset data = byStatus.getCategoryPlot().getDataset();
        assertThat(data.getColumnKeys()).containsExactly("काम पर", "घर पर", "संपर्क नहीं");
        assertThat(values(data, 0)).containsExactly(3400d, 1200d, 150d);
        assertThat(byStatus.getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("संख्या");
        assertDrawnInTheDevanagariFont(byStatus);

        JFreeChart byDistrict = renderer.chart(ChartRenderer.Chart.WORKERS, SampleReports.report(SampleReports.DAY, null),
                new ChartRenderer.Options(500, 300, true, "currentDistrict"));
        assertThat(byDistrict.getCategoryPlot().getDataset().getColumnKeys()).containsExactly("भोपाल");
        assertThat(values(byDistrict.getCategoryPlot().getDataset(), 0)).containsExactly(800d);
        assertDrawnInTheDevanagariFont(byDistrict);
    }

    @Test
    @DisplayName("the same workers chart in English: English title, statuses and district names")
    void shouldLabelTheWorkersChartInEnglish() {
        JFreeChart byStatus = renderer.chart(ChartRenderer.Chart.WORKERS, SampleReports.report(SampleReports.DAY, null),
                new ChartRenderer.Options(500, 300, false, "status"));
        assertThat(byStatus.getTitle().getText()).isEqualTo("Worker distribution");
        assertThat(byStatus.getCategoryPlot().getDataset().getColumnKeys()).containsExactly("Working", "At home", "Unreachable");
        assertThat(byStatus.getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("Count");
        JFreeChart byDistrict = renderer.chart(ChartRenderer.Chart.WORKERS, SampleReports.report(SampleReports.DAY, null),
                new ChartRenderer.Options(500, 300, false, "currentDistrict"));
        assertThat(byDistrict.getCategoryPlot().getDataset().getColumnKeys()).containsExactly("Bhopal");
    }

    @Test
    @DisplayName("the state's commodity chart counts districts per status, in the status colours, with Hindi or English names")
    void shouldCountDistrictsPerStatusInStatusColours() {
        requireDevanagari();
        JFreeChart hindi = renderer.chart(ChartRenderer.Chart.SHORTAGES, SampleReports.report(SampleReports.DAY, null), HINDI);
        assertThat(hindi.getTitle().getText()).isEqualTo("वस्तुओं की स्थिति");
        CategoryPlot plot = hindi.getCategoryPlot();
        CategoryDataset data = plot.getDataset();
        assertThat(data.getRowKeys()).containsExactly("ठीक", "कम", "गंभीर", "पुरानी रिपोर्ट");
        // both districts: medicine CRITICAL, ration OK, milk LOW; gas never reported (citizen signals only): "no report",
        // not a stale report (the one rule of "stale", docs/RATING.md), so not counted at all
        assertThat(data.getColumnKeys()).containsExactly("राशन", "दूध", "दवा");
        assertThat(data.getValue("गंभीर", "दवा").intValue()).isEqualTo(2);
        assertThat(data.getValue("ठीक", "राशन").intValue()).isEqualTo(2);
        assertThat(data.getValue("कम", "दूध").intValue()).isEqualTo(2);
        assertThat(data.getValue("पुरानी रिपोर्ट", "दवा").intValue()).isZero();
        assertThat(data.getValue("गंभीर", "राशन").intValue()).isZero();
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        assertThat(bars.getSeriesPaint(data.getRowIndex("गंभीर"))).isEqualTo(new Color(0xc62828));
        assertThat(bars.getSeriesPaint(data.getRowIndex("कम"))).isEqualTo(new Color(0xf9a825));
        assertThat(bars.getSeriesPaint(data.getRowIndex("ठीक"))).isEqualTo(new Color(0x2e7d32));
        assertDrawnInTheDevanagariFont(hindi);

        CategoryDataset english = renderer.chart(ChartRenderer.Chart.SHORTAGES,
                SampleReports.report(SampleReports.DAY, null), ENGLISH).getCategoryPlot().getDataset();
        assertThat(english.getRowKeys()).containsExactly("OK", "Low", "Critical", "Stale report");
        assertThat(english.getColumnKeys()).containsExactly("Ration", "Milk", "Medicine");
        assertThat(english.getValue("Critical", "Medicine").intValue()).isEqualTo(2);
    }

    @Test
    @DisplayName("a district's days-of-cover chart shows each commodity's bar in its status colour on the picture")
    void shouldPaintEachCommodityInItsStatusColour() throws IOException {
        SituationReport bhopal = SampleReports.report(SampleReports.DAY, "396");
        JFreeChart chart = renderer.chart(ChartRenderer.Chart.SHORTAGES, bhopal, ENGLISH);
        assertThat(chart.getTitle().getText()).isEqualTo("Days of cover by commodity");
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        // gas was never reported (citizen signals only): no bar, rather than a bar of "0 days of cover"
        assertThat(data.getColumnKeys()).containsExactly("Ration", "Milk", "Medicine");
        assertThat(values(data, 0)).containsExactly(9d, 1.5d, 0.4d);

        BufferedImage image = png(renderer.render(ChartRenderer.Chart.SHORTAGES, bhopal, ENGLISH));
        // ration (9 days) is the tallest bar, then milk (1.5), then medicine (0.4): more pixels in its colour
        int ok = pixels(image, ChartRenderer.STATUS_COLOURS.get(ShortageLevel.OK));
        int low = pixels(image, ChartRenderer.STATUS_COLOURS.get(ShortageLevel.LOW));
        int critical = pixels(image, ChartRenderer.STATUS_COLOURS.get(ShortageLevel.CRITICAL));
        assertThat(critical).as("pixels in the CRITICAL colour").isGreaterThan(50);
        assertThat(low).as("pixels in the LOW colour").isGreaterThan(critical);
        assertThat(ok).as("pixels in the OK colour").isGreaterThan(low);
        assertThat(ChartRenderer.STATUS_COLOURS.get(ShortageLevel.CRITICAL)).isEqualTo(new Color(0xc62828));
    }

    @Test
    @DisplayName("the trend chart has the day's 24 hours of calls, messages and complaints, named in the language asked for")
    void shouldPlotTheDaysTrend() {
        requireDevanagari();
        JFreeChart hindi = renderer.chart(ChartRenderer.Chart.TREND, SampleReports.report(SampleReports.DAY, null), HINDI);
        assertThat(hindi.getTitle().getText()).isEqualTo("कॉल और संदेश, प्रति घंटा");
        XYPlot plot = hindi.getXYPlot();
        TimeSeriesCollection series = (TimeSeriesCollection) plot.getDataset();
        assertThat(List.of(series.getSeriesKey(0), series.getSeriesKey(1), series.getSeriesKey(2), series.getSeriesKey(3)))
                .containsExactly("कॉल", "संदेश", "खुली शिकायतें", "निपटाई शिकायतें");
        assertThat(series.getItemCount(0)).isEqualTo(24);
        assertThat(series.getYValue(0, 0)).isEqualTo(100d);
        assertThat(series.getYValue(0, 23)).isEqualTo(330d);
        assertThat(series.getYValue(1, 23)).isEqualTo(109d);
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("घंटा");
        assertDrawnInTheDevanagariFont(hindi);

        JFreeChart english = renderer.chart(ChartRenderer.Chart.TREND, SampleReports.report(SampleReports.DAY, null), ENGLISH);
        assertThat(english.getTitle().getText()).isEqualTo("Calls and messages per hour");
        assertThat(english.getXYPlot().getDataset().getSeriesKey(0)).isEqualTo("Calls");
    }

    @Test
    @DisplayName("without a Devanagari font a chart asked for in Hindi falls back to English words")
    void shouldFallBackToEnglishWithoutADevanagariFont() {
        ChartRenderer latinOnly = new ChartRenderer(DISTRICTS, ChartFonts.of(Font.SANS_SERIF, false), IST);
        assertThat(latinOnly.hindiAvailable()).isFalse();
        JFreeChart chart = latinOnly.chart(ChartRenderer.Chart.WORKERS, SampleReports.report(SampleReports.DAY, null),
                new ChartRenderer.Options(500, 300, true, "status"));
        assertThat(chart.getTitle().getText()).isEqualTo("Worker distribution");
        assertThat(chart.getCategoryPlot().getDataset().getColumnKeys()).containsExactly("Working", "At home", "Unreachable");
    }

    @Test
    @DisplayName("an empty report still renders: a 'no data' chart in the language asked for, not an error")
    void shouldRenderEmptyReport() throws IOException {
        requireDevanagari();
        SituationReport empty = new SituationReport(SampleReports.DAY, null, SampleReports.NOON, null, null, null,
                null, null, null, null, null, null, null, null);
        for (ChartRenderer.Chart chart : ChartRenderer.Chart.values()) {
            assertThat(png(renderer.render(chart, empty, new ChartRenderer.Options(300, 200, true, null))).getHeight())
                    .isEqualTo(200);
            JFreeChart drawn = renderer.chart(chart, empty, new ChartRenderer.Options(300, 200, true, null));
            String noData = drawn.getPlot() instanceof CategoryPlot p ? p.getNoDataMessage()
                    : ((XYPlot) drawn.getPlot()).getNoDataMessage();
            assertThat(noData).as("%s", chart).isEqualTo("कोई आंकड़े नहीं");
            JFreeChart english = renderer.chart(chart, empty, new ChartRenderer.Options(300, 200, false, null));
            assertThat(english.getPlot() instanceof CategoryPlot p ? p.getNoDataMessage()
                    : ((XYPlot) english.getPlot()).getNoDataMessage()).isEqualTo("No data");
        }
    }

    private void requireDevanagari() {
        assertThat(fonts.devanagari())
                .as("no font on this machine can draw Devanagari, so Hindi charts cannot be checked (nor drawn): "
                        + "install one (Debian: apt-get install fonts-lohit-deva; bin/lib/e2e prerequisites does, as root)")
                .isTrue();
    }

    /** Every word of the chart is set in the chosen Devanagari family, and that font can draw every one of them. */
    private void assertDrawnInTheDevanagariFont(JFreeChart chart) {
        List<String> words = new ArrayList<>(List.of(chart.getTitle().getText()));
        List<Font> used = new ArrayList<>(List.of(chart.getTitle().getFont()));
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.getDataset().getColumnKeys().forEach(k -> words.add(k.toString()));
            plot.getDataset().getRowKeys().forEach(k -> words.add(k.toString()));
            used.add(plot.getDomainAxis().getTickLabelFont());
            if (plot.getRangeAxis().getLabel() != null) {
                words.add(plot.getRangeAxis().getLabel());
                used.add(plot.getRangeAxis().getLabelFont());
            }
        } else if (chart.getPlot() instanceof XYPlot plot) {
            for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
                words.add(plot.getDataset().getSeriesKey(i).toString());
            }
            words.add(plot.getDomainAxis().getLabel());
            used.add(plot.getDomainAxis().getLabelFont());
        }
        if (chart.getLegend() != null) {
            used.add(chart.getLegend().getItemFont());
        }
        assertThat(words).anyMatch(w -> w.codePoints().anyMatch(c -> c >= 0x0900 && c <= 0x097F));
        for (Font font : used) {
            assertThat(font.getFamily()).as("font of %s", words).isEqualTo(fonts.family());
            for (String word : words) {
                assertThat(font.canDisplayUpTo(word)).as("'%s' in %s", word, font.getFamily()).isEqualTo(-1);
            }
        }
    }

    private static List<Double> values(CategoryDataset data, int row) {
        List<Double> out = new ArrayList<>();
        for (int c = 0; c < data.getColumnCount(); c++) {
            out.add(data.getValue(row, c).doubleValue());
        }
        return out;
    }

    private static int pixels(BufferedImage image, Color colour) {
        int n = 0;
        int rgb = colour.getRGB() & 0xffffff;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static BufferedImage png(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
