package dev.kubebench.runner.render;

import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.catalog.spec.DataVolume;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Metadata;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.catalog.spec.Scheduling;
import dev.kubebench.catalog.spec.Sweep;
import dev.kubebench.catalog.spec.Toleration;
import dev.kubebench.catalog.spec.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Benchmarks and trials built in code for the render tests (no spec loader involved). */
final class RenderFixtures {
    static final String RUN_ID = "20261128-120000-c0ffee";
    static final String NAMESPACE = "bench";

    static final NodePool H100 = new NodePool("h100",
            Map.of("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"),
            List.of(new Toleration("nvidia.com/gpu", "Exists", null, "NoSchedule", null)),
            null, NodePool.DEFAULT_GPU_RESOURCE, 8);
    static final Scheduling KUEUE_GANG = new Scheduling("team-a", "benchmark", true, null, null);
    static final List<DataVolume> IMAGENET = List.of(new DataVolume("imagenet", "imagenet-pvc", "/data", true));

    private RenderFixtures() {
    }

    static Path resource(String name) {
        return Path.of(System.getProperty("kubebench.root"), "runner/src/test/resources/render", name);
    }

    static Map<String, Path> trainPy() {
        return Map.of("train.py", resource("train.py"));
    }

    /** A job spec with the given kind and replicas and everything else defaulted. */
    static JobSpec job(JobKind kind, Map<String, Integer> replicas, Resources resources) {
        return new JobSpec(kind, null, "registry.example/bench/train:1.0",
                List.of("torchrun", "$(KUBEBENCH_FILES_DIR)/train.py"), List.of("--batch-size", "256"),
                env("NCCL_DEBUG", "WARN"), replicas, resources, trainPy(), null, null, null, null, null);
    }

    static Map<String, EnvValue> env(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return EnvValue.literals(m);
    }

    static Map<String, Integer> replicas(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    static BenchmarkSpec spec(JobSpec job, NodePool pool, Scheduling scheduling, List<DataVolume> data) {
        return new BenchmarkSpec(new Workload("mlperf/resnet", true, List.of()), job, pool, scheduling, data,
                Map.of("batchSize", 256), Sweep.NONE, 1, Duration.ofHours(2), List.of(new CollectSpec.Mllog()),
                List.of(), null);
    }

    /** Trial 3 of a sweep (point workers=2, repetition 1) of a benchmark with this spec. */
    static Trial trial(String benchmark, BenchmarkSpec spec) {
        Benchmark b = new Benchmark(Benchmark.API_VERSION, Benchmark.KIND,
                new Metadata(benchmark, Map.of("suite", "render-test")), spec);
        return new Trial(3, Map.of("workers", 2), 1, 1, b);
    }

    static RenderedTrial render(String benchmark, BenchmarkSpec spec) {
        return new ManifestRenderer().render(trial(benchmark, spec), RUN_ID, NAMESPACE);
    }
}
