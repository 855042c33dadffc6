package org.warroom.contracts.trace;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The correlation id that follows an event from ingest to the dashboard (docs/LOGGING.md, "Correlation ids"): the
 * HTTP header {@value #HTTP_HEADER} (taken from the caller when well formed, else the trace id of a W3C
 * {@code traceparent}, else a new 32-hex id), the Kafka record header {@value #KAFKA_HEADER} on the records it
 * gives rise to, and the log field {@value #LOG_FIELD} (ECS {@code trace.id}, from the thread context).
 */
public final class TraceIds {
    public static final String HTTP_HEADER = "X-Request-Id";
    public static final String KAFKA_HEADER = "warroom.trace.id";
    /** The ECS field, and the thread-context (MDC) key that the JSON layout turns into it. */
    public static final String LOG_FIELD = "trace.id";

    private static final Pattern GIVEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceIds() {
    }

    /** The id of a request: its well-formed {@code X-Request-Id}, else its {@code traceparent}'s trace id, else new. */
    public static String of(String requestId, String traceparent) {
        if (requestId != null && GIVEN.matcher(requestId.strip()).matches()) {
            return requestId.strip();
        }
        if (traceparent != null) {
            Matcher m = TRACEPARENT.matcher(traceparent.strip());
            if (m.matches() && !ZERO_TRACE.equals(m.group(1))) {
                return m.group(1);
            }
        }
        return fresh();
    }

    /** A new id: 16 random bytes in hex, the shape of a W3C trace id. */
    public static String fresh() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Puts the id on a record's headers (replacing any). */
    public static void put(Headers headers, String id) {
        headers.remove(KAFKA_HEADER);
        headers.add(KAFKA_HEADER, id.getBytes(StandardCharsets.UTF_8));
    }

    /** The id a record carries, if any. */
    public static Optional<String> read(Headers headers) {
        if (headers == null) {
            return Optional.empty();
        }
        Header last = headers.lastHeader(KAFKA_HEADER);
        return last == null || last.value() == null ? Optional.empty()
                : Optional.of(new String(last.value(), StandardCharsets.UTF_8));
    }
}
