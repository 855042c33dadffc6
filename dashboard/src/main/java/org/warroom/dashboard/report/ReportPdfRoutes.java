package org.warroom.dashboard.report;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.report.StoredReport;
import org.warroom.contracts.text.Language;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;
import org.warroom.dashboard.query.QueryFailed;
import org.warroom.dashboard.query.QueryRejected;
import org.warroom.dashboard.web.ReportSource;

/**
 * The situation report as PDF (API.md "Public and outward"), behind authentication:
 * <ul>
 *   <li>{@code GET /api/v1/report.pdf?date=&district=&lang=en|hi} — made now from the figures of the viewer's scope</li>
 *   <li>{@code GET /api/v1/report.pdf?date=&edition=HH:mm&lang=} — a kept scheduled edition, byte for byte as it was
 *       sent (state-wide reports: for state-wide viewers only)</li>
 *   <li>{@code GET /api/v1/reports/editions} — the kept editions (state-wide viewers; others get none)</li>
 * </ul>
 */
public final class ReportPdfRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ReportPdfRoutes.class);

    private final io.vertx.core.Vertx vertx;
    private final ReportSource source;
    private final Optional<ReportPdf> pdf;
    private final ReportArchive archive;
    private final DistrictDirectory districts;
    private final Clock clock;
    private final ZoneId zone;

    public ReportPdfRoutes(io.vertx.core.Vertx vertx, ReportSource source, Optional<ReportPdf> pdf,
                           ReportArchive archive, DistrictDirectory districts, Clock clock, ZoneId zone) {
        this.vertx = vertx;
        this.source = source;
        this.pdf = pdf;
        this.archive = archive;
        this.districts = districts;
        this.clock = clock;
        this.zone = zone;
    }

    /** Mount behind the API's authentication. */
    public void mount(Router router) {
        router.get("/api/v1/report.pdf").handler(this::handlePdf);
        router.get("/api/v1/reports/editions").handler(this::handleEditions);
    }

    private void handlePdf(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        LocalDate date = date(ctx);
        Language language = language(ctx);
        String edition = ctx.request().getParam("edition");
        if (edition != null && !edition.isBlank()) {
            kept(ctx, viewer, date, edition.strip(), language);
            return;
        }
        String district = district(ctx, viewer);
        ReportPdf renderer = pdf.orElseThrow(() -> ApiError.unavailable(
                "no font with Devanagari is installed for the PDF (see report.pdf.font)"));
        vertx.executeBlocking(() -> renderer.render(source.load(viewer.scope(), date, district), language), false)
                .onSuccess(bytes -> send(ctx, bytes, "situation-report-" + date
                        + (district == null ? "" : "-" + district) + "-" + language.code() + ".pdf", "no-store"))
                .onFailure(e -> failed(ctx, e));
    }

    private void kept(RoutingContext ctx, Viewer viewer, LocalDate date, String edition, Language language) {
        if (!viewer.scope().allDistricts()) {
            throw new ApiError(403, "forbidden", "edition", "kept editions cover the whole state");
        }
        String id = StoredReport.id(date, edition, null, language.code());
        ReportArchive.Entry entry = archive.find(id).orElseThrow(() -> new ApiError(404, "not found", "edition",
                "no report kept for " + date + " " + edition + " in " + language.code()));
        archive.fetch(entry)
                .onSuccess(r -> send(ctx, r.pdf(), r.fileName(), "private, max-age=86400, immutable"))
                .onFailure(e -> Answers.fail(ctx, ApiError.unavailable("the kept report cannot be read now")));
    }

    private void handleEditions(RoutingContext ctx) {
        Viewer viewer = Viewer.of(ctx);
        Answers.items(ctx, viewer.scope().allDistricts() ? archive.list() : java.util.List.of());
    }

    private static void send(RoutingContext ctx, byte[] bytes, String fileName, String cache) {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/pdf")
                .putHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .putHeader("Cache-Control", cache).end(Buffer.buffer(bytes));
    }

    private LocalDate date(RoutingContext ctx) {
        String value = ctx.request().getParam("date");
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock.withZone(zone));
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiError.invalid("date", "date must be YYYY-MM-DD");
        }
    }

    private static Language language(RoutingContext ctx) {
        String value = Optional.ofNullable(ctx.request().getParam("lang")).orElse("en").strip();
        return switch (value) {
            case "en" -> Language.EN;
            case "hi" -> Language.HI;
            default -> throw ApiError.invalid("lang", "lang must be en or hi");
        };
    }

    private String district(RoutingContext ctx, Viewer viewer) {
        String value = ctx.request().getParam("district");
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<District> d = districts.byCode(value.strip());
        if (d.isEmpty()) {
            throw viewer.scope().allDistricts()
                    ? new ApiError(404, "not found", "district", "unknown district '" + value + "'")
                    : new ApiError(403, "forbidden", "district", "district outside your scope");
        }
        if (!viewer.scope().sees(d.get().code())) {
            throw new ApiError(403, "forbidden", "district", "district outside your scope");
        }
        return d.get().code();
    }

    private static void failed(RoutingContext ctx, Throwable e) {
        if (e instanceof QueryRejected rejected) {
            Answers.fail(ctx, rejected.kind() == QueryRejected.Kind.FORBIDDEN
                    ? new ApiError(403, "forbidden", rejected.field(), rejected.getMessage())
                    : ApiError.invalid(rejected.field(), rejected.getMessage()));
        } else if (e instanceof QueryFailed) {
            LOG.warn("report PDF failed: {}", e.getMessage());
            Answers.fail(ctx, ApiError.unavailable("search and history are unavailable; try again shortly"));
        } else {
            Answers.fail(ctx, e);
        }
    }
}
