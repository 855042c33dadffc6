package org.warroom.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.elastic.doc.AuditEntry;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.RealElasticsearch;

/** The audit log in Elasticsearch is append-only: an entry is never overwritten, and it is found by actor and action. */
@ExtendWith(RealElasticsearch.class)
class AuditAppendOnlyIntegrationTest {

    @Test
    @DisplayName("a second write with an existing id does not change the entry; entries are searchable by actor, action and time")
    void shouldNeverOverwriteAnEntry(LocalElasticsearch es) throws Exception {
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(),
                "es.index.prefix", "audit" + System.nanoTime())));
        try (ElasticsearchClient client = ElasticClientFactory.create(settings)) {
            IndexTemplates.install(client, settings);
            AuditLog log = new AuditLog(client, settings.names());
            String id = UUID.randomUUID().toString();
            Instant at = Instant.parse("2026-11-20T05:00:00Z");
            log.record(new AuditEntry(id, at, "cmd-396", "commander", "alert.ack", "a1", "396", "ok", "10.0.0.7", Map.of()));
            log.record(new AuditEntry(id, at, "cmd-396", "commander", "alert.ack", "a1", "396", "tampered", "10.0.0.9",
                    Map.of("note", "rewritten")));
            log.record(new AuditEntry(null, at.plusSeconds(60), "admin", "admin", "user.save", "cmd-396", null, "ok", null, Map.of()));

            eventually(Duration.ofSeconds(20), () -> {
                AuditLog.Page byActor = log.find(at.minusSeconds(1), at.plusSeconds(3600), "cmd-396", null, 0, 10);
                assertThat(byActor.items()).singleElement().satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo("ok");
                    assertThat(e.remote()).isEqualTo("10.0.0.7");
                    assertThat(e.details()).isEmpty();
                });
                assertThat(log.find(null, null, null, "user.save", 0, 10).items()).singleElement()
                        .satisfies(e -> assertThat(e.target()).isEqualTo("cmd-396"));
                assertThat(log.find(at.plusSeconds(3600), null, null, null, 0, 10).total()).isZero();
            });
        }
    }
}
