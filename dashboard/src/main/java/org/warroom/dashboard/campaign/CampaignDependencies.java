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

/** What the campaign routes need from the dashboard (the complaint desk takes what a call brings up). */
public record CampaignDependencies(Vertx vertx, CampaignStore store, CampaignMembership membership, WorkerCards cards,
                                   ComplaintBook complaints, TopicWriter writer, AuditLog audit,
                                   DistrictDirectory districts,
                                   StateDirectory states, Words words, Clock clock, ZoneId zone) {
}
