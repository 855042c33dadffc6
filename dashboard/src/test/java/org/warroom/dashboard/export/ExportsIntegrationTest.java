package org.warroom.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;
import org.warroom.dashboard.api.Results;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.doc.WorkerDoc;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/**
 * Exports against a real dashboard, Kafka and Elasticsearch: each file read back and compared row by row with a
 * query of the same data (Elasticsearch directly, or the screen's own API), for an administrator (everything, in
 * clear), a commander of Bhopal (396: only workers from or in Bhopal, in clear as on their screen), a responder of
 * Bhopal (same rows, names and phones masked as on their screen), an operator limited to Madhya Pradesh (23: no
 * Bihar-only worker) and an agent; every export audited with its row count, a forbidden one audited as refused.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsIntegrationTest {
    private static final String PASSWORD = "export-password-1";
    private static final String BHOPAL = "396";
    private static final String INDORE = "397";
    private static final String PATNA = "230";
    private static final Set<String> MP_SEEN = Set.of(BHOPAL, INDORE);
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 20, 10, 15, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
    private static final int WORKERS = 600;
    private final DataFormatter cells = new DataFormatter();
    private final Words words = Words.bundled();
    private ElasticsearchClient client;
    private ElasticSettings settings;
    private TestDashboard dashboard;
    private Login admin;
    private Login commander;
    private Login responder;
    private Login mpOperator;
    private Login agent;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        String prefix = "exp" + System.nanoTime();
        settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(), "es.index.prefix", prefix)));
        client = ElasticClientFactory.create(settings);
        IndexTemplates.install(client, settings);
        List<BulkOperation> ops = new ArrayList<>();
        String[] homes = {BHOPAL, INDORE, PATNA};
        for (int i = 0; i < WORKERS; i++) {
            String home = homes[i % 3];
            String current = i % 7 == 0 ? BHOPAL : i % 5 == 0 ? INDORE : null;
            String name = i == 1 ? "=HYPERLINK(\"http://evil.example\")" : i % 2 == 0 ? "रमेश कुमार " + i : "Sita Devi, " + i;
            WorkerRecord w = new WorkerRecord(String.format("ew%05d", i), name, String.format("+9198%08d", i), home,
                    List.of("mason", i % 4 == 0 ? "electrician" : "cook"),
                    i % 3 == 0 ? WorkerStatus.WORKING : WorkerStatus.HOME, current == null ? null : "23", current,
                    i % 2 == 0 ? T0.minusDays(i % 30) : null, WorkerSource.REGISTRY, T0);
            String index = settings.names().index(IndexFamily.WORKERS, null);
            ops.add(BulkOperation.of(b -> b.index(x -> x.index(index).id(w.id()).document(WorkerDoc.of(w)))));
        }
        String[] alertDistricts = {BHOPAL, INDORE, PATNA, BHOPAL};
        for (int i = 0; i < 12; i++) {
            String d = alertDistricts[i % 4];
            Alert a = new Alert("shortage-critical|" + d + "|ration|" + i, "shortage-critical", d, Commodity.RATION,
                    Severity.CRITICAL, i % 2 == 0 ? AlertState.ACKNOWLEDGED : AlertState.ACTIVE, T0.plusMinutes(i),
                    i % 2 == 0 ? "asha" : null, i % 2 == 0 ? T0.plusMinutes(i + 5) : null, null, d + "|ration", 1, 0.5,
                    1, "ration low " + i, i % 2 == 0 ? "truck sent, \"two\" trucks" : null, T0, 0,
                    "राशन कम " + i);
            String index = settings.names().index(IndexFamily.ALERTS, a.raisedAt().toInstant());
            ops.add(BulkOperation.of(b -> b.index(x -> x.index(index).id(a.id()).document(a))));
        }
        assertThat(client.bulk(b -> b.operations(ops).refresh(Refresh.True)).errors()).isFalse();

        dashboard = TestDashboard.start(kafka, es.url(), Map.of("es.index.prefix", prefix));
        dashboard.saveUser("exp-cmd", PASSWORD, "commander", List.of(BHOPAL), List.of());
        dashboard.saveUser("exp-resp", PASSWORD, "responder", List.of(BHOPAL), List.of());
        dashboard.saveUser("exp-agent", PASSWORD, "agent", List.of(), List.of());
        HttpResponse<Buffer> saved = dashboard.post("/api/v1/admin/users", dashboard.loginAdmin(), new JsonObject()
                .put("username", "exp-mp").put("password", PASSWORD).put("role", "operator")
                .put("states", new JsonArray().add("23")));
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isIn(200, 201);
        admin = dashboard.loginAdmin();
        commander = dashboard.login("exp-cmd", PASSWORD);
        responder = dashboard.login("exp-resp", PASSWORD);
        mpOperator = dashboard.login("exp-mp", PASSWORD);
        agent = dashboard.login("exp-agent", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        dashboard.close();
        client.close();
    }

    @Test
    @DisplayName("workers.csv for the administrator: BOM, English headers, every worker, row by row equal to Elasticsearch, in clear")
    void shouldExportEveryWorkerInClear() throws Exception {
        HttpResponse<Buffer> answer = dashboard.get("/api/v1/exports/workers.csv", admin);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        assertThat(answer.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(answer.getHeader("Content-Disposition")).matches("attachment; filename=\"warroom-workers-\\d{8}-\\d{4}\\.csv\"");
        List<CSVRecord> rows = csv(answer);
        assertThat(rows.get(0).toList()).isEqualTo(header("workers", Language.EN));
        List<JsonNode> expected = workersInIndex(null);
        assertThat(expected).hasSize(WORKERS);
        assertRows(rows.subList(1, rows.size()), expected, true);
        assertThat(rows.get(2).get(1)).as("formula guard").isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        assertThat(audited("admin", "workers.csv", "ok").details()).containsEntry("rows", Integer.toString(WORKERS))
                .containsEntry("filter", "");
    }

    @Test
    @DisplayName("a commander's export holds only their district's workers, in clear as on their screen; a responder's the same rows masked")
    void shouldKeepCommanderToTheirDistrict() throws Exception {
        List<JsonNode> bhopal = workersInIndex(Set.of(BHOPAL));
        assertThat(bhopal).isNotEmpty().hasSizeLessThan(WORKERS);

        List<CSVRecord> mine = csv(dashboard.get("/api/v1/exports/workers.csv", commander));
        assertRows(mine.subList(1, mine.size()), bhopal, true);
        for (CSVRecord r : mine.subList(1, mine.size())) {
            assertThat(List.of(r.get(3), r.get(5))).as("home or work district").contains(BHOPAL);
        }
        // the same as the workers page shows the commander
        JsonObject screen = dashboard.get("/api/v1/workers/search?size=1", commander).bodyAsJsonObject();
        assertThat(screen.getLong("total")).isEqualTo(bhopal.size());
        JsonObject first = screen.getJsonArray("items").getJsonObject(0);
        assertThat(mine.get(1).get(2)).isEqualTo("'" + first.getString("phone"));

        List<CSVRecord> masked = csv(dashboard.get("/api/v1/exports/workers.csv", responder));
        assertRows(masked.subList(1, masked.size()), bhopal, false);
        assertThat(masked.get(1).get(2)).matches("\\*{8}\\d{4}");
        JsonObject responderScreen = dashboard.get("/api/v1/workers/search?size=1", responder).bodyAsJsonObject();
        assertThat(masked.get(1).get(1)).isEqualTo(responderScreen.getJsonArray("items").getJsonObject(0).getString("name"));
        assertThat(masked.get(1).get(2)).isEqualTo(responderScreen.getJsonArray("items").getJsonObject(0).getString("phone"));

        HttpResponse<Buffer> outside = dashboard.get("/api/v1/exports/workers.csv?district=" + INDORE, commander);
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.getHeader("Content-Disposition")).isNull();
        assertThat(outside.bodyAsJsonObject().getString("field")).isEqualTo("district");
        AuditEvent refused = audited("exp-cmd", "workers.csv", "refused");
        assertThat(refused.details()).containsEntry("filter", "district=" + INDORE).containsEntry("rows", "0");
        assertThat(audited("exp-cmd", "workers.csv", "ok").details()).containsEntry("rows", Integer.toString(bhopal.size()));
    }

    @Test
    @DisplayName("a state-limited operator's export holds only workers from or in their state's districts, masked; filters narrow it")
    void shouldKeepStateOperatorToTheirStates() throws Exception {
        List<JsonNode> mp = workersInIndex(MP_SEEN);
        List<CSVRecord> rows = csv(dashboard.get("/api/v1/exports/workers.csv", mpOperator));
        assertRows(rows.subList(1, rows.size()), mp, false);
        assertThat(rows.stream().skip(1).filter(r -> r.get(3).equals(PATNA) && r.get(5).isEmpty())).isEmpty();
        assertThat(workersInIndex(null).size()).isGreaterThan(mp.size());

        List<CSVRecord> working = csv(dashboard.get("/api/v1/exports/workers.csv?status=working&skill=electrician&lang=en",
                mpOperator));
        List<JsonNode> expected = mp.stream().filter(w -> w.get("status").asText().equals("working"))
                .filter(w -> w.get("skills").toString().contains("electrician")).toList();
        assertRows(working.subList(1, working.size()), expected, false);
        assertThat(audited("exp-mp", "workers.csv", "ok", "filter", "skill=electrician&status=working").details())
                .containsEntry("rows", Integer.toString(expected.size()));
        assertThat(dashboard.get("/api/v1/exports/workers.csv?district=" + PATNA, mpOperator).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/exports/workers.csv?color=red", mpOperator).bodyAsJsonObject()
                .getString("field")).isEqualTo("color");
    }

    @Test
    @DisplayName("workers.xlsx: a streamed workbook with Hindi headers, the same rows as the CSV")
    void shouldExportXlsxInHindi() throws Exception {
        HttpResponse<Buffer> answer = dashboard.get("/api/v1/exports/workers.xlsx?lang=hi", commander);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.getHeader("Content-Type")).isEqualTo(ExportFormat.XLSX.contentType());
        List<CSVRecord> asCsv = csv(dashboard.get("/api/v1/exports/workers.csv?lang=hi", commander));
        assertThat(asCsv.get(0).toList()).isEqualTo(header("workers", Language.HI));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.bodyAsBuffer().getBytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(words.get(Language.HI, "export.workers"));
            assertThat(sheet.getLastRowNum() + 1).isEqualTo(asCsv.size());
            for (int i = 0; i < asCsv.size(); i++) {
                Row row = sheet.getRow(i);
                List<String> values = new ArrayList<>();
                for (int c = 0; c < asCsv.get(i).size(); c++) {
                    values.add(row.getCell(c) == null ? "" : cells.formatCellValue(row.getCell(c)));
                }
                assertThat(values).as("row %d", i).isEqualTo(asCsv.get(i).toList());
            }
        }
        assertThat(asCsv.get(1).get(7)).isIn(words.get(Language.HI, "workers.status.home"),
                words.get(Language.HI, "workers.status.working"));
    }

    @Test
    @DisplayName("alert history: a commander gets only Bhopal's alerts, newest first, equal to the history API; Hindi messages")
    void shouldExportAlertHistory() throws Exception {
        List<CSVRecord> rows = csv(dashboard.get("/api/v1/exports/alerts.csv", commander));
        JsonArray screen = dashboard.get("/api/v1/alerts/history?size=200", commander).bodyAsJsonObject().getJsonArray("items");
        assertThat(rows).hasSize(screen.size() + 1);
        assertThat(screen.size()).isEqualTo(6);
        for (int i = 0; i < screen.size(); i++) {
            JsonObject a = screen.getJsonObject(i);
            CSVRecord r = rows.get(i + 1);
            assertThat(r.get(0)).isEqualTo(a.getString("id"));
            assertThat(r.get(2)).isEqualTo(BHOPAL);
            assertThat(r.get(8)).isEqualTo(a.getString("ackBy") == null ? "" : a.getString("ackBy"));
            assertThat(r.get(10)).isEqualTo(a.getString("ackComment") == null ? "" : a.getString("ackComment"));
            assertThat(r.get(14)).isEqualTo(a.getString("message"));
        }
        List<CSVRecord> hi = csv(dashboard.get("/api/v1/exports/alerts.csv?lang=hi&state=acknowledged", admin));
        assertThat(hi).hasSize(7);
        assertThat(hi.get(1).get(14)).startsWith("राशन कम ");
        assertThat(hi.get(1).get(6)).isEqualTo(words.get(Language.HI, "state.acknowledged"));
        assertThat(audited("admin", "alerts.csv", "ok", "filter", "state=acknowledged").details()).containsEntry("rows", "6");
    }

    @Test
    @DisplayName("the district page's tables and the complaints list: scoped like the screen, phones masked where the screen masks them")
    void shouldExportDistrictTablesAndComplaints() throws Exception {
        Results.districtFigures(dashboard, BHOPAL, Commodity.MEDICINE);
        Results.districtFigures(dashboard, PATNA, Commodity.MEDICINE);
        eventually(Duration.ofSeconds(30), () -> assertThat(dashboard.get("/api/v1/shortages?district=" + PATNA, admin)
                .bodyAsJsonObject().getJsonArray("items")).isNotEmpty());
        eventually(Duration.ofSeconds(30), () -> assertThat(dashboard.get("/api/v1/backlogs?district=" + BHOPAL, admin)
                .bodyAsJsonObject().getJsonArray("items")).isNotEmpty());
        JsonArray shortages = dashboard.get("/api/v1/shortages?district=" + BHOPAL, commander).bodyAsJsonObject().getJsonArray("items");
        List<CSVRecord> rows = csv(dashboard.get("/api/v1/exports/shortages.csv?district=" + BHOPAL, commander));
        assertThat(rows).hasSize(shortages.size() + 1);
        for (int i = 0; i < shortages.size(); i++) {
            JsonObject s = shortages.getJsonObject(i);
            assertThat(rows.get(i + 1).get(0)).isEqualTo(BHOPAL);
            assertThat(rows.get(i + 1).get(2)).isEqualTo(words.get(Language.EN, "commodity." + s.getString("commodity")));
            assertThat(Double.parseDouble(rows.get(i + 1).get(4))).isEqualTo(s.getDouble("stock"));
        }
        assertThat(csv(dashboard.get("/api/v1/exports/shortages.csv", commander)).stream().skip(1).map(r -> r.get(0)))
                .containsOnly(BHOPAL);
        assertThat(dashboard.get("/api/v1/exports/shortages.csv?district=" + PATNA, commander).statusCode()).isEqualTo(403);
        assertThat(csv(dashboard.get("/api/v1/exports/backlogs.csv", mpOperator)).stream().skip(1).map(r -> r.get(0)))
                .contains(BHOPAL).doesNotContain(PATNA);

        for (String district : List.of(BHOPAL, PATNA)) {
            HttpResponse<Buffer> registered = dashboard.post("/api/v1/complaints", agent, new JsonObject()
                    .put("phone", "98765 4321" + (district.equals(BHOPAL) ? "0" : "1")).put("name", "Sita Devi")
                    .put("district", district).put("category", "ration").put("text", "=राशन नहीं मिला, \"दुकान\" बंद")
                    .put("channel", "call"));
            assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
        }
        JsonArray list = dashboard.get("/api/v1/complaints?district=" + BHOPAL + "&state=", commander).bodyAsJsonObject()
                .getJsonArray("items");
        List<CSVRecord> complaints = csv(dashboard.get("/api/v1/exports/complaints.csv?district=" + BHOPAL, commander));
        assertThat(complaints).hasSize(list.size() + 1);
        for (int i = 0; i < list.size(); i++) {
            JsonObject c = list.getJsonObject(i);
            CSVRecord r = complaints.get(i + 1);
            assertThat(r.get(0)).isEqualTo(c.getString("number"));
            assertThat(r.get(12)).isEqualTo(CellGuard.text(c.getString("phone")));
            assertThat(r.get(13)).isEqualTo(c.getString("name") == null ? "" : c.getString("name"));
            assertThat(r.get(14)).isEqualTo(CellGuard.text(c.getString("text")));
        }
        assertThat(complaints.get(complaints.size() - 1).get(12)).isEqualTo("'+919876543210");
        List<CSVRecord> agents = csv(dashboard.get("/api/v1/exports/complaints.csv?district=" + BHOPAL, agent));
        assertThat(agents.get(agents.size() - 1).get(12)).isEqualTo("'+91******3210");
        assertThat(agents.get(agents.size() - 1).get(13)).isEmpty();
        assertThat(csv(dashboard.get("/api/v1/exports/complaints.csv", commander)).stream().skip(1).map(r -> r.get(1)))
                .containsOnly(BHOPAL);
        assertThat(audited("exp-cmd", "complaints.csv", "ok", "filter", "district=" + BHOPAL).details())
                .containsEntry("rows", Integer.toString(list.size()));
    }

    private List<String> header(String table, Language language) {
        return new WorkersTable(null).columns().stream().map(c -> words.get(language, "export." + table + "." + c)).toList();
    }

    /** The workers the index holds whose districts meet {@code districts} (null: all), by id. */
    private List<JsonNode> workersInIndex(Set<String> districts) throws Exception {
        return client.search(s -> {
            s.index(settings.names().pattern(IndexFamily.WORKERS)).size(10_000)
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
            if (districts != null) {
                s.query(q -> q.terms(t -> t.field("district").terms(v -> v.value(
                        districts.stream().map(FieldValue::of).toList()))));
            }
            return s;
        }, JsonNode.class).hits().hits().stream().map(h -> h.source()).toList();
    }

    private void assertRows(List<CSVRecord> rows, List<JsonNode> expected, boolean clear) {
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode w = expected.get(i);
            CSVRecord r = rows.get(i);
            assertThat(r.get(0)).isEqualTo(w.get("id").asText());
            assertThat(r.get(1)).as("name of %s", r.get(0)).isEqualTo(CellGuard.text(w.get(clear ? "name" : "nameMasked").asText()));
            assertThat(r.get(2)).isEqualTo(CellGuard.text(w.get(clear ? "phone" : "phoneMasked").asText()));
            assertThat(r.get(3)).isEqualTo(w.get("homeDistrict").asText());
            assertThat(r.get(5)).isEqualTo(w.path("currentDistrict").isNull() ? "" : w.path("currentDistrict").asText(""));
            assertThat(r.get(6)).isEqualTo(String.join("; ", new ArrayList<String>() {{
                w.get("skills").forEach(s -> add(s.asText()));
            }}));
            assertThat(r.get(7)).isEqualTo(words.get(Language.EN, "workers.status." + w.get("status").asText()));
        }
    }

    private static List<CSVRecord> csv(HttpResponse<Buffer> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        byte[] bytes = answer.bodyAsBuffer().getBytes();
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }

    private AuditEvent audited(String actor, String target, String outcome) {
        return audited(actor, target, outcome, null, null);
    }

    /** The latest audit event of this export (waited for: it is written when the export ends). */
    private AuditEvent audited(String actor, String target, String outcome, String detail, String value) {
        List<AuditEvent> found = new ArrayList<>();
        eventually(Duration.ofSeconds(20), () -> {
            found.clear();
            found.addAll(dashboard.readAll(AuditTopics.AUDIT).stream()
                    .filter(e -> actor.equals(e.actor()) && "export".equals(e.action()) && target.equals(e.target())
                            && outcome.equals(e.outcome()) && (detail == null || value.equals(e.details().get(detail))))
                    .collect(Collectors.toList()));
            assertThat(found).as("audit of %s %s %s", actor, target, outcome).isNotEmpty();
        });
        return found.get(found.size() - 1);
    }
}
