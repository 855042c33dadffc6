package org.warroom.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.report.ReportTopics;
import org.warroom.contracts.report.StoredReport;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.dashboard.query.QueryFixture;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/**
 * The situation report as PDF on the real servers (a war-room day in Elasticsearch, {@link QueryFixture}): made on
 * demand, its extracted text holds exactly the figures {@code GET /api/v1/report} answers, in English and in intact
 * Hindi; a scheduled edition is kept in Kafka and fetched again byte for byte; scope is enforced.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPdfIntegrationTest {
    private static final String PASSWORD = "report-pdf-password-1";
    private QueryFixture data;
    private TestDashboard dashboard;
    private Login operator;
    private Login commander;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        data = QueryFixture.load(es);
        dashboard = TestDashboard.start(kafka, es.url(), Map.of("es.index.prefix", data.prefix(),
                "report.schedule.enabled", "false"));
        dashboard.clock.set(QueryFixture.DAY.plusHours(2).toInstant());
        dashboard.saveUser("rp-op", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("rp-cmd", PASSWORD, "commander", List.of("396"), List.of());
        operator = dashboard.login("rp-op", PASSWORD);
        commander = dashboard.login("rp-cmd", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        dashboard.close();
        data.close();
    }

    @Test
    @DisplayName("the PDF made on demand holds the live report's figures, in English and in Hindi with Devanagari intact")
    void shouldHoldTheLiveFigures() throws IOException {
        JsonObject live = dashboard.get("/api/v1/report", operator).bodyAsJsonObject();
        JsonObject today = live.getJsonObject("today");
        JsonObject previous = live.getJsonObject("previousDay");

        HttpResponse<Buffer> en = dashboard.get("/api/v1/report.pdf", operator);
        assertThat(en.statusCode()).as(en.bodyAsString()).isEqualTo(200);
        assertThat(en.getHeader("Content-Type")).isEqualTo("application/pdf");
        String text = text(en.body().getBytes());
        assertThat(text).contains("Situation report — Whole state, " + QueryFixture.DAY.toLocalDate());
        for (Map.Entry<String, String> f : Map.of("calls", "Calls", "messages", "Citizen messages",
                "ticketsOpened", "Complaints opened", "ticketsResolved", "Complaints resolved",
                "alertsRaised", "Alerts raised", "workersVerified", "Workers verified today").entrySet()) {
            long t = today.getLong(f.getKey());
            long p = previous.getLong(f.getKey());
            assertThat(text).as(f.getKey()).containsPattern(f.getValue() + "\\s+" + t + "\\s+" + p + "\\s+"
                    + (t - p >= 0 ? "\\+" : "") + (t - p));
        }
        assertThat(text).containsPattern("Burhanpur\\s+Ration\\s+Critical\\s+0.1"); // LGD 397 (the fixture's INDORE constant)
        assertThat(text).containsPattern("Bhopal\\s+Ration\\s+Low\\s+1.5");

        String hi = text(dashboard.get("/api/v1/report.pdf?lang=hi", operator).body().getBytes());
        assertThat(hi).contains("स्थिति रिपोर्ट — पूरा राज्य");
        assertThat(hi).containsPattern("निपटाई शिकायतें\\s+" + today.getLong("ticketsResolved"));
        assertThat(hi).containsPattern("बुरहानपुर\\s+राशन\\s+गंभीर");
        assertThat(hi).containsPattern("भोपाल\\s+राशन\\s+कम");
        assertThat(hi).contains("समय-सीमा में शिकायतें");
    }

    @Test
    @DisplayName("a commander's PDF is their district's; another district's or a state-wide kept edition is refused")
    void shouldScopeThePdf() throws IOException {
        HttpResponse<Buffer> own = dashboard.get("/api/v1/report.pdf?district=396", commander);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(text(own.body().getBytes())).contains("Situation report — Bhopal");
        assertThat(dashboard.get("/api/v1/report.pdf?district=397", commander).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/report.pdf?edition=08:00", commander).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/report.pdf?lang=fr", operator).bodyAsJsonObject().getString("field"))
                .isEqualTo("lang");
        assertThat(dashboard.get("/api/v1/report.pdf?date=yesterday", operator).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("a scheduled edition is kept in Kafka in both languages and any past one is fetched again byte for byte")
    void shouldKeepScheduledEditions() throws IOException {
        LocalDate day = QueryFixture.DAY.toLocalDate();
        var kept = dashboard.verticle.scheduledReports()
                .make(new ReportSchedule.Edition(day, LocalTime.of(8, 0))).await();
        assertThat(kept).extracting(ReportArchive.Entry::language).containsExactly("en", "hi");

        List<StoredReport> inKafka = dashboard.readAll(ReportTopics.REPORTS);
        StoredReport hindi = inKafka.stream().filter(r -> r.id().equals(StoredReport.id(day, "08:00", null, "hi")))
                .reduce((a, b) -> b).orElseThrow();
        HttpResponse<Buffer> first = dashboard.get("/api/v1/report.pdf?date=" + day + "&edition=08:00&lang=hi", operator);
        HttpResponse<Buffer> again = dashboard.get("/api/v1/report.pdf?date=" + day + "&edition=08:00&lang=hi", operator);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body().getBytes()).isEqualTo(hindi.pdf()).isEqualTo(again.body().getBytes());
        assertThat(text(first.body().getBytes())).contains("स्थिति रिपोर्ट — पूरा राज्य, " + day);
        assertThat(hindi.pdf().length).as("fits one Kafka record").isLessThan(700_000);

        JsonObject editions = dashboard.get("/api/v1/reports/editions", operator).bodyAsJsonObject();
        assertThat(editions.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList())
                .contains(StoredReport.id(day, "08:00", null, "en"), StoredReport.id(day, "08:00", null, "hi"));
        assertThat(dashboard.get("/api/v1/reports/editions", commander).bodyAsJsonObject().getJsonArray("items"))
                .isEmpty();
        assertThat(dashboard.get("/api/v1/report.pdf?date=" + day + "&edition=20:00", operator).statusCode())
                .isEqualTo(404);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
