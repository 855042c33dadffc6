package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.StringJoiner;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveStep;
import org.warroom.elastic.text.TextKeys;

/**
 * A directive as indexed (family {@code directives}, id = directive id, the latest step replaces the document).
 * {@code text} is what the directive says followed by the notes of its steps (progress, closing, return), so that
 * search finds a directive by what was reported on it; {@code textKeys} its search keys ({@link TextKeys}).
 * {@code at} is when it was issued; {@code departmentKey} the owning desk in lower case (an officer's search filter).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectiveDoc(
        String id,
        long version,
        String district,
        String department,
        String departmentKey,
        String state,
        String priority,
        String issuedBy,
        String alert,
        String shortage,
        OffsetDateTime at,
        OffsetDateTime deadline,
        OffsetDateTime updatedAt,
        String text,
        String textKeys) {

    public static DirectiveDoc of(Directive d) {
        StringJoiner text = new StringJoiner("\n");
        if (d.text() != null) {
            text.add(d.text());
        }
        for (DirectiveStep s : d.history()) {
            if (s.note() != null && !s.note().isBlank()) {
                text.add(s.note());
            }
        }
        String all = text.toString();
        return new DirectiveDoc(d.id(), d.version(), d.district(), d.department(),
                d.department() == null ? null : d.department().toLowerCase(Locale.ROOT),
                d.state() == null ? null : d.state().wire(), d.priority() == null ? null : d.priority().wire(),
                d.issuedBy(), d.alert(), d.shortage(), d.issuedAt(), d.deadline(), d.updatedAt(), all,
                TextKeys.ofText(all));
    }
}
