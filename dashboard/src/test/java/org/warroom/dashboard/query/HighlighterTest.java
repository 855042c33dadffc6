package org.warroom.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    @DisplayName("marks the words a query matched in any script, escapes the rest")
    void shouldMarkAcrossScriptsAndEscape() {
        assertThat(Highlighter.fragments("<b>इंदौर</b> में दूध & पानी नहीं", FoldedQuery.parse("doodh paani")))
                .containsExactly("&lt;b&gt;इंदौर&lt;/b&gt; में <mark>दूध</mark> &amp; <mark>पानी</mark> नहीं");
        assertThat(Highlighter.fragments("Medicines short", FoldedQuery.parse("medicine"))).containsExactly("<mark>Medicines</mark> short");
        assertThat(Highlighter.fragments("rashan nahi mila", FoldedQuery.parse("राश*"))).isEmpty();
        assertThat(Highlighter.fragments("rashan nahi mila", FoldedQuery.parse("rash*"))).containsExactly("<mark>rashan</mark> nahi mila");
        assertThat(Highlighter.fragments("दूध", FoldedQuery.parse(""))).isEmpty();
    }

    @Test
    @DisplayName("a long text gives at most three fragments around the matches")
    void shouldCutLongTextsIntoFragments() {
        String filler = "kuch aur baat ".repeat(30);
        String text = "doodh " + filler + "dudh " + filler + "दूध " + filler + "doodh " + filler;
        var fragments = Highlighter.fragments(text, FoldedQuery.parse("dudh"));
        assertThat(fragments).hasSize(3).allSatisfy(f -> assertThat(f).contains("<mark>").hasSizeLessThan(220));
    }

    @Test
    @DisplayName("query words: wanted, unwanted (-word), prefixes; syntax characters are not words")
    void shouldParseTheQuery() {
        FoldedQuery q = FoldedQuery.parse("\"doodh nahi\" -indore | bho* (paani)");
        assertThat(q.wanted()).extracting(w -> w.key()).containsExactly("dud", "nahi", "pani");
        assertThat(q.unwanted()).extracting(w -> w.key()).containsExactly("indor");
        assertThat(q.prefixes()).containsExactly("bho");
        assertThat(FoldedQuery.parse("* | \\").allWanted()).isEmpty();
    }
}
