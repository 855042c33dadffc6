package org.warroom.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.nodes.info.NodeInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.elastic.AuditLog;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.Retention;
import org.warroom.elastic.doc.AuditEntry;

/**
 * Applies the {@link Retention} of every monthly index family, the same way on any cluster. Where Elasticsearch runs
 * its index lifecycle module ({@code x-pack-ilm} on every node), it puts one lifecycle policy per family (delete
 * phase, {@code min_age} = the retention), the component template that names it (which the family's index template
 * is composed of, {@link org.warroom.elastic.IndexTemplates}), and on every existing index of the family the policy
 * and {@code index.lifecycle.origination_date} = the end of the index's month, so ILM deletes it when this class
 * would. Where it does not (the local minimal distribution), it deletes the due indices itself: a log line, the
 * counter {@code warroom.indexer.retention.deleted{family}} and an audit entry ({@code retention.delete}) each.
 * Run at start and every {@code retention.check.interval}; on the injected clock.
 */
public final class RetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final String ILM_MODULE = "x-pack-ilm";

    /** What one run did: whether ILM applies it, and the indices this run deleted (none under ILM). */
    public record Report(boolean lifecycle, List<Retention.Due> deleted) {
    }

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final Retention retention;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<IndexFamily, Counter> deleted = new EnumMap<>(IndexFamily.class);
    private final Counter failures;

    public RetentionJob(ElasticsearchClient client, IndexNames names, Retention retention, Clock clock,
                        MeterRegistry registry) {
        this.client = client;
        this.names = names;
        this.retention = retention;
        this.audit = new AuditLog(client, names);
        this.clock = clock;
        for (IndexFamily family : IndexFamily.values()) {
            if (family.monthly()) {
                deleted.put(family, Counter.builder("warroom.indexer.retention.deleted").tag("family", family.word())
                        .description("monthly indices deleted by the indexer at the end of their retention")
                        .register(registry));
            }
        }
        failures = Counter.builder("warroom.indexer.retention.failures")
                .description("retention runs that failed (Elasticsearch away or refusing)").register(registry);
    }

    /** One run; a failure is logged and counted, and the next run tries again. */
    public Optional<Report> runQuietly() {
        try {
            return Optional.of(run());
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warn("retention run failed, next run retries: {}", e.toString());
            return Optional.empty();
        }
    }

    /** One run. */
    public Report run() {
        try {
            if (lifecycleSupported()) {
                applyLifecycle();
                return new Report(true, List.of());
            }
            return new Report(false, deleteDue());
        } catch (IOException e) {
            throw new UncheckedIOException("retention: Elasticsearch unreachable", e);
        }
    }

    /** Whether every node runs the index lifecycle module. */
    boolean lifecycleSupported() throws IOException {
        Map<String, NodeInfo> nodes = client.nodes().info(n -> n.metric("plugins")).nodes();
        return !nodes.isEmpty() && nodes.values().stream().allMatch(node -> node.modules() != null
                && node.modules().stream().anyMatch(m -> ILM_MODULE.equals(m.name())));
    }

    private List<Retention.Due> deleteDue() throws IOException {
        Instant now = clock.instant();
        List<Retention.Due> out = new ArrayList<>();
        for (Retention.Due due : retention.due(names, monthlyIndices(), now)) {
            try {
                client.indices().delete(d -> d.index(due.index()));
            } catch (ElasticsearchException e) {
                if (e.status() == 404) {
                    continue; // another indexer deleted it meanwhile
                }
                throw e;
            }
            deleted.get(due.family()).increment();
            LOG.info("retention: deleted index {} ({} of {}, kept {} days past the month)", due.index(),
                    due.family().word(), due.month(), due.retention().toDays());
            Map<String, String> details = new LinkedHashMap<>();
            details.put("family", due.family().word());
            details.put("month", due.month().toString());
            details.put("retentionDays", Long.toString(due.retention().toDays()));
            details.put("dueAt", Retention.dueAt(due.month(), due.retention()).toString());
            audit.record(new AuditEntry(null, now, "indexer", "system", "retention.delete", due.index(), null, "ok",
                    null, details));
            out.add(due);
        }
        return out;
    }

    private Set<String> monthlyIndices() throws IOException {
        List<String> patterns = new ArrayList<>();
        for (IndexFamily family : IndexFamily.values()) {
            if (retention.of(family).isPresent()) {
                patterns.add(names.pattern(family));
            }
        }
        if (patterns.isEmpty()) {
            return Set.of();
        }
        return client.indices().get(g -> g.index(patterns).allowNoIndices(true).ignoreUnavailable(true)
                .expandWildcards(co.elastic.clients.elasticsearch._types.ExpandWildcard.Open,
                        co.elastic.clients.elasticsearch._types.ExpandWildcard.Closed)).result().keySet();
    }

    /** Policies, component templates, and each existing index's policy and origination date. */
    private void applyLifecycle() throws IOException {
        for (IndexFamily family : IndexFamily.values()) {
            if (!family.monthly()) {
                continue;
            }
            String component = names.lifecycleComponent(family);
            Optional<Duration> period = retention.of(family);
            if (period.isEmpty()) {
                // kept for ever: new indices get no policy
                client.cluster().putComponentTemplate(c -> c.name(component).template(t -> t));
                continue;
            }
            String policy = names.lifecyclePolicy(family);
            String minAge = period.get().toMillis() + "ms";
            client.ilm().putLifecycle(p -> p.name(policy).policy(pol -> pol
                    .meta("description", co.elastic.clients.json.JsonData.of("warroom: delete " + family.word()
                            + " indices " + period.get().toDays() + " days after their month (docs/RETENTION.md)"))
                    .phases(ph -> ph.delete(d -> d.minAge(a -> a.time(minAge)).actions(a -> a.delete(x -> x))))));
            client.cluster().putComponentTemplate(c -> c.name(component)
                    .template(t -> t.settings(s -> s.lifecycle(l -> l.name(policy)))));
            for (String index : client.indices().get(g -> g.index(names.pattern(family)).allowNoIndices(true)
                    .ignoreUnavailable(true)).result().keySet()) {
                names.month(family, index).ifPresent(month -> {
                    long origin = Retention.dueAt(month, Duration.ZERO).toEpochMilli();
                    try {
                        client.indices().putSettings(s -> s.index(index).settings(i -> i.lifecycle(l -> l.name(policy)
                                .originationDate(origin))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            LOG.info("retention: {} indices under lifecycle policy {} (delete {} days after their month)",
                    family.word(), policy, period.get().toDays());
        }
    }
}
