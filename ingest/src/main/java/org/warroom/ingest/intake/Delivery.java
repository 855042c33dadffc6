package org.warroom.ingest.intake;

import java.util.List;
import org.warroom.ingest.validate.LineError;

/**
 * What became of a batch: how many events Kafka acknowledged, how many lines were refused and why (at most the
 * configured number of errors are listed; every one is in the dead-letter topic).
 *
 * @param forbiddenOnly true when every refused line was refused only because the key may not send for its
 *                      district (the request then answers 403 when nothing was accepted)
 */
public record Delivery(int accepted, int rejected, List<LineError> errors, boolean forbiddenOnly) {
    public Delivery {
        errors = List.copyOf(errors);
    }
}
