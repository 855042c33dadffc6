package org.warroom.dashboard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;
import org.warroom.dashboard.query.SituationReportData.Figures;
import org.warroom.dashboard.web.ChartRenderer;
import org.warroom.dashboard.web.SituationReport;

/**
 * The situation report (the page's figures, charts and shortage table) as an A4 PDF in English or Hindi, with
 * PDFBox: one embedded Devanagari-capable font ({@link PdfFontFile}) shaped through its GSUB table, the charts drawn
 * by the same {@link ChartRenderer} as the page's, and every run of text marked with its Unicode as
 * {@code /ActualText} so that extracted or copied text reads as written. Blocking (charts, fonts): call it from a
 * worker thread.
 */
public final class ReportPdf {
    private static final float MARGIN = 40;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final int CHART_PX_WIDTH = 1200;
    private static final int CHART_PX_HEIGHT = 560;
    private static final int MAX_SHORTAGE_ROWS = 40;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ChartRenderer charts;
    private final DistrictDirectory districts;
    private final Words words;
    private final PdfFontFile fontFile;
    private final ZoneId zone;

    public ReportPdf(ChartRenderer charts, DistrictDirectory districts, Words words, PdfFontFile fontFile, ZoneId zone) {
        this.charts = charts;
        this.districts = districts;
        this.words = words;
        this.fontFile = fontFile;
        this.zone = zone;
    }

    /** The report as PDF bytes. */
    public byte[] render(SituationReport report, Language language) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, fontFile.path().toFile());
            Writer w = new Writer(doc, font, language);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title(report, language));
            info.setCreator("warroom");

            w.text(title(report, language), 17);
            w.text(words.format(language, "report.generated", Map.of("t",
                    report.generatedAt() == null ? "" : WHEN.format(report.generatedAt().atZoneSameInstant(zone)) + " IST")), 9);
            w.gap(8);
            w.text(words.get(language, "report.figures"), 13);
            figures(w, report, language);
            w.gap(10);
            w.text(words.get(language, "report.charts"), 13);
            for (ChartRenderer.Chart chart : ChartRenderer.Chart.values()) {
                if (chart == ChartRenderer.Chart.CALLS && report.calls().isEmpty()) {
                    continue;
                }
                byte[] png = charts.render(chart, report, new ChartRenderer.Options(CHART_PX_WIDTH, CHART_PX_HEIGHT,
                        language == Language.HI, null));
                w.image(PDImageXObject.createFromByteArray(doc, png, chart.wire()), WIDTH,
                        WIDTH * CHART_PX_HEIGHT / CHART_PX_WIDTH);
            }
            w.gap(6);
            w.text(words.get(language, "report.shortages"), 13);
            shortages(w, report, language);
            if (!report.campaigns().isEmpty()) {
                w.gap(10);
                w.text(words.get(language, "campaign.summary"), 13);
                campaigns(w, report, language);
            }
            w.gap(10);
            w.text(words.get(language, "report.source"), 8);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String title(SituationReport report, Language language) {
        String scope = report.district() == null ? words.get(language, "report.scope.state")
                : districts.byCode(report.district()).map(d -> districtName(d, language)).orElse(report.district());
        return words.get(language, "report.title") + " — " + scope + ", " + report.date();
    }

    private void figures(Writer w, SituationReport report, Language language) throws IOException {
        Figures t = report.today();
        Figures p = report.previousDay();
        float[] cols = {0, 260, 350, 440};
        w.row(cols, 10, List.of("", words.get(language, "report.pdf.today"), words.get(language, "report.pdf.previous"),
                words.get(language, "report.pdf.change")));
        if (t == null) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(figure(language, "report.calls", t.calls(), p == null ? null : p.calls()));
        rows.add(figure(language, "report.messages", t.messages(), p == null ? null : p.messages()));
        rows.add(figure(language, "report.ticketsOpened", t.ticketsOpened(), p == null ? null : p.ticketsOpened()));
        rows.add(figure(language, "report.ticketsResolved", t.ticketsResolved(), p == null ? null : p.ticketsResolved()));
        rows.add(figure(language, "report.alerts", t.alertsRaised(), p == null ? null : p.alertsRaised()));
        rows.add(figure(language, "report.pdf.shortagesRaised", t.shortagesRaised(), p == null ? null : p.shortagesRaised()));
        rows.add(figure(language, "report.pdf.openTickets", t.openTickets(), p == null ? null : p.openTickets()));
        rows.add(figure(language, "report.workersVerified", t.workersVerified(), p == null ? null : p.workersVerified()));
        rows.add(new String[] {words.get(language, "report.slaCompliance"), percent(t.slaCompliance()),
                p == null ? "" : percent(p.slaCompliance()), ""});
        for (String[] r : rows) {
            w.row(cols, 10, List.of(r));
        }
    }

    private String[] figure(Language language, String key, long today, Long previous) {
        return new String[] {words.get(language, key), Long.toString(today),
                previous == null ? "" : Long.toString(previous),
                previous == null ? "" : (today - previous >= 0 ? "+" : "") + (today - previous)};
    }

    private static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }

    private void shortages(Writer w, SituationReport report, Language language) throws IOException {
        float[] cols = {0, 170, 290, 390};
        w.row(cols, 10, List.of(words.get(language, "report.pdf.district"), words.get(language, "report.pdf.commodity"),
                words.get(language, "report.pdf.status"), words.get(language, "report.pdf.daysOfCover")));
        List<ShortageStatus> rows = report.shortages().stream()
                .filter(s -> s.status() == ShortageLevel.CRITICAL || s.status() == ShortageLevel.LOW)
                .sorted(Comparator.comparing((ShortageStatus s) -> s.status() == ShortageLevel.CRITICAL ? 0 : 1)
                        .thenComparing(s -> s.daysOfCover() == null ? Double.MAX_VALUE : s.daysOfCover())
                        .thenComparing(ShortageStatus::district))
                .limit(MAX_SHORTAGE_ROWS).toList();
        for (ShortageStatus s : rows) {
            w.row(cols, 10, List.of(districts.byCode(s.district()).map(d -> districtName(d, language)).orElse(s.district()),
                    words.get(language, "commodity." + s.commodity().wire()),
                    words.get(language, "status." + s.status().wire()),
                    s.daysOfCover() == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f", s.daysOfCover())));
        }
    }

    /** The running verification campaigns: size, reached, verified, pending, exhausted, calls made. */
    private void campaigns(Writer w, SituationReport report, Language language) throws IOException {
        float[] cols = {0, 190, 250, 310, 370, 430};
        w.row(cols, 10, List.of(words.get(language, "common.name"), words.get(language, "campaign.size"),
                words.get(language, "campaign.reached"), words.get(language, "campaign.verified"),
                words.get(language, "campaign.pending"), words.get(language, "campaign.exhausted")));
        for (org.warroom.dashboard.web.CampaignLine c : report.campaigns()) {
            String name = c.name().length() > 34 ? c.name().substring(0, 33) + "…" : c.name();
            w.row(cols, 10, List.of(name, Integer.toString(c.size()), Integer.toString(c.reached()),
                    Integer.toString(c.verified()), Integer.toString(c.pending()), Integer.toString(c.exhausted())));
        }
    }

    private static String districtName(District d, Language language) {
        return language == Language.HI && d.nameHi() != null && !d.nameHi().isBlank() ? d.nameHi() : d.name();
    }

    /** Writes downwards on A4 pages, starting a new page when the next thing does not fit. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType0Font font;
        private final Map<Integer, Boolean> encodable = new HashMap<>();
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument doc, PDType0Font font, Language language) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            page = new PDPageContentStream(doc, p);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float points) {
            y -= points;
        }

        void text(String text, float size) throws IOException {
            room(size * 1.5f);
            y -= size * 1.4f;
            show(text, MARGIN, y, size);
        }

        void row(float[] columns, float size, List<String> cells) throws IOException {
            room(size * 1.5f);
            y -= size * 1.5f;
            for (int i = 0; i < cells.size() && i < columns.length; i++) {
                show(cells.get(i), MARGIN + columns[i], y, size);
            }
        }

        void image(PDImageXObject image, float width, float height) throws IOException {
            room(height + 6);
            y -= height + 6;
            page.drawImage(image, MARGIN, y, width, height);
        }

        /** One run of text, its Unicode kept as /ActualText (the shaped glyphs alone do not map back to it). */
        private void show(String text, float x, float at, float size) throws IOException {
            String printable = printable(text);
            if (printable.isEmpty()) {
                return;
            }
            COSDictionary properties = new COSDictionary();
            properties.setString(COSName.ACTUAL_TEXT, printable);
            page.beginMarkedContent(COSName.getPDFName("Span"), PDPropertyList.create(properties));
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, at);
            page.showText(printable);
            page.endText();
            page.endMarkedContent();
        }

        /** The text without characters the font has no glyph for (replaced by a space). */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                boolean ok = encodable.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                out.appendCodePoint(ok ? cp : ' ');
            });
            return out.toString().strip();
        }

        void close() throws IOException {
            page.close();
        }
    }
}
