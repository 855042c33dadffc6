package org.warroom.dashboard.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as CSV: RFC 4180 (fields with a comma, quote or line break quoted, quotes doubled, CRLF line ends) in
 * UTF-8 with a byte-order mark, so Excel opens Devanagari correctly; text cells through {@link CellGuard}.
 */
final class CsvTableWriter implements TableWriter {
    /** The UTF-8 byte-order mark. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final OutputStream out;
    private final CSVPrinter printer;
    private boolean started;

    CsvTableWriter(OutputStream out) throws IOException {
        this.out = out;
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 32 * 1024),
                CSVFormat.RFC4180);
    }

    @Override
    public void header(List<String> titles) throws IOException {
        row(titles);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        if (!started) {
            out.write(BOM);
            started = true;
        }
        List<Object> guarded = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            guarded.add(cell instanceof String s ? CellGuard.text(s) : cell);
        }
        printer.printRecord(guarded);
    }

    @Override
    public void finish() throws IOException {
        if (!started) {
            out.write(BOM);
            started = true;
        }
        printer.flush();
    }
}
