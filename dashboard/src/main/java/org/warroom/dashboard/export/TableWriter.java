package org.warroom.dashboard.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes one table, row by row, to a stream as it goes (nothing but a small window is kept): a header row, then rows.
 * A cell is text ({@link String}), a number ({@link Number}) or empty ({@code null}).
 */
public interface TableWriter {

    void header(List<String> titles) throws IOException;

    void row(List<?> cells) throws IOException;

    /** Writes what is left (for XLSX: the whole file structure) and flushes; the stream stays open. */
    void finish() throws IOException;
}
