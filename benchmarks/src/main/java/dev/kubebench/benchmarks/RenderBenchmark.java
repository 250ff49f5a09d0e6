package dev.kubebench.benchmarks;

import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.DataVolume;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Metadata;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.catalog.spec.Scheduling;
import dev.kubebench.catalog.spec.Toleration;
import dev.kubebench.catalog.spec.Workload;
import dev.kubebench.runner.render.ManifestRenderer;
import dev.kubebench.runner.render.ManifestWriter;
import dev.kubebench.runner.render.RenderedTrial;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of rendering one trial's job (PyTorchJob, MPIJob v2beta1, TrainJob) with a full node pool, gang scheduling and
 * two data volumes, and of writing it as YAML. A sweep renders every trial up front, so this bounds planning time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {
    @Param({"PYTORCH_JOB", "MPI_JOB", "TRAIN_JOB"})
    public String kind;

    private final ManifestRenderer renderer = new ManifestRenderer();
    private Trial trial;
    private RenderedTrial rendered;

    @Setup
    public void setUp() {
        JobKind jobKind = JobKind.valueOf(kind);
        Map<String, Integer> replicas = new LinkedHashMap<>();
        switch (jobKind) {
            case MPI_JOB:
                replicas.put("Launcher", 1);
                replicas.put("Worker", 64);
                break;
            case TRAIN_JOB:
                replicas.put("Node", 64);
                break;
            default:
                replicas.put("Master", 1);
                replicas.put("Worker", 63);
                break;
        }
        JobSpec job = new JobSpec(jobKind, jobKind == JobKind.MPI_JOB ? "kubeflow.org/v2beta1" : null,
                "registry.example/mlperf/gpt3:5.0", List.of("torchrun", "/workspace/train.py"),
                List.of("--global-batch-size=2048", "--seq-length=2048"), EnvValue.literals(Map.of("NCCL_DEBUG", "WARN")),
                replicas,
                new Resources(8, "180", "1800Gi"), Map.of(), null, null, null, null, null);
        NodePool pool = new NodePool("h100", Map.of("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3"),
                List.of(new Toleration("nvidia.com/gpu", "Exists", null, "NoSchedule", null)), null, "nvidia.com/gpu", 8);
        BenchmarkSpec spec = new BenchmarkSpec(new Workload("mlperf/gpt3", true, List.of()), job, pool,
                new Scheduling("mlperf", "benchmark", true, null, null),
                List.of(new DataVolume("c4", "c4-preprocessed", "/data", true),
                        new DataVolume("checkpoint", "gpt3-checkpoint", "/checkpoint", true)),
                Map.of(), null, 3, Duration.ofHours(6), List.of(), List.of(), null);
        trial = new Trial(0, Map.of(), 0, 0, new dev.kubebench.catalog.spec.Benchmark(
                dev.kubebench.catalog.spec.Benchmark.API_VERSION, dev.kubebench.catalog.spec.Benchmark.KIND,
                new Metadata("mlperf-gpt3", Map.of()), spec));
        rendered = renderer.render(trial, "20261128-120000-c0ffee", "bench");
    }

    @Benchmark
    public RenderedTrial render() {
        return renderer.render(trial, "20261128-120000-c0ffee", "bench");
    }

    @Benchmark
    public String toYaml() {
        return ManifestWriter.toYaml(rendered);
    }
}
