package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.warroom.dashboard.access.Scope;

/**
 * The server-side half of every scoped query: the filter that keeps a caller to their districts, and the check
 * that an explicit district is inside the scope. Every query service goes through it.
 */
final class Scoping {
    /** The field every index family carries for scoping. */
    static final String DISTRICT = "district";

    private Scoping() {
    }

    /**
     * The filter limiting documents to the scope's districts, or empty for a whole-state scope. A scope with no
     * districts at all sees nothing.
     */
    static Optional<Query> filter(Scope scope) {
        if (scope.allDistricts()) {
            return Optional.empty();
        }
        if (scope.districts().isEmpty()) {
            return Optional.of(Query.of(q -> q.bool(b -> b.mustNot(m -> m.matchAll(a -> a)))));
        }
        List<FieldValue> values = scope.districts().stream().sorted().map(FieldValue::of).toList();
        return Optional.of(Query.of(q -> q.terms(t -> t.field(DISTRICT).terms(v -> v.value(values)))));
    }

    /** Rejects an explicit district filter outside the scope; returns it (null when none was asked for). */
    static String checkDistrict(Scope scope, String district) {
        if (district == null || district.isBlank()) {
            return null;
        }
        String d = district.strip();
        if (!d.matches("[A-Za-z0-9_-]{1,16}")) {
            throw QueryRejected.invalid("district", "not a district code: '" + d + "'");
        }
        if (!scope.sees(d)) {
            throw QueryRejected.forbidden("district", "district " + d + " is outside your scope");
        }
        return d;
    }

    /** A range filter on a date field, [from, to); empty when both are null. */
    static Optional<Query> range(String field, Instant from, Instant to) {
        if (from == null && to == null) {
            return Optional.empty();
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw QueryRejected.invalid("from", "'from' must be before 'to'");
        }
        return Optional.of(Query.of(q -> q.range(r -> r.date(d -> {
            d.field(field);
            if (from != null) {
                d.gte(from.toString());
            }
            if (to != null) {
                d.lt(to.toString());
            }
            return d;
        }))));
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    static void checkPage(int offset, int size, int maxSize) {
        if (offset < 0) {
            throw QueryRejected.invalid("offset", "must be 0 or more");
        }
        if (size < 0 || size > maxSize) {
            throw QueryRejected.invalid("size", "must be between 0 and " + maxSize);
        }
        if (offset + size > 10_000) {
            throw QueryRejected.invalid("offset", "paging is limited to the first 10000 results; narrow the query");
        }
    }
}
