package org.warroom.dashboard.web;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font family charts are drawn with: one that can display Devanagari when the machine has one (Debian packages
 * {@code fonts-noto-core} or {@code fonts-lohit-deva}), otherwise the JDK's logical {@code SansSerif}, in which case
 * charts fall back to English labels (see {@link #devanagari()}).
 */
public final class ChartFonts {
    private static final Logger LOG = LoggerFactory.getLogger(ChartFonts.class);
    /** Preferred families, best first. */
    static final List<String> PREFERRED = List.of("Noto Sans Devanagari", "Noto Sans Devanagari UI", "Lohit Devanagari",
            "Mukta", "Hind", "Mangal", "Nirmala UI", "Kohinoor Devanagari", "FreeSans", "Noto Sans");
    /** A probe: Latin digits and Devanagari with a conjunct and a vowel sign. */
    static final String PROBE = "Stock 12 भंडार ज़िला क्षेत्र";

    private final String family;
    private final boolean devanagari;

    private ChartFonts(String family, boolean devanagari) {
        this.family = family;
        this.devanagari = devanagari;
    }

    /** Looks at the fonts installed on this machine once. */
    public static ChartFonts detect() {
        ensureHeadless();
        Set<String> installed = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames()).collect(Collectors.toSet());
        Optional<String> choice = PREFERRED.stream().filter(installed::contains).filter(ChartFonts::displaysProbe)
                .findFirst();
        if (choice.isEmpty()) {
            choice = installed.stream().sorted().filter(ChartFonts::displaysProbe).findFirst();
        }
        if (choice.isEmpty() && displaysProbe(Font.SANS_SERIF)) {
            choice = Optional.of(Font.SANS_SERIF);
        }
        if (choice.isPresent()) {
            LOG.info("charts use font '{}' (Devanagari capable)", choice.get());
            return new ChartFonts(choice.get(), true);
        }
        LOG.warn("no font that can display Devanagari is installed (Debian: apt-get install fonts-lohit-deva or "
                + "fonts-noto-core); charts are drawn with English labels");
        return new ChartFonts(Font.SANS_SERIF, false);
    }

    /** Charts drawn with {@code family}; {@code devanagari} says whether it may be given Hindi labels. */
    static ChartFonts of(String family, boolean devanagari) {
        ensureHeadless();
        return new ChartFonts(family, devanagari);
    }

    /** The family name to draw with. */
    public String family() {
        return family;
    }

    /** Whether {@link #family()} can display Devanagari; when false, Hindi labels must not be used. */
    public boolean devanagari() {
        return devanagari;
    }

    public Font font(int style, int size) {
        return new Font(family, style, size);
    }

    static boolean displaysProbe(String family) {
        return new Font(family, Font.PLAIN, 12).canDisplayUpTo(PROBE) == -1;
    }

    /** Charts are drawn without a display; set before the first AWT class is touched. */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
