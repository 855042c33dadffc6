package org.warroom.elastic.text;

import org.tartarus.snowball.ext.EnglishStemmer;

/** The English stem of a lower-case Latin word (Snowball's English stemmer, from Lucene): {@code shortages} → {@code shortag}. */
final class EnglishStem {
    private EnglishStem() {
    }

    static String of(String word) {
        EnglishStemmer stemmer = new EnglishStemmer(); // not thread-safe and cheap: one per word
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
