package org.warroom.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving tests a real Elasticsearch node: {@code @ExtendWith(RealElasticsearch.class)}, then
 * take a {@link LocalElasticsearch} as a parameter. One node is shared by every test class of the JVM (it takes
 * about 15 s to start) and stopped when the run ends; tests keep apart by index prefixes. A test that stops the
 * node starts its own with {@link LocalElasticsearch#start(String)}.
 */
public final class RealElasticsearch implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalElasticsearch.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The JVM-wide node, started on first use. */
    public static LocalElasticsearch shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RealElasticsearch.class, k -> new Shared(LocalElasticsearch.start("shared")),
                        Shared.class).node;
    }

    @SuppressWarnings("deprecation")
    private record Shared(LocalElasticsearch node) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            node.close();
        }
    }
}
