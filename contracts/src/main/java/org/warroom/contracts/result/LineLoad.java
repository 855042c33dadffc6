package org.warroom.contracts.result;

/**
 * Live load of one helpline line. Topic {@code warroom.call-load} (compacted), keyed by {@link #line()}. The first
 * five fields are API.md's {@code calls/load} item.
 *
 * @param inProgress calls started or answered and not yet ended, abandoned or expired
 * @param capacity   concurrent calls the line can take (configuration {@code line.capacity.<line>})
 * @param waiting    calls started and not yet answered (nor ended, abandoned or expired)
 * @param perMinute  distinct calls whose {@code started} step lies within the last minute
 * @param load       inProgress ÷ capacity (0 when the capacity is 0)
 * @param expired    calls given up on since the start because they stayed in progress too long (a lost end)
 */
public record LineLoad(String line, int inProgress, int capacity, int waiting, int perMinute, double load, long expired) {
}
