package dev.kubebench.catalog.plan;

import dev.kubebench.catalog.spec.Benchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A loaded, validated spec expanded into trials (sweep points in order, each repeated).
 *
 * @param source   the spec file
 * @param profile  the profile applied, or null
 * @param resolved the benchmark with defaults applied but sweep variables not yet substituted per point; its
 *                 parameters hold the base values
 * @param resolvedYaml the resolved spec as YAML text, written into the run directory as benchmark.yaml
 * @param trials   trials in execution order
 */
public record BenchmarkPlan(Path source, String profile, Benchmark resolved, String resolvedYaml, List<Trial> trials) {
    public BenchmarkPlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(resolvedYaml, "resolvedYaml");
        trials = List.copyOf(trials);
    }

    public String benchmarkName() {
        return resolved.metadata().name();
    }
}
