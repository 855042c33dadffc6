package org.warroom.contracts.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One situation report as it was sent: a scheduled edition's PDF, kept byte for byte so that it can be fetched again
 * identical. Topic {@link ReportTopics#REPORTS} (compacted), keyed by {@link #id()}.
 *
 * @param date        the day reported on (the war room's time zone)
 * @param edition     the scheduled time it was made for, {@code HH:mm} in the war room's time zone
 * @param district    the district reported on, null for the whole state
 * @param language    {@code en} or {@code hi}
 * @param generatedAt when it was made
 * @param pdf         the PDF's bytes
 */
public record StoredReport(LocalDate date, String edition, String district, String language, Instant generatedAt,
                           byte[] pdf) {

    public static String id(LocalDate date, String edition, String district, String language) {
        return date + "|" + edition + "|" + (district == null ? "state" : district) + "|" + language;
    }

    public String id() {
        return id(date, edition, district, language);
    }

    /** The file name it is offered and mailed as. */
    public String fileName() {
        return "situation-report-" + date + "-" + edition.replace(":", "") + (district == null ? "" : "-" + district)
                + "-" + language + ".pdf";
    }
}
