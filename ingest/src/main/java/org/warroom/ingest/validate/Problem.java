package org.warroom.ingest.validate;

/** What is wrong with one field of one record, before it is tied to a line. {@code field} null: the whole record. */
public record Problem(String field, String reason) {
    public LineError at(int line) {
        return new LineError(line, field, reason);
    }
}
