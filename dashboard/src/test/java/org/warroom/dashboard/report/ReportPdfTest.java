package org.warroom.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;
import org.warroom.dashboard.query.SituationReportData;
import org.warroom.dashboard.web.ChartFonts;
import org.warroom.dashboard.web.ChartRenderer;
import org.warroom.dashboard.web.SituationReport;
import org.warroom.dashboard.web.TrendPoint;

/** The report PDF: its text, extracted with PDFBox, holds the report's figures and intact Devanagari; its charts are there. */
class ReportPdfTest {
    static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final DistrictDirectory DISTRICTS = DistrictDirectory.load();
    private final ReportPdf pdf = new ReportPdf(new ChartRenderer(DISTRICTS, ChartFonts.detect(), ZoneId.of("Asia/Kolkata")),
            DISTRICTS, Words.bundled(), PdfFontFile.from(Settings.ofKeys(Map.of())).orElseThrow(), ZoneId.of("Asia/Kolkata"));

    static SituationReport sample() {
        OffsetDateTime noon = OffsetDateTime.of(2026, 4, 1, 12, 0, 0, 0, IST);
        var today = new SituationReportData.Figures(5160, 4800, 120, 1788, 756, 636, 0.82, 34, 8, 3, 1, 4, 2, 1, 2500);
        var previous = new SituationReportData.Figures(4900, 4500, 150, 1800, 700, 600, 0.8, 30, 9, 2, 2, 5, 3, 2, 2300);
        List<TrendPoint> trend = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            trend.add(new TrendPoint(noon.minusHours(12).plusHours(h), 100 + 10L * h, 40 + 3L * h, 20 + h, 15 + h));
        }
        return new SituationReport(LocalDate.of(2026, 4, 1), null, noon,
                List.of(new ShortageStatus("396", Commodity.MEDICINE, 40d, 100d, 0.4, ShortageLevel.CRITICAL, 3, noon,
                                0d, "kg", null, null, "r1"),
                        new ShortageStatus("427", Commodity.MILK, 150d, 100d, 1.5, ShortageLevel.LOW, 0, noon, 0d, "l",
                                null, null, "r2")),
                List.of(new BacklogStatus("396", "food", 12, noon.minusHours(30), 4, 3, 2, 0)),
                List.of(new LineLoad("181", 320, 500, 12, 40, 0.64, 0)), List.of(), List.of(),
                new WorkerTotals(4750, 3000, 3000.0 / 4750, 30), List.of(), trend, today, previous, Map.of());
    }

    @Test
    @DisplayName("the English PDF holds the day's figures beside the previous day's, the shortage table and six charts")
    void shouldHoldFiguresInEnglish() throws IOException {
        byte[] bytes = pdf.render(sample(), Language.EN);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Situation report — Whole state, 2026-04-01");
            assertThat(text).containsPattern("Calls\\s+5160\\s+4900\\s+\\+260");
            assertThat(text).containsPattern("Complaints resolved\\s+636\\s+600\\s+\\+36");
            assertThat(text).containsPattern("Complaints within SLA\\s+82.0%\\s+80.0%");
            assertThat(text).containsPattern("Bhopal\\s+Medicine\\s+Critical\\s+0.4");
            assertThat(text).containsPattern("Sehore\\s+Milk\\s+Low\\s+1.5");
            assertThat(images(doc)).isEqualTo(ChartRenderer.Chart.values().length);
        }
    }

    @Test
    @DisplayName("the Hindi PDF's text comes back as written: conjuncts, vowel signs and district names intact")
    void shouldKeepDevanagariIntact() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.render(sample(), Language.HI))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("स्थिति रिपोर्ट — पूरा राज्य, 2026-04-01");
            assertThat(text).containsPattern("निपटाई शिकायतें\\s+636\\s+600\\s+\\+36");
            assertThat(text).containsPattern("आज सत्यापित श्रमिक\\s+2500\\s+2300\\s+\\+200");
            assertThat(text).containsPattern("भोपाल\\s+दवाइयाँ?\\s+गंभीर|भोपाल\\s+\\S+\\s+गंभीर");
            assertThat(text).contains("सीहोर");
            assertThat(text).contains("कितने दिन का भंडार");
        }
    }

    @Test
    @DisplayName("running verification campaigns: one table, each campaign's figures as given, in both languages")
    void shouldListRunningCampaigns() throws IOException {
        SituationReport report = sample().withCampaigns(List.of(
                new org.warroom.dashboard.web.CampaignLine("c-1", "Bihar returnees", 1600000, 4210, 3977, 1595112, 678, 5400)));
        try (PDDocument doc = Loader.loadPDF(pdf.render(report, Language.EN))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Verification campaigns");
            assertThat(text).containsPattern("Bihar returnees\\s+1600000\\s+4210\\s+3977\\s+1595112\\s+678");
        }
        try (PDDocument doc = Loader.loadPDF(pdf.render(report, Language.HI))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("सत्यापन अभियान");
        }
        try (PDDocument doc = Loader.loadPDF(pdf.render(sample(), Language.EN))) {
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain("Verification campaigns");
        }
    }

    private static int images(PDDocument doc) throws IOException {
        int n = 0;
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    n++;
                }
            }
        }
        return n;
    }
}
