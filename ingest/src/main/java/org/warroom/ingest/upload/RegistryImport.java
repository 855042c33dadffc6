package org.warroom.ingest.upload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.json.Json;
import org.warroom.ingest.feed.Decoded;
import org.warroom.ingest.feed.WorkersDecoder;
import org.warroom.ingest.intake.Deliverer;
import org.warroom.ingest.intake.Delivery;
import org.warroom.ingest.intake.Item;

/**
 * Imports a worker registry CSV ({@code id,name,phone,homeDistrict,skills,status,currentState,currentDistrict,
 * verifiedAt}, optional {@code source}; skills separated by {@code ;}; UTF-8, a byte-order mark tolerated) as
 * worker records, streaming: rows are read one at a time and delivered in batches, each batch acknowledged by
 * Kafka before the next is read, so memory stays flat whatever the file size. Every row goes through the same
 * validation as {@code POST /v1/workers}. Line numbers are lines of the file (the header is line 1).
 */
public final class RegistryImport {
    public static final List<String> COLUMNS = List.of("id", "name", "phone", "homeDistrict", "skills", "status",
            "currentState", "currentDistrict", "verifiedAt");
    static final int BATCH = 5_000;

    private final WorkersDecoder decoder;
    private final Deliverer deliverer;
    private final int batchSize;

    public RegistryImport(WorkersDecoder decoder, Deliverer deliverer) {
        this(decoder, deliverer, BATCH);
    }

    RegistryImport(WorkersDecoder decoder, Deliverer deliverer, int batchSize) {
        this.decoder = decoder;
        this.deliverer = deliverer;
        this.batchSize = batchSize;
    }

    /** Runs the import to its end, recording progress in {@code job}; blocking. */
    public void run(InputStream csv, UploadJob job, String source, Predicate<String> districtAllowed) {
        try (Reader reader = reader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(reader)) {
            Set<String> header = Set.copyOf(parser.getHeaderNames());
            List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                job.fail("the header row lacks " + String.join(", ", missing) + "; expected " + String.join(",", COLUMNS));
                return;
            }
            boolean hasSource = header.contains("source");
            List<Item> batch = new ArrayList<>(batchSize);
            long rows = 0;
            for (CSVRecord record : parser) {
                rows++;
                batch.add(item(record, (int) Math.min(Integer.MAX_VALUE, rows + 1), hasSource));
                if (batch.size() == batchSize) {
                    deliver(batch, job, rows, source, districtAllowed);
                    batch = new ArrayList<>(batchSize);
                }
            }
            deliver(batch, job, rows, source, districtAllowed);
            job.finish();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            job.fail("the file could not be read as CSV: " + e.getMessage());
        } catch (org.warroom.ingest.intake.KafkaUnavailableException e) {
            job.fail("Kafka is unavailable; upload the file again later (rows sent twice are harmless)");
        }
    }

    private void deliver(List<Item> batch, UploadJob job, long rows, String source, Predicate<String> districtAllowed) {
        if (batch.isEmpty()) {
            job.progress(rows, 0, 0, List.of());
            return;
        }
        Delivery d = deliverer.deliver("workers", source, batch, districtAllowed);
        job.progress(rows, d.accepted(), d.rejected(), d.errors());
    }

    private Item item(CSVRecord r, int line, boolean hasSource) {
        if (!r.isConsistent()) {
            return new Item(line, String.join(",", r.toList()), Decoded.rejected(null,
                    "row has " + r.size() + " columns, the header " + r.getParser().getHeaderNames().size()));
        }
        ObjectNode node = Json.mapper().createObjectNode();
        for (String column : COLUMNS) {
            String value = r.get(column);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (column.equals("skills")) {
                var skills = node.putArray("skills");
                for (String skill : value.split(";")) {
                    skills.add(skill.strip());
                }
            } else {
                node.put(column, value);
            }
        }
        if (hasSource && !r.get("source").isEmpty()) {
            node.put("source", r.get("source"));
        }
        return new Item(line, String.join(",", r.toList()), decoder.decode(node, WorkerSource.REGISTRY));
    }

    /** UTF-8 (malformed bytes replaced, so one bad byte costs one row, not the file), without a leading BOM. */
    static Reader reader(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int n = pushback.readNBytes(bom, 0, 3);
        boolean isBom = n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
        if (!isBom && n > 0) {
            pushback.unread(bom, 0, n);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(pushback, decoder), 64 * 1024);
    }
}
