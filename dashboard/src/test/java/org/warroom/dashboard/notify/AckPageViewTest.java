package org.warroom.dashboard.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.notify.AckTokens;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;

/** The acknowledge pages as rendered from the templates: the same markup and words as before, every text escaped. */
class AckPageViewTest {
    private static final OffsetDateTime RAISED = OffsetDateTime.of(2026, 4, 1, 10, 3, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
    private static final AckTokens.Claim CLAIM = new AckTokens.Claim("t1", "shortage-critical|396|medicine|1",
            "responder-<sehore>", Instant.parse("2026-04-02T00:00:00Z"));

    private static Alert alert(AlertState state, String message, String ackBy) {
        return new Alert("shortage-critical|396|medicine|1", "shortage-critical", "396", Commodity.MEDICINE,
                Severity.CRITICAL, state, RAISED, ackBy, null, null, "396|medicine", 1, 0.5, 1.0, message, null, RAISED, 0);
    }

    @Test
    @DisplayName("an active alert's page: details, then the bilingual form posting to the token; markup in texts escaped")
    void shouldRenderTheFormForAnActiveAlert() {
        AckPageView.Page page = AckPageView.ackPage("abc.DEF", CLAIM,
                Optional.of(alert(AlertState.ACTIVE, "<b>medicine</b> & water", null)), 1000);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.title()).isEqualTo("Acknowledge alert");
        assertThat(page.html())
                .contains("<title>Acknowledge alert · warroom</title>")
                .contains("<h1>Acknowledge alert</h1>\n<dl><dt>Severity</dt><dd><span class=\"severity-critical\">CRITICAL"
                        + "</span></dd><dt>Alert</dt><dd>&lt;b&gt;medicine&lt;/b&gt; &amp; water</dd><dt>District</dt>"
                        + "<dd>396</dd><dt>Raised</dt><dd>2026-04-01T10:03+05:30</dd><dt>You</dt>"
                        + "<dd>responder-&lt;sehore&gt;</dd></dl><form method=\"post\" action=\"/ack/abc.DEF\"><label "
                        + "for=\"comment\">Comment / टिप्पणी (optional)</label><textarea id=\"comment\" name=\"comment\" "
                        + "maxlength=\"1000\"></textarea><button type=\"submit\">Acknowledge / स्वीकार करें</button></form>\n"
                        + "</main>")
                .doesNotContain("<script").doesNotContain("<b>");
    }

    @Test
    @DisplayName("an unknown alert shows its id; a quote in the token cannot leave the form's action")
    void shouldEscapeTheTokenInTheAction() {
        AckPageView.Page page = AckPageView.ackPage("x\"onmouseover=\"y", CLAIM, Optional.empty(), 1000);
        assertThat(page.html()).contains("<dt>Alert</dt><dd>shortage-critical|396|medicine|1</dd>")
                .contains("action=\"/ack/x&quot;onmouseover=&quot;y\"");
    }

    @Test
    @DisplayName("an acknowledged alert's page says by whom, and has no form")
    void shouldSayWhoAcknowledged() {
        AckPageView.Page page = AckPageView.ackPage("t", CLAIM,
                Optional.of(alert(AlertState.ACKNOWLEDGED, null, "commander-<bhopal>")), 1000);
        assertThat(page.title()).isEqualTo("Alert " + AlertState.ACKNOWLEDGED.wire());
        assertThat(page.html()).contains("<dt>Alert</dt><dd>shortage-critical</dd>")
                .contains("<p class=\"notice\">Already acknowledged by commander-&lt;bhopal&gt;.</p>")
                .doesNotContain("<form");
        AckPageView.Page late = AckPageView.nothingToAcknowledge(alert(AlertState.CLEARED, "m", null));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.html()).contains("<h1>Nothing to acknowledge</h1>\n<p class=\"notice\">This alert has cleared.</p>");
    }

    @Test
    @DisplayName("refusals: forged 403, expired and used 410, each with its sentence")
    void shouldRefuseWithStatusAndReason() {
        assertThat(AckPageView.refused(AckTokens.Refusal.FORGED)).satisfies(p -> {
            assertThat(p.status()).isEqualTo(403);
            assertThat(p.html()).contains("<p class=\"notice refused\">This link is not valid.</p>");
        });
        assertThat(AckPageView.refused(AckTokens.Refusal.EXPIRED).status()).isEqualTo(410);
        assertThat(AckPageView.refused(AckTokens.Refusal.EXPIRED).html())
                .contains("This link has expired. Acknowledge on the dashboard instead.");
        assertThat(AckPageView.refused(AckTokens.Refusal.USED).html()).contains("This link was already used.");
        assertThat(AckPageView.acknowledged("a&b").html())
                .contains("<p class=\"notice\">Thank you, a&amp;b. The alert is acknowledged; escalation stops.</p>");
        assertThat(AckPageView.notSaved().status()).isEqualTo(503);
        assertThat(AckPageView.css()).contains(".severity-critical");
    }

    @Test
    @DisplayName("a template slot without a value is refused rather than left in the page")
    void shouldRefuseAMissingSlot() {
        assertThatThrownBy(() -> HtmlTemplate.load("notify/ack-row.html").render("name", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
    }
}
