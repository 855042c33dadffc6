package org.warroom.ingest.webhook;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.warroom.contracts.event.CallEventType;
import org.warroom.ingest.auth.ApiKeys;
import org.warroom.ingest.feed.Decoded;
import org.warroom.ingest.intake.Item;

/**
 * Maps Asterisk {@code cdr_csv} files (no header; columns accountcode, src, dst, dcontext, clid, channel,
 * dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, and optionally
 * uniqueid, userfield) to call steps: ANSWERED → started, answered, ended; NO ANSWER, BUSY, FAILED,
 * CONGESTION → started, abandoned. The call id is the uniqueid, else a hash of channel, start and src, so
 * uploading the same file twice sends the same ids. Times ({@code yyyy-MM-dd HH:mm:ss}) are in
 * {@code telephony.zone}.
 */
public final class AsteriskCdr {
    public static final String PROVIDER = "asterisk";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MIN_COLUMNS = 16;

    private final CallSteps calls;

    public AsteriskCdr(CallSteps calls) {
        this.calls = calls;
    }

    /** One item per step; a row that cannot be read is one refused item with its row number. */
    public List<Item> items(Reader csv) {
        List<Item> items = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(csv)) {
            for (CSVRecord row : parser) {
                int line = (int) row.getRecordNumber();
                String raw = String.join(",", row.toList());
                for (Decoded d : row(row)) {
                    items.add(new Item(line, raw, d));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            items.add(new Item(items.size() + 1, null, Decoded.rejected(null, "not a readable CSV file: " + e.getMessage())));
        }
        return items;
    }

    private List<Decoded> row(CSVRecord r) {
        if (r.size() < MIN_COLUMNS) {
            return List.of(Decoded.rejected(null, "a cdr_csv row has at least " + MIN_COLUMNS + " columns, this one "
                    + r.size()));
        }
        String src = r.get(1);
        String dst = r.get(2);
        String channel = r.get(5);
        String disposition = r.get(14).toUpperCase(java.util.Locale.ROOT);
        OffsetDateTime start = time(r.get(9));
        OffsetDateTime answer = time(r.get(10));
        OffsetDateTime end = time(r.get(11));
        if (start == null) {
            return List.of(Decoded.rejected("start", "must be a time yyyy-MM-dd HH:mm:ss (was '" + r.get(9) + "')"));
        }
        if (end == null) {
            end = start.plusSeconds(parseLong(r.get(12)));
        }
        String uniqueId = r.size() > 16 && !r.get(16).isEmpty() ? r.get(16)
                : ApiKeys.sha256(channel + "|" + r.get(9) + "|" + src).substring(0, 20);
        List<Decoded> steps = new ArrayList<>();
        steps.add(calls.step(PROVIDER, uniqueId, dst, src, CallEventType.STARTED, start));
        if (disposition.equals("ANSWERED")) {
            steps.add(calls.step(PROVIDER, uniqueId, dst, src, CallEventType.ANSWERED, answer != null ? answer : start));
            steps.add(calls.step(PROVIDER, uniqueId, dst, src, CallEventType.ENDED, end));
        } else {
            steps.add(calls.step(PROVIDER, uniqueId, dst, src, CallEventType.ABANDONED, end));
        }
        return steps;
    }

    private OffsetDateTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), TIME).atZone(calls.telephony().zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
