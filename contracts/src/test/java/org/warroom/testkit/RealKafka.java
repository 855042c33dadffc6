package org.warroom.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving tests a real Kafka broker: {@code @ExtendWith(RealKafka.class)}, then take a
 * {@link LocalKafka} as a parameter of a test, a {@code @BeforeAll} or a constructor. One broker is shared by
 * every test class of the JVM and stopped when the run ends; tests keep apart by using their own topics or
 * consumer groups.
 */
public final class RealKafka implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The JVM-wide broker, started on first use. */
    public static LocalKafka shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RealKafka.class, k -> new Shared(LocalKafka.start()), Shared.class).kafka;
    }

    @SuppressWarnings("deprecation")
    private record Shared(LocalKafka kafka) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            kafka.close();
        }
    }
}
