package org.warroom.dashboard.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.report.StoredReport;
import org.warroom.contracts.text.Language;
import org.warroom.dashboard.access.Scope;
import org.warroom.dashboard.web.ReportSource;
import org.warroom.dashboard.web.SituationReport;

/**
 * Makes the state's situation report as PDF at each {@link ReportSchedule} edition, in each configured language, and
 * keeps it ({@link ReportArchive}); the notifier mails what is kept to the distribution list (docs/REPORTS.md). A
 * timer per edition; an edition that fails is logged and tried again a minute later, at most 10 times.
 */
public final class ScheduledReports {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledReports.class);
    private static final int MAX_TRIES = 10;

    private final Vertx vertx;
    private final ReportSchedule schedule;
    private final ReportSource source;
    private final ReportPdf pdf;
    private final ReportArchive archive;
    private final Clock clock;
    private final ZoneId zone;
    private Instant done = Instant.MIN;
    private long timer = -1;
    private BooleanSupplier mayMake = () -> true;

    public ScheduledReports(Vertx vertx, ReportSchedule schedule, ReportSource source, ReportPdf pdf,
                            ReportArchive archive, Clock clock, ZoneId zone) {
        this.vertx = vertx;
        this.schedule = schedule;
        this.source = source;
        this.pdf = pdf;
        this.archive = archive;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * With several dashboard instances: only while {@code owner} says so does this one make an edition; the others
     * look a minute later whether it was kept (by the owner), and make it themselves if they own the writes by then
     * (the owner died). An edition's id is its date, time, scope and language: made twice, it is kept once.
     */
    public void makeOnlyWhen(BooleanSupplier owner) {
        this.mayMake = owner;
    }

    public void start() {
        if (schedule.enabled()) {
            planNext();
        }
    }

    private void planNext() {
        Instant now = clock.instant();
        ReportSchedule.Edition next = schedule.next(now.isAfter(done) ? now : done, zone);
        long delay = Math.max(1, Duration.between(now, ReportSchedule.at(next, zone)).toMillis());
        timer = vertx.setTimer(delay, t -> attempt(next, 1));
    }

    private void attempt(ReportSchedule.Edition edition, int attempt) {
        if (kept(edition)) {
            done = ReportSchedule.at(edition, zone);
            planNext();
            return;
        }
        if (!mayMake.getAsBoolean()) {
            if (attempt < MAX_TRIES) {
                timer = vertx.setTimer(60_000, t -> attempt(edition, attempt + 1));
            } else {
                done = ReportSchedule.at(edition, zone);
                planNext();
            }
            return;
        }
        make(edition).onSuccess(kept -> {
            done = ReportSchedule.at(edition, zone);
            LOG.info("situation report {} {} made and kept ({})", edition.date(), edition.label(),
                    kept.stream().map(ReportArchive.Entry::id).toList());
            planNext();
        }).onFailure(e -> {
            LOG.warn("situation report {} {} failed (attempt {}): {}", edition.date(), edition.label(), attempt,
                    e.toString());
            if (attempt < MAX_TRIES) {
                timer = vertx.setTimer(60_000, t -> attempt(edition, attempt + 1));
            } else {
                done = ReportSchedule.at(edition, zone);
                planNext();
            }
        });
    }

    private boolean kept(ReportSchedule.Edition edition) {
        return schedule.languages().stream().allMatch(language -> archive.find(
                StoredReport.id(edition.date(), edition.label(), null, language)).isPresent());
    }

    /** Makes and keeps one edition now, in every configured language (also for tests and a manual re-run). */
    public Future<List<ReportArchive.Entry>> make(ReportSchedule.Edition edition) {
        return vertx.executeBlocking(() -> {
            SituationReport report = source.load(Scope.everywhere(false), edition.date(), null);
            List<StoredReport> out = new ArrayList<>();
            for (String language : schedule.languages()) {
                byte[] bytes = pdf.render(report, language.equals("hi") ? Language.HI : Language.EN);
                out.add(new StoredReport(edition.date(), edition.label(), null, language, clock.instant(), bytes));
            }
            return out;
        }, false).compose(reports -> {
            List<ReportArchive.Entry> kept = new ArrayList<>();
            Future<Void> chain = Future.succeededFuture();
            for (StoredReport r : reports) {
                chain = chain.compose(v -> archive.store(r).map(e -> {
                    kept.add(e);
                    return null;
                }));
            }
            return chain.map(v -> kept);
        });
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
