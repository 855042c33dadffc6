package org.warroom.contracts.result;

/**
 * How many registered workers fall in one bucket of one dimension. Topic {@code warroom.worker-distribution}
 * (compacted), keyed by {@link #key(String, String)} ({@code "currentState|10"}, {@code "skill|mason"}). API.md's
 * {@code workers/distribution} answer is {@code {"by", "total", "buckets": [{"key", "name"?, "count"}]}}: the
 * dashboard groups these by {@link #by()} and takes {@code total} from {@link WorkerTotals}.
 *
 * @param by    {@code currentState}, {@code currentDistrict}, {@code skill}, {@code homeDistrict} or {@code status}
 * @param key   LGD code for states and districts, the value itself for skills and status; {@link #UNKNOWN} when
 *              the record has no value for the dimension
 * @param name  English name of a state or district when the reference table knows it; null otherwise
 * @param count workers in the bucket now (0 once the last one left)
 */
public record DistributionBucket(String by, String key, String name, long count) {
    public static final String BY_CURRENT_STATE = "currentState";
    public static final String BY_CURRENT_DISTRICT = "currentDistrict";
    public static final String BY_SKILL = "skill";
    public static final String BY_HOME_DISTRICT = "homeDistrict";
    public static final String BY_STATUS = "status";
    /** The bucket of workers with no value for a dimension (e.g. no current district yet). */
    public static final String UNKNOWN = "unknown";

    /** The topic key: {@code by|key}. */
    public static String key(String by, String key) {
        return by + "|" + key;
    }

    public String topicKey() {
        return key(by, key);
    }
}
