package org.warroom.dashboard.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * When the situation report goes out by itself: {@code report.schedule} (default {@code 08:00,20:00}, times of day
 * in the war room's time zone), {@code report.schedule.enabled} (default true; with several dashboard instances,
 * leave it on in one), {@code report.mail.languages} (default {@code en,hi}). Pure: the next edition after a moment.
 */
public record ReportSchedule(List<LocalTime> times, boolean enabled, List<String> languages) {

    /** One edition: the day and the time of day it is made for. */
    public record Edition(LocalDate date, LocalTime time) {
        public String label() {
            return time.toString();
        }
    }

    public ReportSchedule {
        times = times.stream().sorted().distinct().toList();
        languages = List.copyOf(languages);
    }

    public static ReportSchedule from(Settings settings) {
        List<LocalTime> times = new ArrayList<>();
        for (String t : settings.get("report.schedule", "08:00,20:00").split(",")) {
            if (t.isBlank()) {
                continue;
            }
            try {
                times.add(LocalTime.parse(t.strip()));
            } catch (DateTimeParseException e) {
                throw new ConfigException("report.schedule", "'" + t.strip() + "' is not a time of day HH:mm");
            }
        }
        if (times.isEmpty()) {
            throw new ConfigException("report.schedule", "must name at least one time of day (HH:mm)");
        }
        List<String> languages = new ArrayList<>();
        for (String l : settings.get("report.mail.languages", "en,hi").split(",")) {
            String code = l.strip();
            if (!code.equals("en") && !code.equals("hi")) {
                throw new ConfigException("report.mail.languages", "'" + code + "' is not en or hi");
            }
            languages.add(code);
        }
        return new ReportSchedule(times, settings.getBoolean("report.schedule.enabled", true), languages);
    }

    /** The first edition strictly after {@code after}. */
    public Edition next(Instant after, ZoneId zone) {
        ZonedDateTime now = after.atZone(zone);
        for (int day = 0; day < 2; day++) {
            LocalDate date = now.toLocalDate().plusDays(day);
            for (LocalTime t : times) {
                if (date.atTime(t).atZone(zone).toInstant().isAfter(after)) {
                    return new Edition(date, t);
                }
            }
        }
        throw new IllegalStateException("no edition within two days");
    }

    /** When an edition is due. */
    public static Instant at(Edition edition, ZoneId zone) {
        return edition.date().atTime(edition.time()).atZone(zone).toInstant();
    }
}
