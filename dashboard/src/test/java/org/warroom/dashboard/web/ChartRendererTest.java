package org.warroom.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.reference.DistrictDirectory;

class ChartRendererTest {
    private static final DistrictDirectory DISTRICTS = DistrictDirectory.load();
    private final ChartFonts fonts = ChartFonts.detect();
    private final ChartRenderer renderer = new ChartRenderer(DISTRICTS, fonts, ZoneId.of("Asia/Kolkata"));

    @ParameterizedTest
    @EnumSource(ChartRenderer.Chart.class)
    @DisplayName("every chart renders a PNG of exactly the requested size, for the state and for a district")
    void shouldRenderPngOfRequestedSize(ChartRenderer.Chart chart) throws IOException {
        for (String district : new String[] {null, "396"}) {
            byte[] png = renderer.render(chart, SampleReports.report(SampleReports.DAY, district),
                    new ChartRenderer.Options(640, 360, false, null));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("%s for %s", chart, district).isNotNull();
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(360);
        }
    }

    @Test
    @DisplayName("charts render with Hindi labels (Devanagari font when installed, English fallback when not)")
    void shouldRenderHindiLabelsOrFallBack() throws IOException {
        for (String by : List.of("status", "currentDistrict", "skill")) {
            byte[] png = renderer.render(ChartRenderer.Chart.WORKERS, SampleReports.report(SampleReports.DAY, null),
                    new ChartRenderer.Options(500, 300, true, by));
            assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(500);
        }
        if (fonts.devanagari()) {
            assertThat(ChartFonts.displaysProbe(fonts.family())).isTrue();
        } else {
            assertThat(renderer.hindiAvailable()).isFalse();
        }
    }

    @Test
    @DisplayName("an empty report still renders (a 'no data' chart, not an error)")
    void shouldRenderEmptyReport() throws IOException {
        SituationReport empty = new SituationReport(SampleReports.DAY, null, SampleReports.NOON, null, null, null,
                null, null, null, null, null, null, null, null);
        for (ChartRenderer.Chart chart : ChartRenderer.Chart.values()) {
            byte[] png = renderer.render(chart, empty, new ChartRenderer.Options(300, 200, true, null));
            assertThat(ImageIO.read(new ByteArrayInputStream(png)).getHeight()).isEqualTo(200);
        }
    }
}
