package dev.kubebench.runner;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.LocalSpec;
import dev.kubebench.catalog.spec.Metadata;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.catalog.spec.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds specs, trials and plans directly (the spec loader lives in workload-catalog). */
public final class TestSpecs {
    private TestSpecs() {
    }

    public static JobSpec job(JobKind kind, Map<String, Integer> replicas, List<String> command) {
        return new JobSpec(kind, null, "img:1", command, List.of(), Map.of(), replicas, Resources.NONE, Map.of(),
                null, null, null, null, null);
    }

    public static Benchmark benchmark(String name, JobSpec job, Duration timeout, LocalSpec local) {
        BenchmarkSpec spec = new BenchmarkSpec(new Workload("custom", false, List.of()), job, null, null, null,
                null, null, 1, timeout, null, null, local);
        return new Benchmark(Benchmark.API_VERSION, Benchmark.KIND, new Metadata(name, Map.of()), spec);
    }

    public static Trial trial(int index, Benchmark benchmark) {
        return new Trial(index, Map.of(), 0, index, benchmark);
    }

    public static BenchmarkPlan plan(List<Benchmark> perTrial) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < perTrial.size(); i++) {
            trials.add(trial(i, perTrial.get(i)));
        }
        return new BenchmarkPlan(Path.of("spec.yaml"), null, perTrial.get(0), "kind: Benchmark\n", trials);
    }
}
