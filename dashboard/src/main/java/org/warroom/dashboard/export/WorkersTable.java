package org.warroom.dashboard.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.query.WorkerPage;
import org.warroom.dashboard.query.WorkerQuery;
import org.warroom.dashboard.query.WorkerSearch;

/**
 * The worker registry as the workers page's search shows it ({@code workers/search}'s filters and masking: names and
 * phones masked unless the viewer's scope shows personal data, the clear values not even read), every worker the
 * filter selects, by id, streamed from Elasticsearch a page at a time.
 */
final class WorkersTable implements ExportTable {
    static final int PAGE = 5_000;
    private static final List<String> COLUMNS = List.of("id", "name", "phone", "homeDistrict", "currentState",
            "currentDistrict", "skills", "status", "verifiedAt", "source", "at");

    private final WorkerSearch search;

    WorkersTable(WorkerSearch search) {
        this.search = search;
    }

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("q", "district", "homeDistrict", "currentDistrict", "currentState", "skill", "status");
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public long write(Viewer viewer, ExportFilter f, Labels labels, RowSink rows) throws IOException {
        WorkerQuery query = new WorkerQuery(f.get("q"), f.get("district"), f.get("homeDistrict"),
                f.get("currentDistrict"), f.get("currentState"), f.get("skill"), f.get("status"), 0, 0);
        try {
            return search.each(viewer.scope(), query, PAGE, w -> {
                try {
                    rows.row(row(w, labels));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<Object> row(WorkerPage.Worker w, Labels labels) {
        return Arrays.asList(w.id(), w.name(), w.phone(), w.homeDistrict(), w.currentState(), w.currentDistrict(),
                w.skills() == null ? null : String.join("; ", w.skills()), labels.word("workers.status.", w.status()),
                labels.time(w.verifiedAt()), w.source(), labels.time(w.at()));
    }
}
