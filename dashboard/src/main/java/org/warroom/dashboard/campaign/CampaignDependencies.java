package org.warroom.dashboard.campaign;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZoneId;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.text.Words;
import org.warroom.dashboard.audit.AuditLog;
import org.warroom.dashboard.complaint.ComplaintBook;
import org.warroom.vertxkafka.TopicWriter;

/**
 * What the campaign routes need from the dashboard (the complaint desk takes what a call brings up; the users'
 * contacts give an agent's own phone for click-to-call through {@code dialer}, when a provider is configured).
 */
public record CampaignDependencies(Vertx vertx, CampaignStore store, CampaignMembership membership, WorkerCards cards,
                                   ComplaintBook complaints, TopicWriter writer, AuditLog audit,
                                   DistrictDirectory districts,
                                   StateDirectory states, Words words, Clock clock, ZoneId zone,
                                   java.util.Optional<org.warroom.dashboard.campaign.dial.Dialer> dialer,
                                   org.warroom.vertxkafka.UserDirectory users) {
}
