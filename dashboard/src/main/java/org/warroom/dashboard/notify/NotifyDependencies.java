package org.warroom.dashboard.notify;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.warroom.contracts.result.Alert;
import org.warroom.dashboard.admin.TopicWriter;
import org.warroom.dashboard.admin.UserDirectory;
import org.warroom.dashboard.audit.AuditLog;

/**
 * What the dashboard hands {@link NotifyRoutes}: its Vert.x, the notify configuration, its one producer, its user
 * directory and audit log, a look-up of the current alert by id (from its live state), and its clock.
 */
public record NotifyDependencies(Vertx vertx, NotifyConfig config, TopicWriter writer, UserDirectory users,
                                 AuditLog audit, Function<String, Optional<Alert>> alerts, Clock clock) {
}
