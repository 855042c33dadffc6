package org.warroom.streams.workers;

import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.result.DistributionBucket;

/** The display name of a bucket (states and districts have one; skills and status do not). */
@FunctionalInterface
public interface BucketNames {
    /** The English name of {@code key} in dimension {@code by}, or null. */
    String name(String by, String key);

    /** No names at all. */
    static BucketNames none() {
        return (by, key) -> null;
    }

    /** Names of states and districts from the reference tables. */
    static BucketNames from(StateDirectory states, DistrictDirectory districts) {
        return (by, key) -> switch (by) {
            case DistributionBucket.BY_CURRENT_STATE -> states.byCode(key).map(s -> s.name()).orElse(null);
            case DistributionBucket.BY_CURRENT_DISTRICT, DistributionBucket.BY_HOME_DISTRICT ->
                    districts.byCode(key).map(d -> d.name()).orElse(null);
            default -> null;
        };
    }
}
