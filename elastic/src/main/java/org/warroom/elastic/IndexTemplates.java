package org.warroom.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the index template of every {@link IndexFamily} from the JSON resources under
 * {@code elasticsearch/templates/}, with this deployment's prefix, shards, replicas, refresh interval and text
 * analyser filled in. Idempotent: putting a template again replaces it with the same content, and only indices
 * created afterwards use it. Both the indexer and the dashboard call it at start, so whichever writes first finds the
 * mappings in place.
 */
public final class IndexTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);
    private static final String RESOURCE = "/elasticsearch/templates/%s.json";

    private IndexTemplates() {
    }

    /** Elasticsearch refused a template (e.g. the configured analyser does not exist there); retrying will not help. */
    public static final class Refused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Refused(String template, ElasticsearchException e) {
            super("Elasticsearch refused index template " + template + ": " + reasons(e), e);
        }

        private static String reasons(ElasticsearchException e) {
            StringBuilder out = new StringBuilder(e.error().reason() == null ? e.getMessage() : e.error().reason());
            for (ErrorCause c = e.error().causedBy(); c != null; c = c.causedBy()) {
                out.append(" <- ").append(c.reason());
            }
            return out.toString();
        }
    }

    /**
     * Puts every template; returns their names. Throws {@link Refused} when Elasticsearch refuses one (e.g. an unknown
     * analyser), {@link UncheckedIOException} when it cannot be reached.
     */
    public static List<String> install(ElasticsearchClient client, ElasticSettings settings) {
        IndexNames names = settings.names();
        List<String> installed = new ArrayList<>();
        for (IndexFamily family : IndexFamily.values()) {
            String json = render(family, settings);
            String name = names.template(family);
            try {
                // the lifecycle (retention) comes from a component template the indexer puts where ILM runs
                String lifecycle = names.lifecycleComponent(family);
                client.indices().putIndexTemplate(t -> t.name(name).withJson(new StringReader(json))
                        .composedOf(lifecycle).ignoreMissingComponentTemplates(lifecycle));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install index template " + name + " on " + settings.url(), e);
            } catch (ElasticsearchException e) {
                if (e.status() >= 500 || e.status() == 429) {
                    throw e; // the cluster is not ready: worth retrying
                }
                throw new Refused(name, e);
            }
            installed.add(name);
        }
        LOG.info("index templates installed: {}", installed);
        applyRefreshIntervals(client, settings);
        return installed;
    }

    /**
     * Sets each family's refresh interval on its existing indices too (a template applies to indices created after it;
     * an upgrade or a changed setting should not wait for next month's index). Best effort: a refusal is logged.
     */
    static void applyRefreshIntervals(ElasticsearchClient client, ElasticSettings settings) {
        IndexNames names = settings.names();
        for (IndexFamily family : IndexFamily.values()) {
            String interval = settings.refreshInterval(family);
            try {
                client.indices().putSettings(s -> s.index(names.pattern(family)).allowNoIndices(true).ignoreUnavailable(true)
                        .settings(i -> i.refreshInterval(t -> t.time(interval))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set the refresh interval of " + names.pattern(family), e);
            } catch (ElasticsearchException e) {
                LOG.warn("refresh interval {} not set on {}: {}", interval, names.pattern(family), e.getMessage());
            }
        }
    }

    /**
     * Creates, when missing, the index of every family that a document of {@code now} (and of a day later, at a month's
     * end) goes to, so the first documents of a fresh stack do not wait for index creation (a cluster-state update and
     * a shard to start, seconds on a busy node). Returns the indices created. Call after {@link #install}.
     */
    public static List<String> createIndices(ElasticsearchClient client, ElasticSettings settings, java.time.Instant now) {
        IndexNames names = settings.names();
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        for (IndexFamily family : IndexFamily.values()) {
            wanted.add(names.index(family, now));
            wanted.add(names.index(family, now.plus(java.time.Duration.ofDays(1))));
        }
        List<String> created = new ArrayList<>();
        for (String index : wanted) {
            try {
                if (!client.indices().exists(e -> e.index(index)).value()) {
                    client.indices().create(c -> c.index(index));
                    created.add(index);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create index " + index + " on " + settings.url(), e);
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e; // another writer created it meanwhile: fine; anything else is not
                }
            }
        }
        LOG.info("indices created ahead of the first documents: {}", created);
        return created;
    }

    /** The template body of one family with the placeholders filled in. */
    public static String render(IndexFamily family, ElasticSettings settings) {
        String raw = resource(family);
        Map<String, String> values = Map.of(
                "${prefix}", settings.indexPrefix(),
                "${shards}", Integer.toString(settings.shards()),
                "${replicas}", Integer.toString(settings.replicas()),
                "${refresh}", settings.refreshInterval(family),
                "${analyzer}", settings.textAnalyzer());
        String out = raw;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace(v.getKey(), v.getValue());
        }
        return out;
    }

    private static String resource(IndexFamily family) {
        String path = String.format(RESOURCE, family.word());
        try (InputStream in = IndexTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("index template resource missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
