package org.warroom.dashboard.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * The TrueType font embedded in the report PDFs: one that has Devanagari (and Latin) with an OpenType GSUB table, so
 * that PDFBox shapes conjuncts and vowel signs. {@code report.pdf.font} names the file; otherwise the first of the
 * usual Debian locations that exists (packages {@code fonts-noto-core}, {@code fonts-lohit-deva} — the same fonts
 * the charts look for, see {@code ChartFonts}).
 */
public record PdfFontFile(Path path) {
    static final List<String> KNOWN = List.of(
            "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
            "/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf",
            "/usr/share/fonts/truetype/fonts-deva-extra/kalimati.ttf",
            "/usr/share/fonts/truetype/freefont/FreeSans.ttf");

    /** The configured or found font; empty when the machine has none (the PDF is then refused, with the reason). */
    public static Optional<PdfFontFile> from(Settings settings) {
        Optional<String> configured = settings.find("report.pdf.font");
        if (configured.isPresent()) {
            Path p = Path.of(configured.get());
            if (!Files.isReadable(p)) {
                throw new ConfigException("report.pdf.font", "no readable font file at " + p);
            }
            return Optional.of(new PdfFontFile(p));
        }
        return KNOWN.stream().map(Path::of).filter(Files::isReadable).findFirst().map(PdfFontFile::new);
    }
}
