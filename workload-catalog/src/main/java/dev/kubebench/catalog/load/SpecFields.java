package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.catalog.spec.DataVolume;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.LocalSpec;
import dev.kubebench.catalog.spec.Metadata;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.catalog.spec.Scheduling;
import dev.kubebench.catalog.spec.Sweep;
import dev.kubebench.catalog.spec.Toleration;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The field names each YAML mapping of a spec accepts, derived from the spec records' components so that a new
 * component is a new field without a second list to keep in step. Component order is declaration order
 * ({@link Class#getRecordComponents()} guarantees it), and that is the order "expected one of" lists the fields in and
 * the tie-break of "did you mean".
 *
 * <p>Where the YAML differs from its record, the difference is spelled out here and nowhere else:
 * <ul>
 *   <li>{@code spec.profiles} is YAML only: {@code Profiles} merges the chosen profile and removes the block before
 *       binding, so {@link BenchmarkSpec} has no component for it;</li>
 *   <li>{@code resources.gpu} is {@link Resources#gpus()} (the YAML reads like a Kubernetes resource list);</li>
 *   <li>{@code gates[].maxRegression} is {@link Gate#maxRegressionPercent()} (the YAML value carries its {@code %});</li>
 *   <li>a custom {@code workload} block, the Kubernetes {@code affinity} object and the {@code collect} entry kinds
 *       have no record of the same shape, so their names are listed.</li>
 * </ul>
 */
final class SpecFields {
    static final List<String> ROOT = of(Benchmark.class);
    static final List<String> METADATA = of(Metadata.class);
    static final List<String> SPEC = of(BenchmarkSpec.class, Map.of(), List.of("profiles"));
    static final List<String> JOB = of(JobSpec.class);
    static final List<String> RESOURCES = of(Resources.class, Map.of("gpus", "gpu"), List.of());
    static final List<String> NODE_POOL = of(NodePool.class);
    static final List<String> TOLERATION = of(Toleration.class);
    static final List<String> SCHEDULING = of(Scheduling.class);
    static final List<String> DATA_VOLUME = of(DataVolume.class);
    static final List<String> SWEEP = of(Sweep.class);
    static final List<String> LOCAL = of(LocalSpec.class);
    static final List<String> GATE = of(Gate.class, Map.of("maxRegressionPercent", "maxRegression"), List.of());
    static final List<String> JMH = of(CollectSpec.Jmh.class);
    static final List<String> PROMETHEUS = of(CollectSpec.Prometheus.class);
    static final List<String> PROMETHEUS_AUTH = of(CollectSpec.Auth.class);
    static final List<String> PROMETHEUS_TLS = of(CollectSpec.Tls.class);
    static final List<String> MLLOG = of(CollectSpec.Mllog.class);
    static final List<String> METRIC_RULE = of(CollectSpec.MetricRule.class);

    /**
     * A custom {@code workload:} block. {@code Workload} is the resolved form of either a catalog id or this block
     * (an id, a catalog flag and a list of targets), so its components are not the block's fields.
     */
    static final List<String> CUSTOM_WORKLOAD = List.of("name", "metric", "target", "direction");
    /** Kubernetes' {@code Affinity}: kept as plain maps and handed to the manifest, not bound to a record. */
    static final List<String> AFFINITY = List.of("nodeAffinity", "podAffinity", "podAntiAffinity");
    /**
     * The key of each {@code collect} entry, one per {@link CollectSpec} variant in declaration order;
     * {@link Class#getPermittedSubclasses()} leaves its order unspecified, so the names are listed (SpecFieldsTest
     * checks that they match the variants).
     */
    static final List<String> COLLECT_KINDS = List.of("mllog", "jmh", "extract", "prometheus");

    private SpecFields() {
    }

    /** The component names of {@code type}, in declaration order. */
    static List<String> of(Class<? extends Record> type) {
        return of(type, Map.of(), List.of());
    }

    /**
     * The component names of {@code type} with the YAML spelling of the components in {@code yamlNames}, followed by
     * {@code yamlOnly} fields that have no component.
     */
    static List<String> of(Class<? extends Record> type, Map<String, String> yamlNames, List<String> yamlOnly) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(yamlNames.getOrDefault(c.getName(), c.getName()));
        }
        for (String renamed : yamlNames.keySet()) {
            // A renamed component that no longer exists would silently accept the record's spelling instead.
            if (Arrays.stream(type.getRecordComponents()).noneMatch(c -> c.getName().equals(renamed))) {
                throw new IllegalStateException(type.getSimpleName() + " has no component " + renamed);
            }
        }
        names.addAll(yamlOnly);
        return List.copyOf(names);
    }
}
