package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.warroom.contracts.complaint.ComplaintNumber;
import org.warroom.dashboard.access.Scope;
import org.warroom.elastic.doc.ComplaintDoc;
import org.warroom.elastic.doc.PersonalData;

/**
 * What search adds for desk complaints (docs/SEARCH.md, "Complaints"): a query that is a complaint number as typed or
 * read back ({@code mp 396 123}) finds that complaint, one that is a phone number (ten digits or more, with or
 * without {@code +91}, spaces, dashes) finds the complaints of that caller — whatever the role; what a hit shows of the
 * phone, name and text is masked unless the role may see personal data.
 */
final class ComplaintSearch {
    private ComplaintSearch() {
    }

    /** The exact clauses of a query: the complaint number, the caller's phone; none when it is neither. */
    static List<Query> exact(String q) {
        List<Query> out = new ArrayList<>();
        ComplaintNumber.parse(q).ifPresent(n -> out.add(Scoping.term("number", n.toString())));
        if (q.matches("[+\\d][\\d\\s()-]{8,}\\d")) {
            String key = ComplaintDoc.phoneKey(q);
            if (key != null) {
                out.add(Scoping.term("phoneDigits", key));
            }
        }
        return out;
    }

    /** A complaint hit: id and ticket = the number, its desk, state, category, and the caller's phone as the role may see it. */
    static SearchResult.Item item(JsonNode d, Scope scope, FoldedQuery folded) {
        String text = Queries.text(d, "text");
        if (!scope.personalData()) {
            text = PersonalData.maskText(text);
        }
        String number = Queries.text(d, "number");
        return new SearchResult.Item(SearchQuery.Feed.COMPLAINTS.wire(), number, Queries.text(d, "district"),
                Queries.time(d, "at"), text, Highlighter.fragments(text, folded), Queries.text(d, "channel"),
                Queries.text(d, "category"), null, number, null, Queries.text(d, "department"),
                Queries.text(d, scope.personalData() ? "phone" : "phoneMasked"), Queries.text(d, "state"), null);
    }
}
