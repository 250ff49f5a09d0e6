package dev.kubebench.collector.history;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link PostgresCluster} parameter: one cluster per test JVM, started on first use and stopped and
 * deleted when the test run ends (JUnit closes it from the root store). Tests isolate themselves with
 * {@link PostgresCluster#createDatabase()}.
 */
public final class PostgresExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PostgresCluster.class, k -> {
                    try {
                        return PostgresCluster.start();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }, PostgresCluster.class);
    }
}
