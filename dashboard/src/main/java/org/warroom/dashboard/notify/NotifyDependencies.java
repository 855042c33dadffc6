package org.warroom.dashboard.notify;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.notify.AckLinks;
import org.warroom.contracts.result.Alert;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.vertxkafka.TopicWriter;
import org.warroom.vertxkafka.UserDirectory;

/**
 * What the dashboard hands {@link NotifyRoutes}: its Vert.x, Kafka, the acknowledgement links, its one producer, its user
 * directory and audit log, a look-up of the current alert by id (from its live state), and its clock.
 */
public record NotifyDependencies(Vertx vertx, KafkaSettings kafka, AckLinks ack, TopicWriter writer, UserDirectory users,
                                 AuditLog audit, Function<String, Optional<Alert>> alerts, Clock clock) {
}
