package org.warroom.dashboard.web;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;

/**
 * What the pages' own routes ({@link WebRoutes}) need.
 *
 * @param vertx     for rendering charts off the event loop
 * @param districts the district reference table
 * @param states    the state reference table
 * @param reports   the figures behind {@code /api/v1/report} and the charts
 * @param clock     "today" for reports without a date
 * @param zone      the war room's time zone (Asia/Kolkata), for days and chart axes
 */
public record WebDependencies(Vertx vertx, DistrictDirectory districts, StateDirectory states, ReportSource reports,
                              Clock clock, ZoneId zone) {
    public WebDependencies {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(districts, "districts");
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
    }

    /** The reference tables shipped on the classpath, the system clock, India Standard Time. */
    public static WebDependencies of(Vertx vertx, ReportSource reports) {
        return new WebDependencies(vertx, DistrictDirectory.load(), StateDirectory.load(), reports,
                Clock.systemUTC(), ZoneId.of("Asia/Kolkata"));
    }
}
