package org.warroom.ingest.validate;

/**
 * One rejected input line as the sender sees it in an answer: {@code {"line", "field", "reason"}}.
 *
 * @param line   1-based line of the request body or of the uploaded file (its header is line 1)
 * @param field  the offending field, or null when the line as a whole is wrong (not JSON, too long)
 * @param reason what is wrong, in words the sender can act on (allowed values, did-you-mean)
 */
public record LineError(int line, String field, String reason) {
}
