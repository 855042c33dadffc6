package org.warroom.contracts.triage;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.triage.TriageRefused.Reason;

/**
 * How placements become aliases: a placement that names a spelling the district table does not already know for that
 * district proposes it (or counts one more placement for the proposal); an administrator accepts or rejects a
 * proposal once, naming the version seen. A spelling is accepted for one district only.
 */
public final class AliasLearning {
    private AliasLearning() {
    }

    /** The proposal after this placement, or empty when the placement teaches nothing. */
    public static Optional<AliasProposal> afterPlacement(Placement p, AliasProposal existing, DistrictDirectory known,
                                                         OffsetDateTime at) {
        if (p.spelling() == null) {
            return Optional.empty();
        }
        if (existing != null) {
            return Optional.of(new AliasProposal(existing.spelling(), existing.district(), existing.placements() + 1,
                    existing.status(), existing.decidedBy(), at, existing.version() + 1));
        }
        boolean alreadyNamed = known.allNamed(p.spelling()).stream().anyMatch(d -> d.code().equals(p.district()));
        if (alreadyNamed) {
            return Optional.empty();
        }
        return Optional.of(new AliasProposal(p.spelling(), p.district(), 1, AliasStatus.PROPOSED, null, at, 1));
    }

    /**
     * The decided proposal, or {@link TriageRefused}: stale version or already decided (409), accepting a spelling
     * already accepted for another district (422), a decision that is not accept or reject (400).
     */
    public static AliasProposal decide(AliasProposal current, AliasStatus decision, long seenVersion, String by,
                                       OffsetDateTime at, Collection<AliasProposal> all) {
        if (decision == null || decision == AliasStatus.PROPOSED) {
            throw new TriageRefused(Reason.INVALID, "decision", "is required: accepted or rejected", current.version(),
                    current);
        }
        if (seenVersion != current.version() || current.status() != AliasStatus.PROPOSED) {
            throw new TriageRefused(Reason.STALE, "version", current.status() == AliasStatus.PROPOSED
                    ? "the proposal changed (version " + current.version() + "); reload it"
                    : "the proposal was " + current.status().wire() + " by " + current.decidedBy() + " already",
                    current.version(), current);
        }
        if (decision == AliasStatus.ACCEPTED) {
            String spellingKey = AliasProposal.key(current.spelling(), "");
            for (AliasProposal other : all) {
                if (other.status() == AliasStatus.ACCEPTED && !other.district().equals(current.district())
                        && AliasProposal.key(other.spelling(), "").equals(spellingKey)) {
                    throw new TriageRefused(Reason.NOT_ALLOWED, "decision", "'" + current.spelling()
                            + "' is an accepted alias of district " + other.district() + " already", current.version(),
                            current);
                }
            }
        }
        return new AliasProposal(current.spelling(), current.district(), current.placements(), decision, by, at,
                current.version() + 1);
    }
}
