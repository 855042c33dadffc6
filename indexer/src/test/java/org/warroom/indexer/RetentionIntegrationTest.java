package org.warroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.elastic.AuditLog;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.Retention;
import org.warroom.elastic.doc.AuditEntry;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.RealElasticsearch;

/**
 * Retention on the real local Elasticsearch, which has no index lifecycle module: the indexer's own scheduled
 * deletion removes exactly the monthly indices past their retention on the test's clock, and keeps the rest.
 */
@ExtendWith(RealElasticsearch.class)
class RetentionIntegrationTest {
    @Test
    @DisplayName("without ILM the indexer deletes exactly the expired monthly indices (log, metric, audit) and keeps the rest")
    void shouldDeleteExactlyTheExpiredIndices(LocalElasticsearch es) throws IOException {
        String prefix = "ret" + System.nanoTime();
        Settings settings = Settings.ofKeys(Map.of("es.url", es.url(), "es.index.prefix", prefix,
                "retention.messages", "30d", "retention.tickets", "365d"));
        ElasticSettings elastic = ElasticSettings.from(settings);
        IndexNames names = elastic.names();
        try (ElasticsearchClient client = ElasticClientFactory.create(elastic)) {
            IndexTemplates.install(client, elastic);
            assertThat(client.indices().getIndexTemplate(t -> t.name(names.template(IndexFamily.MESSAGES)))
                    .indexTemplates().get(0).indexTemplate().composedOf())
                    .as("the family's template names its lifecycle component (absent here: ignored)")
                    .containsExactly(names.lifecycleComponent(IndexFamily.MESSAGES));
            List<String> created = List.of(prefix + "-messages-2026.04", prefix + "-messages-2026.05",
                    prefix + "-messages-2026.06", prefix + "-tickets-2025.05", prefix + "-tickets-2025.06",
                    prefix + "-snapshots-2020.01", prefix + "-workers-v1", prefix + "-audit-2024.01");
            for (String index : created) {
                client.indices().create(c -> c.index(index));
            }
            MeterRegistry registry = ServiceMetrics.create().registry();
            Clock clock = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
            RetentionJob job = new RetentionJob(client, names, Retention.from(settings), clock, registry);

            assertThat(job.lifecycleSupported()).as("the local distribution has no x-pack-ilm module").isFalse();
            RetentionJob.Report report = job.run();

            assertThat(report.lifecycle()).isFalse();
            // April's messages were due on 31 May (30 days after 1 June); May 2025's tickets on 1 June 2026
            assertThat(report.deleted()).extracting(Retention.Due::index)
                    .containsExactly(prefix + "-messages-2026.04", prefix + "-tickets-2025.05");
            for (String index : created) {
                boolean expired = report.deleted().stream().anyMatch(d -> d.index().equals(index));
                assertThat(client.indices().exists(e -> e.index(index)).value()).as(index).isEqualTo(!expired);
            }
            assertThat(registry.get("warroom.indexer.retention.deleted").tag("family", "messages").counter().count())
                    .isEqualTo(1.0);
            assertThat(registry.get("warroom.indexer.retention.deleted").tag("family", "tickets").counter().count())
                    .isEqualTo(1.0);
            client.indices().refresh(r -> r.index(names.pattern(IndexFamily.AUDIT)));
            List<AuditEntry> audited = new AuditLog(client, names).find(null, null, "indexer", "retention.delete", 0, 10)
                    .items();
            assertThat(audited).extracting(AuditEntry::target)
                    .containsExactlyInAnyOrder(prefix + "-messages-2026.04", prefix + "-tickets-2025.05");
            assertThat(audited).allSatisfy(a -> assertThat(a.at()).isEqualTo(clock.instant()));
            assertThat(audited.stream().filter(a -> a.target().endsWith("messages-2026.04")).findFirst().orElseThrow()
                    .details()).containsEntry("dueAt", "2026-05-31T00:00:00Z").containsEntry("retentionDays", "30");

            // the next run finds nothing more due; a month later, May's messages go
            assertThat(job.run().deleted()).isEmpty();
            RetentionJob later = new RetentionJob(client, names, Retention.from(settings),
                    Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC), ServiceMetrics.create().registry());
            assertThat(later.run().deleted()).extracting(Retention.Due::index)
                    .containsExactly(prefix + "-messages-2026.05", prefix + "-tickets-2025.06");
            assertThat(client.indices().exists(e -> e.index(prefix + "-messages-2026.06")).value()).isTrue();
        }
    }
}
