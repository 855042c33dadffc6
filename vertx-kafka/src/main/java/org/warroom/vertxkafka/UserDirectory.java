package org.warroom.vertxkafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.warroom.contracts.account.AccountTopics;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.config.KafkaSettings;

/**
 * The dashboard users: an in-memory view of the compacted topic {@code warroom.users}, rebuilt from the beginning
 * at start and kept up to date (changes made by another dashboard instance arrive here too), and the way users
 * are written. Every change is reported to {@code onChange(previous, current)}, which ends the sessions of a user
 * who was disabled or whose password changed.
 */
public final class UserDirectory {
    private final Map<String, UserAccount> users = new ConcurrentHashMap<>();
    private final TopicWriter writer;
    private final BiConsumer<UserAccount, UserAccount> onChange;
    private CompactedReader reader;

    public UserDirectory(TopicWriter writer, BiConsumer<UserAccount, UserAccount> onChange) {
        this.writer = writer;
        this.onChange = onChange;
    }

    /** Loads every user; completes once the view is complete. Call on the owning verticle's context. */
    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-users-" + instance,
                List.of(AccountTopics.USERS.name()), (topic, key, value, partition, offset) -> {
                    UserAccount account = value == null ? null
                            : AccountTopics.USERS.valueSerde().deserializer().deserialize(topic, value);
                    if (account != null && !account.username().equals(key)) {
                        throw new IllegalArgumentException("user record key " + key + " names " + account.username());
                    }
                    if (account != null) {
                        account.roleEnum();
                    }
                    apply(key, account);
                });
        return reader.start();
    }

    private void apply(String username, UserAccount account) {
        UserAccount previous = account == null ? users.remove(username) : users.put(username, account);
        if (!java.util.Objects.equals(previous, account)) {
            onChange.accept(previous, account);
        }
    }

    public Optional<UserAccount> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(users.get(username));
    }

    /** Every user, by name. */
    public List<UserAccount> all() {
        return users.values().stream().sorted(Comparator.comparing(UserAccount::username)).toList();
    }

    public long admins() {
        return users.values().stream().filter(u -> "admin".equals(u.role()) && !u.disabled()).count();
    }

    /** Writes the user; completes (and the view has it) once Kafka acknowledged it. */
    public Future<UserAccount> save(UserAccount account) {
        return writer.write(AccountTopics.USERS, account.username(), account).map(meta -> {
            apply(account.username(), account);
            return account;
        });
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
