package org.warroom.ingest.intake;

/** Kafka did not acknowledge a batch in time: the request answers 503 and the sender retries. */
public final class KafkaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
