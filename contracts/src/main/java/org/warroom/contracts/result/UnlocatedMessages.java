package org.warroom.contracts.result;

/**
 * Citizen messages whose district could be neither given nor recognised, in the last hour (exact, by {@code at}).
 * Topic {@code warroom.unlocated-messages} (compacted), one key {@link #KEY}.
 */
public record UnlocatedMessages(int lastHour) {
    public static final String KEY = "all";
}
