package org.warroom.dashboard.export;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.dashboard.live.LiveState;

/**
 * The district page's complaints-by-department table (and {@code backlogs?district=} across the viewer's
 * districts): open complaints, the oldest, SLA breaches, opened and resolved in the last hour, from the live state.
 */
final class BacklogsTable implements ExportTable {
    private static final List<String> COLUMNS = List.of("district", "districtName", "department", "open",
            "oldestOpenSince", "slaBreaches", "openedLastHour", "resolvedLastHour");

    private final LiveState live;

    BacklogsTable(LiveState live) {
        this.live = live;
    }

    @Override
    public String name() {
        return "backlogs";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("district");
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public long write(Viewer viewer, ExportFilter f, Labels labels, RowSink rows) throws IOException {
        List<BacklogStatus> selected = LiveRows.visible(live, viewer, LiveChannel.BACKLOGS, BacklogStatus.class,
                        f.get("district")).stream()
                .sorted(Comparator.comparing(BacklogStatus::district).thenComparing(BacklogStatus::department))
                .toList();
        for (BacklogStatus b : selected) {
            rows.row(Arrays.asList(b.district(), labels.districtName(b.district()),
                    labels.word("category.", b.department()), b.open(), labels.time(b.oldestOpenSince()),
                    b.slaBreaches(), b.openedLastHour(), b.resolvedLastHour()));
        }
        return selected.size();
    }
}
