package org.warroom.dashboard.web;

import java.time.LocalDate;
import org.warroom.dashboard.access.Scope;

/**
 * Where the situation report and its charts get their figures (wired to the query services'
 * {@code SituationReportData} by whoever mounts {@link WebRoutes}). Called off the event loop: it may block.
 */
@FunctionalInterface
public interface ReportSource {

    /**
     * The figures of one day for what {@code scope} may see: the whole scope when {@code district} is null,
     * otherwise that one district (already checked against the scope by the caller).
     */
    SituationReport load(Scope scope, LocalDate date, String district) throws Exception;
}
