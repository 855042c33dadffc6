package org.warroom.contracts.triage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.warroom.contracts.reference.NameNormalizer;

/**
 * A spelling operators used for a district when placing messages, proposed as a new alias of that district's name
 * (docs/TRIAGE.md). Topic {@code warroom.district-aliases} (compacted), keyed by {@link #key()}; ingest's recogniser
 * learns the {@link AliasStatus#ACCEPTED accepted} ones live.
 *
 * @param spelling   the words as first typed ("Bhpoal")
 * @param district   LGD district code
 * @param placements how many placements used this spelling for this district
 * @param status     proposed, accepted or rejected
 * @param decidedBy  the administrator who accepted or rejected it; null while proposed
 * @param updatedAt  the last change
 * @param version    1 when first proposed, +1 on every change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AliasProposal(String spelling, String district, int placements, AliasStatus status, String decidedBy,
                            OffsetDateTime updatedAt, long version) {

    public AliasProposal {
        Objects.requireNonNull(spelling, "spelling");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(status, "status");
    }

    /** The topic key: the spelling's name key (case and spelling variants folded) and the district code. */
    @JsonIgnore
    public String key() {
        return key(spelling, district);
    }

    public static String key(String spelling, String district) {
        return NameNormalizer.key(spelling) + "|" + district;
    }
}
