package org.warroom.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.config.Settings;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.RealElasticsearch;

/** The index templates, installed on the real node, give every index the mappings and settings they claim. */
@ExtendWith(RealElasticsearch.class)
class IndexTemplatesIntegrationTest {

    @Test
    @DisplayName("the current month's index of every family is created ahead of the first document, once (issue 19, defect 2)")
    void shouldCreateTheCurrentIndicesAhead(LocalElasticsearch es) throws Exception {
        String prefix = "ahead" + System.nanoTime();
        ElasticSettings settings = ElasticSettings.from(es.settings().with(Map.of("es.index.prefix", prefix)));
        try (ElasticsearchClient client = ElasticClientFactory.create(settings)) {
            IndexTemplates.install(client, settings);
            Instant now = Instant.parse("2026-12-07T13:00:00Z");

            assertThat(IndexTemplates.createIndices(client, settings, now)).containsExactlyInAnyOrder(
                    prefix + "-calls-2026.12", prefix + "-tickets-2026.12", prefix + "-messages-2026.12",
                    prefix + "-reports-2026.12", prefix + "-workers-v1", prefix + "-snapshots-2026.12",
                    prefix + "-alerts-2026.12", prefix + "-audit-2026.12", prefix + "-deliveries-2026.12",
                    prefix + "-directives-2026.12", prefix + "-shift-2026.12", prefix + "-campaign-calls-2026.12",
                    prefix + "-complaints-2026.12");
            assertThat(IndexTemplates.createIndices(client, settings, now)).isEmpty();
            // the last day of a month: next month's indices too
            assertThat(IndexTemplates.createIndices(client, settings, Instant.parse("2026-12-31T20:00:00Z")))
                    .contains(prefix + "-reports-2027.01").doesNotContain(prefix + "-workers-v1");
            assertThat(properties(client, prefix + "-messages-2026.12").get("text").isText()).isTrue();
            // directives and the shift log are searched like messages: text with its folded keys beside it
            for (String family : new String[] {"directives", "shift", "complaints"}) {
                assertThat(properties(client, prefix + "-" + family + "-2026.12").get("text").isText()).isTrue();
                assertThat(properties(client, prefix + "-" + family + "-2026.12").get("textKeys").isText()).isTrue();
                assertThat(properties(client, prefix + "-" + family + "-2026.12").get("district").isKeyword()).isTrue();
            }
            // complaints (issue 20): found by number and the caller's phone digits; the history kept, not searched
            assertThat(properties(client, prefix + "-complaints-2026.12").get("number").isKeyword()).isTrue();
            assertThat(properties(client, prefix + "-complaints-2026.12").get("phoneDigits").isKeyword()).isTrue();
            assertThat(properties(client, prefix + "-complaints-2026.12").get("history").isObject()).isTrue();
        }
    }

    @Test
    @DisplayName("templates install twice without complaint, and a new monthly index gets the claimed mappings, alias and settings")
    void shouldGiveEveryIndexItsClaimedMapping(LocalElasticsearch es) throws Exception {
        String prefix = "tpl" + System.nanoTime();
        ElasticSettings settings = ElasticSettings.from(es.settings().with(Map.of("es.index.prefix", prefix)));
        IndexNames names = settings.names();
        try (ElasticsearchClient client = ElasticClientFactory.create(settings)) {
            assertThat(IndexTemplates.install(client, settings)).hasSize(IndexFamily.values().length);
            IndexTemplates.install(client, settings); // idempotent

            Instant at = Instant.parse("2026-11-20T04:45:00Z");
            for (IndexFamily family : IndexFamily.values()) {
                client.indices().create(c -> c.index(names.index(family, at)));
            }
            String messages = names.index(IndexFamily.MESSAGES, at);
            assertThat(messages).isEqualTo(prefix + "-messages-2026.11");

            Map<String, Property> m = properties(client, messages);
            assertThat(m.get("text").isText()).isTrue();
            assertThat(m.get("text").text().analyzer()).isEqualTo("standard");
            assertThat(m.get("text").text().fields().get("keyword").isKeyword()).isTrue();
            for (String keyword : new String[] {"id", "district", "channel", "from", "commodities", "language"}) {
                assertThat(m.get(keyword).isKeyword()).as(keyword).isTrue();
            }
            assertThat(m.get("at").isDate()).isTrue();

            Map<String, Property> t = properties(client, names.index(IndexFamily.TICKETS, at));
            assertThat(t.get("text").isText()).isTrue();
            assertThat(t.get("category").isKeyword()).isTrue();
            assertThat(t.get("department").isKeyword()).isTrue();

            Map<String, Property> w = properties(client, names.index(IndexFamily.WORKERS, at));
            assertThat(names.index(IndexFamily.WORKERS, at)).isEqualTo(prefix + "-workers-v1");
            assertThat(w.get("name").isText()).isTrue();
            assertThat(w.get("phoneLast4").isKeyword()).isTrue();
            assertThat(w.get("phoneReversed").isKeyword()).isTrue();
            assertThat(w.get("phoneMasked").isKeyword()).isTrue();
            assertThat(w.get("nameMasked").isKeyword()).isTrue();
            assertThat(w.get("skills").isKeyword()).isTrue();
            assertThat(w.get("verifiedAt").isDate()).isTrue();

            Map<String, Property> r = properties(client, names.index(IndexFamily.REPORTS, at));
            assertThat(r.get("stock").isDouble()).isTrue();
            assertThat(r.get("commodity").isKeyword()).isTrue();

            Map<String, Property> snap = properties(client, names.index(IndexFamily.SNAPSHOTS, at));
            assertThat(snap.get("kind").isKeyword()).isTrue();
            Map<String, Property> value = snap.get("value").object().properties();
            assertThat(value.get("open").isInteger()).isTrue();
            assertThat(value.get("daysOfCover").isDouble()).isTrue();
            assertThat(value.get("status").isKeyword()).isTrue();

            Map<String, Property> alerts = properties(client, names.index(IndexFamily.ALERTS, at));
            assertThat(alerts.get("state").isKeyword()).isTrue();
            assertThat(alerts.get("raisedAt").isDate()).isTrue();
            assertThat(alerts.get("ackAt").isDate()).isTrue();

            Map<String, Property> audit = properties(client, names.index(IndexFamily.AUDIT, at));
            assertThat(audit.get("actor").isKeyword()).isTrue();
            assertThat(audit.get("action").isKeyword()).isTrue();

            var aliases = client.indices().getAlias(g -> g.index(messages)).result().get(messages).aliases();
            assertThat(aliases).containsKey(prefix + "-messages");
            IndexSettings s = client.indices().getSettings(g -> g.index(messages)).result().get(messages).settings().index();
            assertThat(s.numberOfReplicas()).isEqualTo("0");
            assertThat(s.refreshInterval().time()).as("searched live").isEqualTo("1s");
            String snapshots = names.index(IndexFamily.SNAPSHOTS, at);
            IndexSettings history = client.indices().getSettings(g -> g.index(snapshots)).result().get(snapshots).settings().index();
            assertThat(history.refreshInterval().time()).as("read as history").isEqualTo("5s");
        }
    }

    @Test
    @DisplayName("the text analyser is configurable, and one the node lacks is refused at install, not at the first write")
    void shouldUseTheConfiguredAnalyser(LocalElasticsearch es) throws Exception {
        ElasticSettings hindi = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(),
                "es.index.prefix", "tplhi" + System.nanoTime(), "es.text.analyzer", "hindi")));
        assertThat(IndexTemplates.render(IndexFamily.MESSAGES, hindi)).contains("\"analyzer\": \"hindi\"");
        try (ElasticsearchClient client = ElasticClientFactory.create(hindi)) {
            // the minimal local distribution has no 'hindi' analyser (production uses the full one)
            assertThatThrownBy(() -> IndexTemplates.install(client, hindi)).isInstanceOf(IndexTemplates.Refused.class)
                    .hasMessageContaining("hindi");
        }
    }

    private static Map<String, Property> properties(ElasticsearchClient client, String index) throws Exception {
        return client.indices().getMapping(g -> g.index(index)).result().get(index).mappings().properties();
    }
}
