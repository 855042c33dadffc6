package org.warroom.ingest.kafka;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.triage.AliasProposal;
import org.warroom.contracts.triage.AliasStatus;
import org.warroom.contracts.triage.TriageTopics;
import org.warroom.ingest.reference.DirectoryPlaces;

/**
 * Follows {@code warroom.district-aliases} (the proposed aliases of triage, docs/TRIAGE.md) and teaches
 * {@link DirectoryPlaces} every accepted one as it arrives, so the next message with that spelling is placed at
 * intake. Only a change of what is accepted rebuilds the recogniser.
 */
public final class AcceptedAliases implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AcceptedAliases.class);

    private final Map<String, AliasProposal> proposals = new ConcurrentHashMap<>();
    private final CompactedTopicView<AliasProposal> view;

    public AcceptedAliases(KafkaSettings kafka, DirectoryPlaces places) {
        view = new CompactedTopicView<>(kafka, TriageTopics.ALIASES, "warroom-ingest-aliases", (key, proposal) -> {
            AliasProposal before = proposal == null ? proposals.remove(key) : proposals.put(key, proposal);
            if (accepted(before) != accepted(proposal)) {
                places.learn(proposals.values());
                LOG.info("district aliases learned: {} accepted", proposals.values().stream()
                        .filter(AcceptedAliases::accepted).count());
            }
        });
    }

    private static boolean accepted(AliasProposal p) {
        return p != null && p.status() == AliasStatus.ACCEPTED;
    }

    /** Starts following; the future completes once every alias accepted before start is learned. */
    public CompletableFuture<Void> start() {
        return view.start();
    }

    @Override
    public void close() {
        view.close();
    }
}
