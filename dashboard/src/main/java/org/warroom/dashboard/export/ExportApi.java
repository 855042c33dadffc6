package org.warroom.dashboard.export;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.api.QueryApi;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.complaint.ComplaintBook;
import org.warroom.dashboard.complaint.ComplaintViews;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.live.LiveState;
import org.warroom.dashboard.query.AlertHistory;
import org.warroom.dashboard.query.WorkerSearch;

/**
 * {@code GET /api/v1/exports/{table}.{csv|xlsx}?lang=en|hi&<the table's screen filters>} (docs/EXPORTS.md): the
 * district page's tables ({@code shortages}, {@code backlogs}), the registry ({@code workers}), the complaints list
 * ({@code complaints}) and the alert history ({@code alerts}) as files, scoped and masked for the caller exactly as
 * their screens are. Rows are written as they are read (Elasticsearch a page at a time, the response chunk by chunk,
 * waiting while the client is slow), on a small pool of its own so a long export neither blocks the event loop nor
 * takes the query services' threads. Every export is audited when it ends ({@code export}: table and format, the
 * filter, rows, outcome {@code ok}, {@code cut-off} when the client went away midway, {@code refused} for a filter
 * the caller may not use); an export whose audit Kafka does not take is cut off (the connection reset) rather than
 * completed unaudited.
 */
public final class ExportApi {
    private static final Logger LOG = LoggerFactory.getLogger(ExportApi.class);
    /** Exports at a time; more wait for a free slot. */
    static final int CONCURRENT = 4;
    private static final Set<String> DISTRICT_PARAMETERS = Set.of("district", "homeDistrict", "currentDistrict");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final Map<String, ExportTable> tables = new LinkedHashMap<>();
    private final WorkerExecutor executor;
    private final DistrictDirectory districts;
    private final AuditLog audit;
    private final Words words;
    private final Clock clock;
    private final ZoneId zone;

    /** What the exports read and write. */
    public record Dependencies(Vertx vertx, WorkerSearch workers, AlertHistory alerts, ComplaintBook complaints,
                               LiveState live, DistrictDirectory districts, AuditLog audit, Words words, Clock clock,
                               ZoneId zone) {
    }

    public ExportApi(Dependencies d) {
        for (ExportTable t : List.of(new ShortagesTable(d.live()), new BacklogsTable(d.live()),
                new WorkersTable(d.workers()), new ComplaintsTable(d.complaints(), new ComplaintViews(d.districts()),
                        d.clock()::instant), new AlertsTable(d.alerts(), new TimeParam(d.zone())))) {
            tables.put(t.name(), t);
        }
        this.executor = d.vertx().createSharedWorkerExecutor("warroom-exports", CONCURRENT, 4, TimeUnit.HOURS);
        this.districts = d.districts();
        this.audit = d.audit();
        this.words = d.words();
        this.clock = d.clock();
        this.zone = d.zone();
    }

    public void mount(Router router) {
        router.get("/api/v1/exports/:file").handler(this::handleExport);
    }

    /** The tables by name (for tests and docs). */
    public Set<String> tables() {
        return tables.keySet();
    }

    private void handleExport(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        ExportTable table = dot < 0 ? null : tables.get(file.substring(0, dot));
        if (table == null) {
            throw new ApiError(404, "not found", "table", "no such export; there are " + String.join(", ",
                    tables.keySet()) + ", each as .csv or .xlsx");
        }
        ExportFormat format = ExportFormat.of(file.substring(dot + 1)).orElseThrow(() ->
                new ApiError(404, "not found", "format", "an export is .csv or .xlsx"));
        String lang = ctx.queryParams().get("lang");
        if (lang != null && !lang.equals("en") && !lang.equals("hi")) {
            throw ApiError.invalid("lang", "must be en or hi");
        }
        ExportFilter filter = filter(ctx, table);
        Labels labels = new Labels(words, Language.of(lang), districts, zone);
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", format.contentType())
                .putHeader("Content-Disposition", "attachment; filename=\"warroom-" + table.name() + "-"
                        + STAMP.format(clock.instant().atZone(zone)) + "." + format.extension() + "\"")
                .putHeader("Cache-Control", "no-store");
        ResponseStream out = new ResponseStream(response);
        AtomicLong rows = new AtomicLong();
        long started = System.nanoTime();
        executor.executeBlocking(() -> {
            TableWriter writer = format.writer(out, labels.table(table.name()));
            writer.header(table.columns().stream().map(c -> labels.column(table.name(), c)).toList());
            table.write(viewer, filter, labels, cells -> {
                writer.row(cells);
                rows.incrementAndGet();
            });
            writer.finish();
            out.flush();
            return rows.get();
        }, false).onComplete(done -> {
            if (done.succeeded()) {
                LOG.info("export of {}.{} by {}: {} rows, {} bytes in {} ms (client slow: {})", table.name(),
                        format.extension(), viewer.username(), rows.get(), out.written(),
                        (System.nanoTime() - started) / 1_000_000, out.waited());
                audited(ctx, viewer, table, format, filter, rows.get(), "ok", null)
                        .onSuccess(v -> response.end())
                        .onFailure(e -> response.reset());
            } else if (!response.headWritten()) {
                Throwable refusal = QueryApi.translate(done.cause());
                response.headers().remove("Content-Disposition");
                if (refusal instanceof ApiError api && api.status() < 500) {
                    audited(ctx, viewer, table, format, filter, 0, "refused", api.getMessage());
                } else {
                    LOG.warn("export of {} failed before its first byte: {}", table.name(), done.cause().toString());
                }
                Answers.fail(ctx, refusal);
            } else {
                LOG.info("export of {} by {} cut off after {} rows: {}", table.name(), viewer.username(), rows.get(),
                        done.cause().toString());
                audited(ctx, viewer, table, format, filter, rows.get(), "cut-off", done.cause().getMessage());
                if (!response.closed()) {
                    response.reset();
                }
            }
        });
    }

    /** The request's filter: only the table's own parameters (anything else is refused, naming it), district codes known. */
    private ExportFilter filter(RoutingContext ctx, ExportTable table) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : ctx.queryParams().names()) {
            if (name.equals("lang")) {
                continue;
            }
            if (!table.parameters().contains(name)) {
                throw ApiError.invalid(name, "not a filter of the " + table.name() + " export; its filters: "
                        + String.join(", ", new TreeSet<>(table.parameters())));
            }
            String v = ctx.queryParams().get(name);
            if (v == null || v.isBlank()) {
                continue;
            }
            if (v.length() > 500) {
                throw ApiError.invalid(name, "at most 500 characters");
            }
            String value = v.strip();
            if (DISTRICT_PARAMETERS.contains(name)) {
                value = districts.byCode(value).map(d -> d.code()).orElseThrow(() -> new ApiError(404, "not found",
                        name, "unknown LGD district code '" + v.strip() + "'"));
            }
            values.put(name, value);
        }
        return new ExportFilter(values);
    }

    private Future<Void> audited(RoutingContext ctx, Viewer viewer, ExportTable table, ExportFormat format,
                                 ExportFilter filter, long rows, String outcome, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("table", table.name());
        details.put("format", format.extension());
        details.put("filter", filter.audited());
        details.put("rows", Long.toString(rows));
        if (reason != null) {
            details.put("reason", reason);
        }
        return audit.record(viewer.username(), viewer.role().wire(), "export", table.name() + "." + format.extension(),
                filter.get("district"), outcome, Answers.address(ctx), details).mapEmpty();
    }
}
