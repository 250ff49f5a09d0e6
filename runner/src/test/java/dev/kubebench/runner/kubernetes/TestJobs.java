package dev.kubebench.runner.kubernetes;

import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Metadata;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.catalog.spec.Scheduling;
import dev.kubebench.catalog.spec.Workload;
import dev.kubebench.runner.render.RunLabels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built trials and manifests in the shapes the real operators accept (reference sections 1-4), standing in
 * for the renderer in these tests.
 */
final class TestJobs {
    static final String IMAGE = "registry.example/mlperf/resnet:5.0";

    private TestJobs() {
    }

    static Trial trial(JobKind kind, String apiVersion, Map<String, Integer> replicas, Duration timeout,
                       String queue) {
        JobSpec job = new JobSpec(kind, apiVersion, IMAGE, List.of("python", "/workspace/kubebench/train.py"),
                List.of(), Map.of(), replicas, new Resources(0, "1", "1Gi"), Map.of(), null, null,
                kind == JobKind.TRAIN_JOB ? "torch-distributed" : null, null, null);
        BenchmarkSpec spec = new BenchmarkSpec(new Workload("custom/resnet", false, List.of()), job, NodePool.DEFAULT,
                queue == null ? Scheduling.NONE : new Scheduling(queue, null, false, null, null), List.of(), Map.of(),
                null, 1, timeout, List.of(), List.of(), null);
        return new Trial(0, Map.of(), 0, 0,
                new Benchmark(Benchmark.API_VERSION, Benchmark.KIND, new Metadata("resnet", Map.of()), spec));
    }

    static Map<String, Integer> defaultReplicas(JobKind kind) {
        switch (kind) {
            case PYTORCH_JOB:
            case XGBOOST_JOB:
            case PADDLE_JOB:
                return ordered("Master", 1, "Worker", 2);
            case TF_JOB:
                return ordered("Chief", 1, "Worker", 2);
            case MPI_JOB:
                return ordered("Launcher", 1, "Worker", 2);
            case JAX_JOB:
                return ordered("Worker", 2);
            case TRAIN_JOB:
                return ordered("Node", 2);
            default:
                return ordered("Worker", 1);
        }
    }

    private static Map<String, Integer> ordered(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    /** The ManifestSource these tests use: a ConfigMap with the script, then the job. */
    static final ManifestSource MANIFESTS = (trial, runId, jobName) -> {
        JobSpec js = trial.benchmark().spec().job();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RunLabels.RUN_ID, runId);
        labels.put(RunLabels.TRIAL, Integer.toString(trial.index()));
        labels.put(RunLabels.BENCHMARK, trial.benchmark().metadata().name());
        Map<String, Object> cm = map("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", map("name", jobName + "-files", "labels", labels),
                "data", map("train.py", "print('hello')\n"));
        Map<String, String> jobLabels = new LinkedHashMap<>(labels);
        if (trial.benchmark().spec().scheduling().queue() != null) {
            jobLabels.put(TrialWatch.QUEUE_LABEL, trial.benchmark().spec().scheduling().queue());
        }
        Map<String, Object> job = map("apiVersion", js.apiVersion(), "kind", js.kind().kindName(),
                "metadata", map("name", jobName, "labels", jobLabels), "spec", spec(js, labels, jobName));
        return List.of(cm, job);
    };

    private static Map<String, Object> spec(JobSpec js, Map<String, String> labels, String jobName) {
        switch (js.kind()) {
            case TRAIN_JOB:
                return map("runtimeRef", map("name", js.runtime(), "apiGroup", "trainer.kubeflow.org",
                        "kind", "ClusterTrainingRuntime"),
                        "trainer", map("image", js.image(), "command", js.command(),
                                "numNodes", js.replicas().get("Node")));
            case JOB: {
                int n = js.replicas().get("Worker");
                Map<String, Object> spec = map("backoffLimit", 0, "template", template(js, labels, "main"));
                if (n > 1) {
                    spec.put("completions", n);
                    spec.put("parallelism", n);
                    spec.put("completionMode", "Indexed");
                }
                return spec;
            }
            default: {
                Map<String, Object> replicaSpecs = new LinkedHashMap<>();
                js.replicas().forEach((type, n) -> replicaSpecs.put(type, map("replicas", n, "restartPolicy",
                        "Never", "template", template(js, labels, js.kind() == JobKind.MPI_JOB
                                ? "mpi" : js.kind().containerName()))));
                Map<String, Object> spec = map(js.kind().replicaSpecsField(), replicaSpecs,
                        "runPolicy", map("cleanPodPolicy", "None"));
                if (js.kind() == JobKind.MPI_JOB) {
                    spec.put("slotsPerWorker", 1);
                }
                return spec;
            }
        }
    }

    private static Map<String, Object> template(JobSpec js, Map<String, String> labels, String container) {
        List<Object> containers = new ArrayList<>();
        containers.add(map("name", container, "image", js.image(), "command", js.command(),
                "resources", map("limits", map("cpu", "1", "memory", "1Gi")),
                "volumeMounts", List.of(map("name", "kubebench-files", "mountPath", JobSpec.FILES_MOUNT_PATH))));
        return map("metadata", map("labels", labels),
                "spec", map("restartPolicy", "Never", "containers", containers));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
