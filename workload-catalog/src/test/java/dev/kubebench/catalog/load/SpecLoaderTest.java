package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
    private final SpecLoader loader = new SpecLoader();

    @TempDir
    Path tmp;

    static Path spec(String name) {
        try {
            return Path.of(SpecLoaderTest.class.getResource("/specs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private BenchmarkPlan load(String name, String profile, String... sets) {
        return loader.load(spec(name), profile, List.of(sets));
    }

    @Test
    void expandsMatrixPointsInOrderWithRepetitionsInner() {
        BenchmarkPlan plan = load("valid/resnet.yaml", null);
        assertEquals(6, plan.trials().size());
        List<String> order = new ArrayList<>();
        for (Trial t : plan.trials()) {
            order.add(t.index() + ":" + t.pointLabel() + "#" + t.repetition() + "@" + t.pointIndex());
        }
        assertEquals(List.of("0:workers=1#0@0", "1:workers=1#1@0", "2:workers=2#0@1", "3:workers=2#1@1",
                "4:workers=4#0@2", "5:workers=4#1@2"), order);
        assertEquals("mlperf-resnet", plan.benchmarkName());
        assertEquals(spec("valid/resnet.yaml"), plan.source());
        assertNull(plan.profile());
    }

    @Test
    void substitutesParametersWithTheirTypes() {
        BenchmarkPlan plan = load("valid/resnet.yaml", null);
        JobSpec job = plan.trials().get(4).benchmark().spec().job();
        assertEquals(Map.of("Master", 1, "Worker", 4), job.replicas());
        assertEquals(List.of("--batch-size", "256", "--epochs=40"), job.args());
        assertEquals(EnvValue.literal("8"), job.env().get("OMP_NUM_THREADS"));
        assertEquals(4L, plan.trials().get(4).benchmark().spec().parameters().get("workers"));
        assertEquals(1L, plan.resolved().spec().parameters().get("workers"), "resolved keeps the base value");
    }

    @Test
    void bindsEveryBlockOfTheResnetExample() {
        BenchmarkSpec s = load("valid/resnet.yaml", null).resolved().spec();
        assertEquals("mlperf/resnet", s.workload().id());
        assertTrue(s.workload().catalog());
        assertEquals(0.759, s.workload().targets().get(0).value());
        assertEquals(JobKind.PYTORCH_JOB, s.job().kind());
        assertEquals("kubeflow.org/v1", s.job().apiVersion());
        assertEquals(8, s.job().resources().gpus());
        assertEquals("900Gi", s.job().resources().memory());
        assertEquals("96", s.job().resources().cpu());
        assertTrue(Files.isRegularFile(s.job().files().get("train.py")));
        assertEquals(8, s.job().numProcPerNode());
        assertEquals("OnFailure", s.job().restartPolicy());
        assertEquals("NVIDIA-H100-80GB-HBM3", s.nodePool().nodeSelector().get("nvidia.com/gpu.product"));
        assertEquals("Exists", s.nodePool().tolerations().get(0).operator());
        assertEquals("nvidia.com/gpu", s.nodePool().gpuResource());
        assertEquals("team-a", s.scheduling().queue());
        assertTrue(s.scheduling().gang());
        assertTrue(s.data().get(0).readOnly());
        assertEquals(Duration.ofHours(2), s.timeout());
        assertEquals(2, s.repetitions().max());
        assertTrue(s.collect().get(0) instanceof CollectSpec.Mllog);
        assertEquals("avg(DCGM_FI_DEV_GPU_UTIL)", ((CollectSpec.Prometheus) s.collect().get(1)).queries().get("gpu_util"));
        assertEquals(5.0, s.gates().get(0).maxRegressionPercent());
        assertEquals(Direction.LOWER, s.gates().get(0).direction());
        assertEquals(List.of(1L, 2L, 4L), s.sweep().matrix().get("workers"));
    }

    @Test
    void aProfileIsDeepMergedOverTheSpec() {
        BenchmarkPlan plan = load("valid/resnet.yaml", "smoke");
        assertEquals("smoke", plan.profile());
        assertEquals(1, plan.trials().size());
        JobSpec job = plan.resolved().spec().job();
        assertEquals("registry.example/mlperf/resnet:cpu", job.image());
        assertEquals(0, job.resources().gpus());
        assertEquals("900Gi", job.resources().memory(), "siblings of an overridden field stay");
        assertEquals(Map.of("Master", 1, "Worker", 1), job.replicas());
        assertFalse(plan.resolvedYaml().contains("profiles"));
        assertTrue(plan.resolvedYaml().contains("resnet:cpu"));
    }

    @Test
    void setOverridesUseYamlTypesAndPathsRelativeToSpec() {
        BenchmarkPlan plan = load("valid/resnet.yaml", null, "parameters.batchSize=128", "spec.repetitions=1",
                "nodePool.nodeSelector.\"nvidia.com/gpu.product\"=NVIDIA-A100-SXM4-80GB", "data[0].readOnly=false",
                "sweep.matrix.workers=[2, 8]", "metadata.labels.team=perf", "job.env.NCCL_DEBUG=\"WARN\"");
        assertEquals(2, plan.trials().size());
        BenchmarkSpec s = plan.trials().get(1).benchmark().spec();
        assertEquals(List.of("--batch-size", "128", "--epochs=40"), s.job().args());
        assertEquals(8, s.job().replicas().get("Worker"));
        assertEquals("NVIDIA-A100-SXM4-80GB", s.nodePool().nodeSelector().get("nvidia.com/gpu.product"));
        assertFalse(s.data().get(0).readOnly());
        assertEquals(EnvValue.literal("WARN"), s.job().env().get("NCCL_DEBUG"));
        assertEquals("perf", plan.resolved().metadata().labels().get("team"));
        assertTrue(plan.resolvedYaml().contains("batchSize: 128"));
    }

    @Test
    void setProblemsNameTheArgument() {
        KubebenchException e = assertThrows(KubebenchException.class,
                () -> load("valid/resnet.yaml", null, "job.replicas.Worker=many", "nonsense", "data[3].claim=x"));
        assertEquals(List.of(
                "--set nonsense: expected --set path=value, e.g. --set parameters.batchSize=128",
                "--set data[3].claim=x: spec.data[3]: index 3 is out of range (the list has 1 items)",
                "--set job.replicas.Worker=many: spec.job.replicas.Worker: expected an integer, got a string 'many'"),
                e.problems());
    }

    @Test
    void zipIsPairedAndCrossedWithTheMatrix() {
        BenchmarkPlan plan = load("valid/sweep-matrix-zip.yaml", null);
        assertEquals(2 * 2 * 3 * 2, plan.trials().size());
        List<String> points = new ArrayList<>();
        for (Trial t : plan.trials()) {
            if (t.repetition() == 0) {
                points.add(t.pointLabel());
            }
        }
        assertEquals("workers=1,precision=fp16,batch=64,lr=0.1", points.get(0));
        assertEquals("workers=1,precision=fp16,batch=128,lr=0.2", points.get(1));
        assertEquals("workers=1,precision=bf16,batch=64,lr=0.1", points.get(3));
        assertEquals("workers=2,precision=bf16,batch=256,lr=0.4", points.get(11));
        Trial last = plan.trials().get(23);
        assertEquals(List.of("sh", "-c", "echo batch=256 lr=0.4 precision=bf16"), last.benchmark().spec().job().command());
        assertEquals(2, last.benchmark().spec().job().replicas().get("Worker"));
        assertEquals(Duration.ofMinutes(90), last.benchmark().spec().timeout());
        assertEquals("throughput_samples_per_s", plan.resolved().spec().workload().metric());
        assertFalse(plan.resolved().spec().workload().hasQualityTarget());
    }

    @Test
    void tfJobWithCustomTargetAndCollectors() {
        BenchmarkSpec s = load("valid/tfjob.yaml", null).resolved().spec();
        assertEquals(Map.of("Chief", 1, "PS", 1, "Worker", 2, "Evaluator", 1), s.job().replicas());
        assertEquals(0.98, s.workload().targets().get(0).value());
        assertEquals("accuracy", s.workload().targets().get(0).key());
        CollectSpec.Extract x = (CollectSpec.Extract) s.collect().get(0);
        assertEquals("max", x.metrics().get(0).aggregate());
        assertEquals("metrics.ips", x.metrics().get(1).jsonPath());
        assertEquals("jmh.json", ((CollectSpec.Jmh) s.collect().get(1)).file());
        assertEquals(Duration.ofHours(1), s.timeout(), "default timeout");
        assertEquals(1, s.repetitions().max(), "default repetitions");
    }

    @Test
    void mpiJobMayUseTheStandaloneOperatorsApi() {
        BenchmarkSpec s = load("valid/mpijob-v2beta1.yaml", null).resolved().spec();
        assertEquals("kubeflow.org/v2beta1", s.job().apiVersion());
        assertEquals(Map.of("Launcher", 1, "Worker", 4), s.job().replicas());
        assertEquals(8, s.job().slotsPerWorker());
        assertEquals(5, s.scheduling().minAvailable());
        assertEquals("volcano", s.scheduling().schedulerName());
        assertEquals(List.of("mpirun", "all_reduce_perf", "-b", "8", "-e", "8G"), s.job().command());
    }

    @Test
    void trainJobGetsTheDefaultRuntimeAndKeepsAffinity() {
        BenchmarkSpec s = load("valid/trainjob.yaml", null).resolved().spec();
        assertEquals("trainer.kubeflow.org/v1alpha1", s.job().apiVersion());
        assertEquals("torch-distributed", s.job().runtime());
        assertEquals(Map.of("Node", 2), s.job().replicas());
        assertTrue(s.nodePool().affinity().containsKey("nodeAffinity"));
        assertEquals(Duration.ofHours(4), s.timeout());
    }

    @Test
    void aManifestGivesKindApiVersionAndReplicas() {
        JobSpec job = load("valid/manifest.yaml", null).resolved().spec().job();
        assertEquals(JobKind.PYTORCH_JOB, job.kind());
        assertEquals(Map.of("Master", 1, "Worker", 3), job.replicas());
        assertTrue(job.manifest().endsWith("pytorchjob.yaml"));
        assertNull(job.image());
    }

    @Test
    void aMultiDocumentManifestIsReadForItsOneJob() throws IOException {
        Files.writeString(tmp.resolve("trainjob.yaml"), String.join("\n",
                "# a runtime and a TrainJob, as Trainer's examples ship them", "---",
                "apiVersion: trainer.kubeflow.org/v1alpha1", "kind: TrainingRuntime", "metadata: {name: torch-custom}",
                "spec: {mlPolicy: {numNodes: 1}}", "---",
                "apiVersion: trainer.kubeflow.org/v1alpha1", "kind: TrainJob", "metadata: {name: llm}",
                "spec:", "  runtimeRef: {name: torch-custom}", "  trainer: {image: img, numNodes: 2}", "---",
                "# nothing after the last separator", ""));
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, String.join("\n", "apiVersion: kubebench.dev/v1alpha1", "kind: Benchmark",
                "metadata: {name: llm}", "spec:", "  workload: mlperf/resnet", "  job: {manifest: trainjob.yaml}",
                ""));
        JobSpec job = loader.load(spec, null, List.of()).resolved().spec().job();
        assertEquals(JobKind.TRAIN_JOB, job.kind());
        assertEquals(Map.of("Node", 2), job.replicas());
    }

    @Test
    void yamlDocumentsAreSplitAtSeparatorLinesKeepingLineNumbers() {
        assertEquals(List.of("a: 1\n", "\n\n\n\nb: 2\n"),
                YamlDocuments.split("a: 1\n---\n# only a comment\n--- # next\nb: 2\n---\n"));
    }

    @Test
    void resolvedYamlLoadsAgainToTheSamePlan() throws IOException {
        BenchmarkPlan plan = load("valid/sweep-matrix-zip.yaml", null, "parameters.precision=int8",
                "parameters.tag=\"1.36\"", "parameters.flag=\"true\"", "parameters.none=\"null\"",
                "job.image=busybox:{{ .tag }}", "job.env.FLAG={{ .flag }}", "job.env.NONE={{ .none }}");
        Path copy = tmp.resolve("benchmark.yaml");
        Files.writeString(copy, plan.resolvedYaml());
        BenchmarkPlan again = loader.load(copy, null, List.of());
        assertEquals(plan.trials().size(), again.trials().size());
        for (int i = 0; i < plan.trials().size(); i++) {
            assertEquals(plan.trials().get(i).benchmark(), again.trials().get(i).benchmark());
        }
        assertEquals("busybox:1.36", again.resolved().spec().job().image());
        assertEquals("1.36", again.resolved().spec().parameters().get("tag"));
        assertEquals("true", again.resolved().spec().parameters().get("flag"));
        assertEquals("null", again.resolved().spec().parameters().get("none"));
    }

    @Test
    void resolvedYamlPointsAtShippedFilesAbsolutely() throws IOException {
        BenchmarkPlan plan = load("valid/resnet.yaml", null);
        Path copy = tmp.resolve("benchmark.yaml");
        Files.writeString(copy, plan.resolvedYaml());
        BenchmarkPlan again = loader.load(copy, null, List.of());
        assertEquals(plan.trials().get(5).benchmark(), again.trials().get(5).benchmark());
        assertEquals(spec("files/train.py"), again.resolved().spec().job().files().get("train.py"));
    }

    @Test
    void aRecordedRunLoadsAfterItsFilesAreGone() throws IOException {
        Path copy = tmp.resolve("benchmark.yaml");
        Files.writeString(copy, load("valid/resnet.yaml", null).resolvedYaml()
                .replace(spec("files/train.py").toString(), "/nonexistent/train.py"));
        assertThrows(KubebenchException.class, () -> loader.load(copy, null, List.of()));
        BenchmarkPlan recorded = SpecLoader.forRecordedRun().load(copy, null, null);
        assertEquals(Path.of("/nonexistent/train.py"), recorded.resolved().spec().job().files().get("train.py"));
        assertEquals(5.0, recorded.resolved().spec().gates().get(0).maxRegressionPercent());

        Path byo = tmp.resolve("byo.yaml");
        Files.writeString(byo, load("valid/manifest.yaml", null).resolvedYaml()
                .replace(spec("files/pytorchjob.yaml").toString(), "/nonexistent/pytorchjob.yaml")
                .replace("  job:", "  job:\n    kind: PyTorchJob"));
        assertEquals(JobKind.PYTORCH_JOB,
                SpecLoader.forRecordedRun().load(byo, null, null).resolved().spec().job().kind());
    }

    @Test
    void validateChecksEveryProfileWhenNoneIsChosen() throws IOException {
        Path f = tmp.resolve("p.yaml");
        Files.writeString(f, String.join("\n",
                "apiVersion: kubebench.dev/v1alpha1",
                "kind: Benchmark",
                "metadata: {name: p}",
                "spec:",
                "  workload: {name: w}",
                "  job: {kind: Job, image: busybox}",
                "  profiles:",
                "    ok: {repetitions: 2}",
                "    broken: {repetitions: 0}",
                ""));
        assertEquals(1, loader.load(f, null, List.of()).trials().size());
        assertEquals(List.of(f + ":9:27: spec.repetitions: must be between 1 and 10000, got 0 (with --profile broken)"),
                loader.validate(f, null, List.of()));
        assertEquals(List.of(), loader.validate(f, "ok", List.of()));
        assertEquals(2, loader.validate(f, null, List.of("job.kind=Jobb")).size(),
                "a base problem is listed once, plus the profile's own");
    }

    @Test
    void numbersSpliceIntoStringsAsWritten() throws IOException {
        Path f = tmp.resolve("n.yaml");
        Files.writeString(f, String.join("\n",
                "apiVersion: kubebench.dev/v1alpha1",
                "kind: Benchmark",
                "metadata: {name: n}",
                "spec:",
                "  workload: {name: w}",
                "  job: {kind: Job, image: 'example/resnet:{{ .tag }}', args: ['--lr={{ .lr }}', '{{ .lr }}']}",
                "  parameters: {tag: 5.0, lr: 0.10}",
                ""));
        JobSpec job = loader.load(f, null, List.of()).resolved().spec().job();
        assertEquals("example/resnet:5.0", job.image());
        assertEquals(List.of("--lr=0.10", "0.10"), job.args());
    }

    @Test
    void tooManyTrialsIsAnError() throws IOException {
        Path f = tmp.resolve("big.yaml");
        Files.writeString(f, String.join("\n",
                "apiVersion: kubebench.dev/v1alpha1",
                "kind: Benchmark",
                "metadata: {name: big}",
                "spec:",
                "  workload: {name: w}",
                "  job: {kind: Job, image: busybox}",
                "  sweep: {matrix: {a: [1,2,3,4,5,6,7,8,9,10], b: [1,2,3,4,5,6,7,8,9,10], c: [1,2,3,4,5,6,7,8,9,10]}}",
                "  repetitions: 20",
                ""));
        KubebenchException e = assertThrows(KubebenchException.class, () -> loader.load(f, null, List.of()));
        assertEquals(List.of(f + ":7:10: spec.sweep: the plan has 20000 trials (sweep points x repetitions); at most 10000 are allowed"),
                e.problems());
    }

    @Test
    void aHugeSweepIsRejectedWithoutExpandingIt() throws IOException {
        StringBuilder values = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            values.append(i == 0 ? "" : ", ").append(i);
        }
        values.append("]");
        Path f = tmp.resolve("huge.yaml");
        Files.writeString(f, String.join("\n",
                "apiVersion: kubebench.dev/v1alpha1",
                "kind: Benchmark",
                "metadata: {name: huge}",
                "spec:",
                "  workload: {name: w}",
                "  job: {kind: Job, image: busybox, args: ['{{ .a }}', '{{ .b }}', '{{ .c }}', '{{ .d }}']}",
                "  sweep:",
                "    matrix: {a: " + values + ", b: " + values + ", c: " + values + ", d: " + values + "}",
                ""));
        KubebenchException e = assertThrows(KubebenchException.class, () -> loader.load(f, null, List.of()));
        assertEquals(List.of(f + ":8:5: spec.sweep: expands to 1000000000000 points; at most 10000 trials are allowed"),
                e.problems());
    }

    @Test
    void fullyTemplatedScalarsTakeTheParametersType() throws IOException {
        Path f = tmp.resolve("t.yaml");
        Files.writeString(f, String.join("\n",
                "apiVersion: kubebench.dev/v1alpha1",
                "kind: Benchmark",
                "metadata: {name: t}",
                "spec:",
                "  workload: {name: w, metric: m, target: '{{ .target }}', direction: lower}",
                "  job: {kind: Job, image: 'busybox:{{ .tag }}', resources: {gpu: '{{ .gpus }}'}}",
                "  scheduling: {gang: '{{ .gang }}'}",
                "  repetitions: '{{ .reps }}'",
                "  timeout: '{{ .timeout }}'",
                "  parameters: {target: 0.25, tag: 1.36, gpus: 2, gang: true, reps: 3, timeout: 45m}",
                ""));
        BenchmarkSpec s = loader.load(f, null, List.of()).resolved().spec();
        assertEquals(0.25, s.workload().targets().get(0).value());
        assertEquals("busybox:1.36", s.job().image());
        assertEquals(2, s.job().resources().gpus());
        assertTrue(s.scheduling().gang());
        assertEquals(3, s.repetitions().max());
        assertEquals(Duration.ofMinutes(45), s.timeout());
    }

    @Test
    void staticEntryPointMatchesTheInstanceOne() {
        assertEquals(load("valid/tfjob.yaml", null).trials(),
                SpecLoader.loadFile(spec("valid/tfjob.yaml"), null, List.of()).trials());
    }
}
