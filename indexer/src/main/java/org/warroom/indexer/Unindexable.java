package org.warroom.indexer;

/** A Kafka record that can never be indexed (not valid JSON of its type, no id): it goes to the dead-letter topic. */
final class Unindexable extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    Unindexable(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
