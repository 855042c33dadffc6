package org.warroom.dashboard.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.text.Language;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.query.AlertHistory;
import org.warroom.dashboard.query.AlertQuery;

/**
 * The alert history as the alerts page's history shows it ({@code alerts/history}'s filters; a responder's
 * categories applied), every episode the filter selects, newest first, streamed a page at a time.
 */
final class AlertsTable implements ExportTable {
    static final int PAGE = 2_000;
    private static final List<String> COLUMNS = List.of("id", "rule", "district", "districtName", "commodity",
            "severity", "state", "raisedAt", "ackBy", "ackAt", "ackComment", "clearedAt", "value", "threshold",
            "message");

    private final AlertHistory history;
    private final TimeParam times;

    AlertsTable(AlertHistory history, TimeParam times) {
        this.history = history;
        this.times = times;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("state", "district", "rule", "severity", "from", "to");
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public long write(Viewer viewer, ExportFilter f, Labels labels, RowSink rows) throws IOException {
        AlertQuery query = new AlertQuery(f.get("state"), f.get("district"), f.get("rule"), f.get("severity"),
                viewer.categories(), times.parse("from", f.get("from"), false), times.parse("to", f.get("to"), true),
                0, 0);
        try {
            return history.each(viewer.scope(), query, PAGE, a -> {
                try {
                    rows.row(row(a, labels));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<Object> row(Alert a, Labels labels) {
        String message = labels.language() == Language.HI && a.messageHi() != null ? a.messageHi() : a.message();
        return Arrays.asList(a.id(), labels.word("rule.", a.rule()), a.district(), labels.districtName(a.district()),
                a.commodity() == null ? null : labels.word("commodity.", a.commodity().wire()),
                a.severity() == null ? null : labels.word("severity.", a.severity().wire()),
                a.state() == null ? null : labels.word("state.", a.state().wire()), labels.time(a.raisedAt()),
                a.ackBy(), labels.time(a.ackAt()), a.ackComment(), labels.time(a.clearedAt()), a.value(),
                a.threshold(), message);
    }
}
