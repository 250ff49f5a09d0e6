package dev.kubebench.catalog.spec;

import java.util.Objects;

/**
 * A benchmark spec document ({@code apiVersion: kubebench.dev/v1alpha1}, {@code kind: Benchmark}) after
 * profile, {@code --set} and parameter substitution: every value is concrete.
 */
public record Benchmark(String apiVersion, String kind, Metadata metadata, BenchmarkSpec spec) {
    public static final String API_VERSION = "kubebench.dev/v1alpha1";
    public static final String KIND = "Benchmark";

    public Benchmark {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(spec, "spec");
    }
}
