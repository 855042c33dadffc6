package org.warroom.notifier;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.account.AccountTopics;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertAck;
import org.warroom.contracts.report.ReportTopics;
import org.warroom.contracts.social.SocialTopics;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.TopicCreator;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.notifier.social.MastodonProvider;
import org.warroom.notifier.social.PostPublisher;
import org.warroom.notifier.social.SocialConfig;
import org.warroom.notifier.social.SocialProvider;
import org.warroom.notifier.social.XProvider;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;
import org.warroom.vertxkafka.UserDirectory;

/**
 * The notifier: topics ensured, then users, subscriptions and the whole delivery log loaded (so what was sent
 * before a restart is known), then {@code warroom.alerts} and {@code warroom.alert-acks} consumed in the group
 * {@code notify.group} — each assigned partition read from its beginning (the alerts topic is compacted: that is
 * every open alert) — and the {@link Notifier} ticked every {@code notify.tick.interval} and shortly
 * ({@code notify.batch.window}) after alerts arrive, once caught up. Deployment succeeds only when all that is loaded.
 */
public final class NotifierVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierVerticle.class);

    private final NotifyConfig config;
    private final Clock clock;
    private final ServiceMetrics metrics;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private Context context;
    private TopicWriter writer;
    private UserDirectory users;
    private CompactedReader subscriptions;
    private CompactedReader deliveries;
    private KafkaConsumer<byte[], byte[]> alerts;
    private Notifier notifier;
    private HttpClient http;
    private boolean tickScheduled;
    private long periodic = -1;
    private ReportMailer reports;
    private PostPublisher posts;
    private CitizenReplySender citizenReplies;

    /** @param clock drives escalation, quiet hours, tokens and rates (tests move it) */
    public NotifierVerticle(NotifyConfig config, Clock clock) {
        this(config, clock, ServiceMetrics.create());
    }

    /** @param metrics the process's registry, where the delivery meters go ({@link NotifierMetrics}) */
    public NotifierVerticle(NotifyConfig config, Clock clock, ServiceMetrics metrics) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The registry this notifier reports to. */
    public ServiceMetrics metrics() {
        return metrics;
    }

    @Override
    public Future<?> start() {
        context = vertx.getOrCreateContext();
        http = HttpClient.newBuilder().connectTimeout(config.httpTimeout()).build();
        return vertx.executeBlocking(() -> {
            List<Topic<?, ?>> topics = new ArrayList<>(NotifyTopics.all());
            topics.add(ResultTopics.ALERTS);
            topics.add(ResultTopics.ALERT_ACKS);
            topics.add(AccountTopics.USERS);
            topics.addAll(ReportTopics.all());
            topics.addAll(SocialTopics.all());
            topics.addAll(AuditTopics.all());
            topics.add(ComplaintTopics.CITIZEN_REPLY_REQUESTS);
            topics.add(ComplaintTopics.CITIZEN_REPLIES);
            new TopicCreator(config.kafka()).ensure(topics);
            return null;
        }).compose(v -> {
            writer = new TopicWriter(vertx, config.kafka(), Duration.ofSeconds(15));
            users = new UserDirectory(writer, (before, after) -> { });
            notifier = new Notifier(vertx, config, config.policy(), channels(),
                    config.ack().tokens(clock),
                    new MessageText(DistrictDirectory.load(), ZoneId.of("Asia/Kolkata")),
                    new DeliveryLog(writer, d -> notifier.onDelivery(d)), users::all, users::find, clock,
                    new NotifierMetrics(metrics.registry()));
            subscriptions = new CompactedReader(vertx, config.kafka(), "warroom-notifier-subscriptions-" + instance,
                    List.of(NotifyTopics.SUBSCRIPTIONS.name()), (topic, key, value, p, o) -> notifier.onSubscription(key,
                    NotifyTopics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(topic, value)));
            deliveries = new CompactedReader(vertx, config.kafka(), "warroom-notifier-deliveries-" + instance,
                    List.of(NotifyTopics.DELIVERIES.name()), (topic, key, value, p, o) -> {
                        if (value != null) {
                            notifier.onDelivery(NotifyTopics.DELIVERIES.valueSerde().deserializer()
                                    .deserialize(topic, value));
                        }
                    });
            return Future.all(users.start(vertx, config.kafka(), "notifier-" + instance), subscriptions.start(),
                    deliveries.start());
        }).compose(v -> consumeAlerts()).compose(v -> startReportMailer()).compose(v -> startPosts())
                .compose(v -> startCitizenReplies()).onSuccess(v -> {
            if (!config.tickInterval().isZero()) {
                periodic = vertx.setPeriodic(config.tickInterval().toMillis(), t -> tickNow());
            }
            LOG.info("notifier ready: {} open alert(s), channels {}", notifier.openAlerts(), channelNames());
        });
    }

    /** Mails the scheduled situation reports when a distribution list and SMTP are configured. */
    private Future<Void> startReportMailer() {
        if (config.reportMailTo().isEmpty() || config.smtpUrl().isEmpty()) {
            return Future.succeededFuture();
        }
        reports = new ReportMailer(vertx, config, new EmailChannel(vertx, config.smtpUrl().get(), config.smtpUser(),
                config.smtpPassword(), config.smtpFrom(), config.smtpStartTlsRequired(), config.httpTimeout(), clock),
                clock);
        return reports.start(instance);
    }

    /** Publishes the approved social-media posts through the configured providers (docs/BULLETIN.md). */
    private Future<Void> startPosts() {
        SocialConfig social = config.social();
        List<SocialProvider> providers = new ArrayList<>();
        social.mastodonUrl().ifPresent(url -> providers.add(new MastodonProvider(vertx, http, url,
                social.mastodonToken().orElseThrow(), config.httpTimeout())));
        social.xToken().ifPresent(token -> providers.add(new XProvider(vertx, http, social.xUrl(), token,
                config.httpTimeout())));
        posts = new PostPublisher(vertx, config.kafka(), config.group(), writer, social, providers, config.attempts(),
                config.backoff(), config.backoffMax(), clock);
        return posts.start(instance);
    }

    /** Tells citizens what the grievance desk asks, through the SMS and WhatsApp channels (docs/COMPLAINTS.md). */
    private Future<Void> startCitizenReplies() {
        citizenReplies = new CitizenReplySender(vertx, config.kafka(), config.group(), writer, channels(),
                config.attempts(), config.backoff(), config.backoffMax(), clock);
        return citizenReplies.start(instance);
    }

    /** The citizen reply sender (tests). */
    public CitizenReplySender citizenReplies() {
        return citizenReplies;
    }

    /** The social-media publisher (tests). */
    public PostPublisher posts() {
        return posts;
    }

    private List<Channel> channels() {
        List<Channel> out = new ArrayList<>();
        config.smtpUrl().ifPresent(url -> out.add(new EmailChannel(vertx, url, config.smtpUser(),
                config.smtpPassword(), config.smtpFrom(), config.smtpStartTlsRequired(), config.httpTimeout(), clock)));
        config.smsGateway().ifPresent(gateway -> out.add(new SmsGatewayChannel(vertx, http, gateway,
                config.httpTimeout())));
        if (config.smsAccountSid().isPresent() && config.smsAuthToken().isPresent()) {
            config.smsFrom().filter(from -> config.smsGateway().isEmpty()).ifPresent(from -> out.add(new TwilioChannel(vertx, http, ChannelKind.SMS,
                    config.smsApiBase(), config.smsAccountSid().get(), config.smsAuthToken().get(), from,
                    config.httpTimeout())));
            config.whatsappFrom().ifPresent(from -> out.add(new TwilioChannel(vertx, http, ChannelKind.WHATSAPP,
                    config.smsApiBase(), config.smsAccountSid().get(), config.smsAuthToken().get(), from,
                    config.httpTimeout())));
        }
        out.add(new WebhookChannel(vertx, http, config.webhookSecret(), config.httpTimeout(), clock));
        return out;
    }

    private String channelNames() {
        return channels().stream().map(c -> c.kind().wire()).toList().toString();
    }

    /** Joins the group on alerts and acknowledgements; completes once caught up with what existed at assignment. */
    private Future<Void> consumeAlerts() {
        Map<String, String> props = new HashMap<>();
        config.kafka().client().forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.put("group.id", config.group());
        props.put("client.id", "warroom-notifier-" + instance);
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        alerts = KafkaConsumer.create(vertx, props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        metrics.bind(alerts.unwrap());
        Promise<Void> ready = Promise.promise();
        alerts.exceptionHandler(e -> LOG.warn("alerts consumer: {}", e.toString()));
        alerts.partitionsAssignedHandler(assigned -> {
            caughtUp.set(false);
            alerts.seekToBeginning(assigned)
                    .compose(v -> alerts.endOffsets(assigned))
                    .onSuccess(end -> waitCaughtUp(end, ready))
                    .onFailure(e -> LOG.warn("cannot read the alerts from the beginning: {}", e.toString()));
        });
        alerts.handler(this::handle);
        alerts.subscribe(Set.of(ResultTopics.ALERTS.name(), ResultTopics.ALERT_ACKS.name()));
        return ready.future();
    }

    private void waitCaughtUp(Map<TopicPartition, Long> end, Promise<Void> ready) {
        List<Future<Boolean>> checks = new ArrayList<>();
        end.forEach((tp, last) -> checks.add(last == 0 ? Future.succeededFuture(true)
                : alerts.position(tp).map(pos -> pos >= last)));
        Future.all(checks).onComplete(ar -> {
            if (ar.succeeded() && checks.stream().allMatch(Future::result)) {
                caughtUp.set(true);
                ready.tryComplete();
                scheduleTick();
            } else {
                vertx.setTimer(50, t -> waitCaughtUp(end, ready));
            }
        });
    }

    private void handle(KafkaConsumerRecord<byte[], byte[]> r) {
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        try {
            if (ResultTopics.ALERTS.name().equals(r.topic())) {
                Alert alert = ResultTopics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                notifier.onAlert(key, alert);
                if (caughtUp.get()) {
                    scheduleTick();
                }
            } else {
                AlertAck ack = ResultTopics.ALERT_ACKS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                if (ack != null) {
                    notifier.onAck(ack.alertId());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("skipped unreadable record {}-{} offset {} key {}: {}", r.topic(), r.partition(), r.offset(), key,
                    e.getMessage());
        }
    }

    private void scheduleTick() {
        if (config.batchWindow().isZero() || tickScheduled) {
            return;
        }
        tickScheduled = true;
        vertx.setTimer(config.batchWindow().toMillis(), t -> {
            tickScheduled = false;
            tickNow();
        });
    }

    private void tickNow() {
        if (caughtUp.get()) {
            notifier.tick().onSuccess(r -> {
                if (r.messages() > 0) {
                    LOG.info("sent {} message(s) for {} notification(s)", r.messages(), r.notifications());
                }
            });
        }
    }

    /** Runs one tick now on the notifier's context (tests call this after moving the clock). */
    public Future<Notifier.TickReport> tick() {
        Promise<Notifier.TickReport> done = Promise.promise();
        context.runOnContext(v -> notifier.tick().onComplete(done));
        return done.future();
    }

    /** Whether the notifier has read every alert that existed when it joined. */
    public boolean ready() {
        return caughtUp.get();
    }

    /** Asks something of the engine on its context (tests: whether an alert arrived or was acknowledged). */
    public <T> Future<T> inspect(java.util.function.Function<Notifier, T> question) {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> done.complete(question.apply(notifier)));
        return done.future();
    }

    @Override
    public Future<?> stop() {
        if (periodic >= 0) {
            vertx.cancelTimer(periodic);
        }
        List<Future<?>> closing = new ArrayList<>();
        if (reports != null) {
            closing.add(reports.close());
        }
        if (posts != null) {
            closing.add(posts.close());
        }
        if (citizenReplies != null) {
            closing.add(citizenReplies.close());
        }
        if (alerts != null) {
            closing.add(alerts.close());
        }
        if (subscriptions != null) {
            closing.add(subscriptions.close());
        }
        if (deliveries != null) {
            closing.add(deliveries.close());
        }
        if (users != null) {
            closing.add(users.close());
        }
        return Future.join(closing).onComplete(ar -> {
            if (writer != null) {
                writer.close();
            }
        });
    }
}
