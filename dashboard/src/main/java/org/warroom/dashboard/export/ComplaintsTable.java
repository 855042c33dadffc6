package org.warroom.dashboard.export;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.dashboard.access.Viewer;
import org.warroom.dashboard.complaint.ComplaintBook;
import org.warroom.dashboard.complaint.ComplaintListing;
import org.warroom.dashboard.complaint.ComplaintViews;

/**
 * The complaints list ({@code complaints?state=&district=&department=&assignee=}) without its 500-item page limit:
 * what the viewer's desk sees, each complaint as the list item shows it to them ({@link ComplaintViews}: the
 * caller's phone masked and the name left out unless the viewer's scope shows personal data), oldest open first.
 */
final class ComplaintsTable implements ExportTable {
    private static final List<String> COLUMNS = List.of("number", "district", "districtName", "department",
            "category", "commodity", "state", "openedAt", "slaDueAt", "overdue", "assignee", "channel", "phone", "name",
            "text");

    private final ComplaintBook book;
    private final ComplaintViews views;
    private final Supplier<Instant> now;

    ComplaintsTable(ComplaintBook book, ComplaintViews views, Supplier<Instant> now) {
        this.book = book;
        this.views = views;
        this.now = now;
    }

    @Override
    public String name() {
        return "complaints";
    }

    @Override
    public Set<String> parameters() {
        return Set.of("state", "district", "department", "assignee");
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public long write(Viewer viewer, ExportFilter f, Labels labels, RowSink rows) throws IOException {
        ComplaintListing listing = ComplaintListing.of(f.get("state"), f.get("district"), f.get("department"),
                f.get("assignee"));
        Instant at = now.get();
        long n = 0;
        Iterator<Complaint> selected = listing.select(viewer, book.all()).iterator();
        while (selected.hasNext()) {
            rows.row(row(views.item(selected.next(), viewer, at), labels));
            n++;
        }
        return n;
    }

    private static List<Object> row(Map<String, Object> c, Labels labels) {
        String district = (String) c.get("district");
        return Arrays.asList(c.get("number"), district, labels.districtName(district),
                labels.word("category.", c.get("department")), labels.word("category.", c.get("category")),
                labels.word("commodity.", c.get("commodity")), labels.word("complaint.state.", c.get("state")),
                labels.time((OffsetDateTime) c.get("openedAt")), labels.time((OffsetDateTime) c.get("slaDueAt")),
                labels.word("common.", Boolean.TRUE.equals(c.get("overdue")) ? "yes" : "no"), c.get("assignee"),
                c.get("channel"), c.get("phone"), c.get("name"), c.get("text"));
    }
}
