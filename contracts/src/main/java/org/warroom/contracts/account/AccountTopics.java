package org.warroom.contracts.account;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/**
 * The accounts topic: written by the dashboard (administrators manage users there), read by the dashboard (sign-in,
 * roles, scope) and by the notifier (whom to tell, at which address).
 */
public final class AccountTopics {
    /** Dashboard users (hashes only), keyed by username; compacted: the latest record per user is the user. */
    public static final Topic<String, UserAccount> USERS =
            new Topic<>("warroom.users", Serdes.String(), JsonSerde.of(UserAccount.class), true);

    private AccountTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(USERS);
    }
}
