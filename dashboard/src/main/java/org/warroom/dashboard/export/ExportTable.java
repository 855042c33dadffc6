package org.warroom.dashboard.export;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.warroom.dashboard.access.Viewer;

/**
 * One exportable table: its name in the path ({@code /api/v1/exports/{name}.csv}), the filter parameters it takes
 * (the same as its screen's), its columns (titles from the word bundles, {@code export.<name>.<column>}), and its
 * rows for one viewer: scoped and masked exactly as that viewer's screen shows them.
 */
interface ExportTable {

    String name();

    Set<String> parameters();

    List<String> columns();

    /**
     * Checks the filter (a bad or out-of-scope one throws before the first row: {@code ApiError} or
     * {@code QueryRejected}), then hands every row to {@code rows}, in the screen's order; returns how many.
     */
    long write(Viewer viewer, ExportFilter filter, Labels labels, RowSink rows) throws IOException;

    /** Takes one row of cells (text, number or null), in {@link #columns()} order. */
    @FunctionalInterface
    interface RowSink {
        void row(List<?> cells) throws IOException;
    }
}
