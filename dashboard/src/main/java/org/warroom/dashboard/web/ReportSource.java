package org.warroom.dashboard.web;

import java.time.LocalDate;
import org.warroom.dashboard.access.Scope;
import org.warroom.dashboard.query.SituationReportData;

/**
 * Where the situation report and its charts get their figures: {@link #from(SituationReportData)} in the service,
 * fixed figures in tests. Called off the event loop: it may block.
 */
@FunctionalInterface
public interface ReportSource {

    /**
     * The figures of one day for what {@code scope} may see: the whole scope when {@code district} is null,
     * otherwise that one district (already checked against the scope by the caller).
     */
    SituationReport load(Scope scope, LocalDate date, String district) throws Exception;

    /**
     * This source's reports with the running verification campaigns' progress added to state-wide ones whose viewer
     * sees every district (a campaign spans the registry).
     */
    static ReportSource withCampaigns(ReportSource base, java.util.function.Supplier<java.util.List<CampaignLine>> lines) {
        return (scope, date, district) -> {
            SituationReport report = base.load(scope, date, district);
            return district == null && scope.allDistricts() ? report.withCampaigns(lines.get()) : report;
        };
    }

    /** The report from Elasticsearch, through the query service. */
    static ReportSource from(SituationReportData data) {
        return (scope, date, district) -> SituationReport.of(data.report(scope, date, district));
    }
}
