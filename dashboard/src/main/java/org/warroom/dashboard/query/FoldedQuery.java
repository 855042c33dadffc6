package org.warroom.dashboard.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.warroom.elastic.text.TextKeys;
import org.warroom.elastic.text.WordKey;
import org.warroom.elastic.text.Words;

/**
 * The words of a search query folded to search keys ({@link TextKeys}), as Elasticsearch clauses on the documents'
 * {@link TextKeys#FIELD}: every word must match (its key or another of its forms, or within one typing error from
 * five letters), a word written {@code -word} must not. Quotes, {@code |}, parentheses and {@code prefix*} words are the
 * plain-text search's business ({@link SearchService}); here a quoted phrase counts as its words and a prefix word
 * is left out.
 */
record FoldedQuery(List<WordKey> wanted, List<WordKey> unwanted, List<String> prefixes) {

    static FoldedQuery parse(String q) {
        List<WordKey> wanted = new ArrayList<>();
        List<WordKey> unwanted = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String token : q.split("[\\s|+()\"]+")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean not = token.startsWith("-");
            if (token.endsWith("*")) {
                if (!not) {
                    Words.of(token).stream().reduce((a, b) -> b).ifPresent(w -> prefixes.add(w.word().toLowerCase(java.util.Locale.ROOT)));
                }
                continue;
            }
            for (Words.Span w : Words.of(token)) {
                WordKey k = TextKeys.of(w.word());
                if (!k.key().isEmpty()) {
                    (not ? unwanted : wanted).add(k);
                }
            }
        }
        return new FoldedQuery(List.copyOf(wanted), List.copyOf(unwanted), List.copyOf(prefixes));
    }

    /** Every wanted word matched in the keys; empty when no word is wanted. */
    Optional<Query> allWanted() {
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Query.of(q -> q.bool(b -> {
            wanted.forEach(w -> b.must(word(w)));
            return b;
        })));
    }

    /** The unwanted words, each of which excludes a document that has it. */
    List<Query> excluded() {
        return unwanted.stream().map(FoldedQuery::word).toList();
    }

    private static Query word(WordKey w) {
        return Query.of(q -> q.bool(b -> {
            b.should(s -> s.term(t -> t.field(TextKeys.FIELD).value(w.key()).boost(2f)));
            w.forms().stream().skip(1).forEach(f -> b.should(s -> s.term(t -> t.field(TextKeys.FIELD).value(f))));
            if (w.edits() > 0) {
                b.should(s -> s.fuzzy(f -> f.field(TextKeys.FIELD).value(w.key())
                        .fuzziness(Integer.toString(w.edits())).prefixLength(1).transpositions(true)));
            }
            return b.minimumShouldMatch("1");
        }));
    }
}
