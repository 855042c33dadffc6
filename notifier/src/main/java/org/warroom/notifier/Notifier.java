package org.warroom.notifier;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.notify.AckTokens;
import org.warroom.contracts.notify.AlertCategories;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.contracts.notify.Delivery;
import org.warroom.contracts.notify.Subscription;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;

/**
 * The delivery engine, confined to one Vert.x context. It keeps the open alerts, the acknowledgements, the
 * subscriptions and what was already sent (rebuilt from the delivery log), and on every {@link #tick()} works out
 * who is due a notification: each step of the alert's escalation chain whose delay has passed since the first step
 * (measured on the injected clock), to the people of that step whose account covers the alert and whose
 * subscription wants it, on each subscribed channel they have a contact for — once per alert, step, person and
 * channel. Several alerts due to one person on one channel in the same tick ({@code notify.digest.threshold} or
 * more) go as one digest. Quiet hours hold everything but CRITICAL; a channel over its rate waits for a later tick.
 * An acknowledged or cleared alert is no longer escalated.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /** What one tick did. */
    public record TickReport(int messages, int notifications, int held, int rateLimited) {
    }

    private record Due(Alert alert, int step, String user, ChannelKind channel, String address) {
        String id() {
            return Delivery.idOf(alert.id(), step, user, channel);
        }
    }

    private static final AlertAudience AUDIENCE = new AlertAudience(DistrictDirectory.load());
    private final Vertx vertx;
    private final NotifyConfig config;
    private final EscalationPolicy policy;
    private final Map<ChannelKind, Channel> channels;
    private final Map<ChannelKind, RateLimiter> limits = new HashMap<>();
    private final AckTokens tokens;
    private final MessageText text;
    private final DeliveryLog log;
    private final Supplier<Collection<UserAccount>> users;
    private final Function<String, Optional<UserAccount>> user;
    private final Clock clock;
    private final NotifierMetrics metrics;

    private final Map<String, Alert> alerts = new HashMap<>();
    private final Set<String> acknowledged = new HashSet<>();
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final Map<String, Instant> chainStart = new HashMap<>();
    private final Set<String> settled = new HashSet<>();
    private final Set<String> inFlight = new HashSet<>();

    public Notifier(Vertx vertx, NotifyConfig config, EscalationPolicy policy, Collection<Channel> channels,
                    AckTokens tokens, MessageText text, DeliveryLog log, Supplier<Collection<UserAccount>> users,
                    Function<String, Optional<UserAccount>> user, Clock clock, NotifierMetrics metrics) {
        this.metrics = metrics;
        this.vertx = vertx;
        this.config = config;
        this.policy = policy;
        this.channels = new HashMap<>();
        channels.forEach(c -> this.channels.put(c.kind(), c));
        config.rates().forEach((k, v) -> limits.put(k, RateLimiter.parse("notify.rate." + k.wire(), v, clock)));
        this.tokens = tokens;
        this.text = text;
        this.log = log;
        this.users = users;
        this.user = user;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ inputs

    /** A record of {@code warroom.alerts} (null: tombstone). */
    void onAlert(String id, Alert alert) {
        if (alert == null || alert.state() == AlertState.CLEARED) {
            alerts.remove(id);
            chainStart.remove(id);
            return;
        }
        if (alert.state() == AlertState.ACKNOWLEDGED) {
            acknowledged.add(id);
        }
        alerts.put(id, alert);
    }

    /** A record of {@code warroom.alert-acks}: the alert is no longer escalated. */
    void onAck(String alertId) {
        acknowledged.add(alertId);
    }

    void onSubscription(String username, Subscription subscription) {
        if (subscription == null) {
            subscriptions.remove(username);
        } else {
            subscriptions.put(username, subscription);
        }
    }

    /** A record of the delivery log (at start, and our own writes): what settled is never sent again. */
    void onDelivery(Delivery d) {
        if (d.settles()) {
            settled.add(d.id());
        }
        if (d.step() == 1 && (Delivery.SENDING.equals(d.outcome()) || Delivery.SENT.equals(d.outcome()))) {
            chainStart.merge(d.alertId(), d.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    public int openAlerts() {
        return alerts.size();
    }

    public boolean knows(String alertId) {
        return alerts.containsKey(alertId);
    }

    public boolean isAcknowledged(String alertId) {
        return acknowledged.contains(alertId);
    }

    // ------------------------------------------------------------------ the tick

    /** Sends everything due now; completes when every message of this tick was delivered or given up. */
    public Future<TickReport> tick() {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        int held = 0;
        for (Alert alert : List.copyOf(alerts.values())) {
            if (alert.state() != AlertState.ACTIVE || acknowledged.contains(alert.id())) {
                continue;
            }
            Instant start = chainStart.computeIfAbsent(alert.id(), k -> now);
            Set<String> categories = AlertCategories.of(alert);
            for (EscalationPolicy.Step step : policy.chainFor(AlertCategories.chainOf(alert), alert.severity())) {
                if (now.isBefore(start.plus(step.after()))) {
                    continue;
                }
                for (UserAccount account : recipients(step, alert, categories)) {
                    Subscription sub = subscriptions.get(account.username());
                    if (sub == null || !sub.wants(alert.district(), categories, alert.severity())) {
                        continue;
                    }
                    if (sub.quietHours() != null && alert.severity() != Severity.CRITICAL
                            && sub.quietHours().contains(now)) {
                        held++;
                        continue;
                    }
                    for (ChannelKind channel : sub.channels()) {
                        String address = channel.addressIn(account.contact());
                        if (address == null) {
                            continue;
                        }
                        Due d = new Due(alert, step.number(), account.username(), channel, address);
                        if (!settled.contains(d.id()) && !inFlight.contains(d.id())) {
                            due.add(d);
                        }
                    }
                }
            }
        }
        // one message per person, channel and step; a digest when several alerts are due to them at once
        Map<String, List<Due>> byPerson = new LinkedHashMap<>();
        for (Due d : due) {
            byPerson.computeIfAbsent(d.user() + "#" + d.channel() + "#" + d.address(), k -> new ArrayList<>()).add(d);
        }
        List<List<Due>> messages = new ArrayList<>();
        for (List<Due> group : byPerson.values()) {
            if (group.size() >= Math.max(2, config.digestThreshold())) {
                messages.add(group);
            } else {
                group.forEach(d -> messages.add(List.of(d)));
            }
        }
        List<Future<Void>> sends = new ArrayList<>();
        int limited = 0;
        int notifications = 0;
        for (List<Due> message : messages) {
            ChannelKind channel = message.get(0).channel();
            RateLimiter limit = limits.get(channel);
            if (limit != null && !limit.tryAcquire()) {
                limited++;
                metrics.rateLimited(channel);
                continue;
            }
            notifications += message.size();
            message.forEach(d -> inFlight.add(d.id()));
            sends.add(send(message));
        }
        if (limited > 0) {
            LOG.warn("{} message(s) over their channel's rate wait for the next tick", limited);
        }
        metrics.held(held);
        TickReport report = new TickReport(sends.size(), notifications, held, limited);
        return Future.join(sends).transform(ar -> Future.succeededFuture(report));
    }

    private Future<Void> send(List<Due> message) {
        Due first = message.get(0);
        int step = message.stream().mapToInt(Due::step).max().orElse(1);
        List<MessageText.Item> items = message.stream()
                .map(d -> new MessageText.Item(d.alert(), config.ackLink(tokens.issue(d.alert().id(), d.user()))))
                .toList();
        Outgoing out = new Outgoing(first.id(), first.channel(), first.address(), text.subject(items, step),
                text.text(items, step), text.json(first.id(), first.user(), step, items),
                items.size() == 1 ? Outgoing.ALERT : Outgoing.ALERT_DIGEST, text.values(items, step));
        List<String> digest = message.size() == 1 ? null : message.stream().map(d -> d.alert().id()).toList();
        Channel channel = channels.get(first.channel());
        Future<Attempted> delivered;
        if (channel == null) {
            delivered = Future.succeededFuture(new Attempted(false, 0,
                    "channel " + first.channel().wire() + " is not configured"));
        } else {
            delivered = log.writeAll(records(message, Delivery.SENDING, 0, null, digest))
                    .compose(v -> attempt(channel, out, message, digest, 1));
        }
        return delivered.onSuccess(result -> metrics.settled(first.channel(), result.ok(), message.size()))
                .compose(result -> log.writeAll(records(message,
                        result.ok() ? Delivery.SENT : Delivery.UNDELIVERABLE, result.attempts(), result.error(), digest)))
                .onComplete(ar -> message.forEach(d -> {
                    inFlight.remove(d.id());
                    settled.add(d.id());
                }))
                .onFailure(e -> LOG.error("delivery log write failed for {}: {}", first.id(), e.toString()))
                .recover(e -> Future.succeededFuture());
    }

    private record Attempted(boolean ok, int attempts, String error) {
    }

    /** Sends, retrying with exponential backoff; every failed attempt is logged as {@code failed}. */
    private Future<Attempted> attempt(Channel channel, Outgoing out, List<Due> message, List<String> digest, int n) {
        return channel.send(out).map(v -> new Attempted(true, n, null)).recover(e -> {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean permanent = e instanceof Channel.PermanentFailure;
            metrics.attemptFailed(channel.kind());
            if (permanent || n >= config.attempts()) {
                LOG.warn("{} undeliverable after {} attempt(s): {}", out.deliveryId(), n, error);
                return Future.succeededFuture(new Attempted(false, n, error));
            }
            Duration wait = config.backoff().multipliedBy(1L << Math.min(n - 1, 20));
            if (wait.compareTo(config.backoffMax()) > 0) {
                wait = config.backoffMax();
            }
            Promise<Attempted> next = Promise.promise();
            long delay = Math.max(1, wait.toMillis());
            log.writeAll(records(message, "failed", n, error, digest)).onComplete(w ->
                    vertx.setTimer(delay, t ->
                            attempt(channel, out, message, digest, n + 1).onComplete(next)));
            return next.future();
        });
    }

    private List<Delivery> records(List<Due> message, String outcome, int attempts, String error, List<String> digest) {
        Instant at = clock.instant();
        return message.stream().map(d -> new Delivery(d.id(), d.alert().id(), d.step(), d.user(), d.channel(),
                d.alert().district(), outcome, at, attempts, error, mask(d.channel(), d.address()), digest)).toList();
    }

    // ------------------------------------------------------------------ who

    private List<UserAccount> recipients(EscalationPolicy.Step step, Alert alert, Set<String> categories) {
        Map<String, UserAccount> out = new LinkedHashMap<>();
        for (UserAccount account : users.get()) {
            if (account.disabled()) {
                continue;
            }
            Optional<Role> role = Role.parse(account.role());
            if (role.isPresent() && step.roles().contains(role.get()) && AUDIENCE.covers(account, role.get(), alert, categories)) {
                out.put(account.username(), account);
            }
        }
        for (String name : step.users()) {
            user.apply(name).filter(a -> !a.disabled()).ifPresent(a -> out.put(a.username(), a));
        }
        return List.copyOf(out.values());
    }

    /** An address as the delivery log keeps it: enough to tell which, not enough to reuse. */
    static String mask(ChannelKind channel, String address) {
        if (address == null) {
            return null;
        }
        return switch (channel) {
            case EMAIL -> {
                int at = address.indexOf('@');
                yield at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
            }
            case SMS, WHATSAPP -> address.length() <= 4 ? "***" : "***" + address.substring(address.length() - 4);
            case WEBHOOK -> {
                try {
                    java.net.URI u = java.net.URI.create(address);
                    yield u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/…";
                } catch (IllegalArgumentException e) {
                    yield "***";
                }
            }
        };
    }
}
