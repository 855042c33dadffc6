package org.warroom.contracts.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.warroom.contracts.result.Severity;

/**
 * What one person wants to be told, and how. Topic {@code warroom.subscriptions} (compacted), keyed by
 * {@link #user()}: the latest record is the subscription; a tombstone removes it.
 *
 * @param districts  LGD codes; empty: every district the person's account covers
 * @param categories commodities, departments or rules; empty: all of the account's categories
 * @param severities empty: every severity
 * @param channels   where to send; each needs the matching contact on the account (email, phone, webhook)
 * @param quietHours null: none; CRITICAL alerts are sent in quiet hours all the same
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(String user, List<String> districts, List<String> categories, List<Severity> severities,
                           List<ChannelKind> channels, QuietHours quietHours, Instant updatedAt, String updatedBy) {
    public Subscription {
        districts = districts == null ? List.of() : List.copyOf(districts);
        categories = categories == null ? List.of() : List.copyOf(categories);
        severities = severities == null ? List.of() : List.copyOf(severities);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** Whether an alert of this district, categories and severity is wanted (the account's scope is checked apart). */
    public boolean wants(String district, java.util.Collection<String> alertCategories, Severity severity) {
        if (!districts.isEmpty() && (district == null || !districts.contains(district))) {
            return false;
        }
        if (!categories.isEmpty() && !alertCategories.isEmpty()
                && alertCategories.stream().noneMatch(categories::contains)) {
            return false;
        }
        return severities.isEmpty() || severities.contains(severity);
    }
}
