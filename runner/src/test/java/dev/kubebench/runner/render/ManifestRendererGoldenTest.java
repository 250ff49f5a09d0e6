package dev.kubebench.runner.render;

import static dev.kubebench.runner.render.RenderFixtures.H100;
import static dev.kubebench.runner.render.RenderFixtures.IMAGENET;
import static dev.kubebench.runner.render.RenderFixtures.KUEUE_GANG;
import static dev.kubebench.runner.render.RenderFixtures.job;
import static dev.kubebench.runner.render.RenderFixtures.replicas;
import static dev.kubebench.runner.render.RenderFixtures.resource;
import static dev.kubebench.runner.render.RenderFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.catalog.spec.Scheduling;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden file per job kind (plus patched manifests), each rendered from records built here, and every rendered
 * object checked against its CRD schema.
 */
class ManifestRendererGoldenTest {
    private static final Resources FULL_NODE = new Resources(8, "96", "900Gi");

    static Stream<Arguments> kinds() {
        return Stream.of(
                kind("pytorchjob", () -> RenderFixtures.render("resnet", spec(
                        withNproc(job(JobKind.PYTORCH_JOB, replicas("Worker", 2, "Master", 1), FULL_NODE), 8),
                        H100, KUEUE_GANG, IMAGENET))),
                kind("tfjob", () -> RenderFixtures.render("tf-cnn", spec(
                        withRestart(job(JobKind.TF_JOB, replicas("Chief", 1, "PS", 1, "Worker", 2),
                                new Resources(1, "8", "32Gi")), "Never"),
                        H100, new Scheduling("team-a", null, false, null, null), List.of()))),
                kind("xgboostjob", () -> RenderFixtures.render("higgs", spec(
                        noFiles(job(JobKind.XGBOOST_JOB, replicas("Master", 1, "Worker", 3),
                                new Resources(0, "4", "16Gi"))),
                        NodePool.DEFAULT, Scheduling.NONE, List.of()))),
                kind("jaxjob", () -> RenderFixtures.render("gpt-jax", spec(
                        job(JobKind.JAX_JOB, replicas("Worker", 4), new Resources(4, null, null)),
                        withAffinity(), new Scheduling(null, null, true, 2, "volcano"), List.of()))),
                kind("paddlejob", () -> RenderFixtures.render("ernie", spec(
                        job(JobKind.PADDLE_JOB, replicas("Master", 1, "Worker", 2), new Resources(2, "16", "64Gi")),
                        H100, KUEUE_GANG, List.of()))),
                kind("mpijob-v1", () -> RenderFixtures.render("hvd-resnet", spec(
                        mpi(null, replicas("Worker", 2)), H100, KUEUE_GANG, IMAGENET))),
                kind("mpijob-v2beta1", () -> RenderFixtures.render("hvd-resnet", spec(
                        mpi(KubeflowJobRenderer.MPI_V2BETA1, replicas("Launcher", 1, "Worker", 4)),
                        H100, KUEUE_GANG, IMAGENET))),
                kind("trainjob", () -> RenderFixtures.render("llama-lora", spec(
                        withNproc(job(JobKind.TRAIN_JOB, replicas("Node", 2), FULL_NODE), 8),
                        H100, KUEUE_GANG, IMAGENET))),
                kind("job", () -> RenderFixtures.render("nccl-tests", spec(
                        job(JobKind.JOB, replicas("Worker", 3), new Resources(1, "8", "32Gi")),
                        H100, new Scheduling("team-a", "benchmark", false, null, null), List.of()))),
                kind("manifest-pytorchjob", () -> RenderFixtures.render("resnet", spec(
                        manifest(JobKind.PYTORCH_JOB, "user-pytorchjob.yaml", "registry.example/vision/resnet:2.0",
                                replicas("Worker", 3), FULL_NODE),
                        H100, KUEUE_GANG, IMAGENET))),
                kind("manifest-trainjob", () -> RenderFixtures.render("llm-finetune", spec(
                        manifest(JobKind.TRAIN_JOB, "user-trainjob.yaml", null, replicas("Node", 4), FULL_NODE),
                        H100, new Scheduling("team-a", null, false, null, null), List.of()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void rendersGoldenAndValidatesAgainstCrd(String name, Supplier<RenderedTrial> render) {
        RenderedTrial rendered = render.get();
        Golden.assertMatches(name + ".yaml", ManifestWriter.toYaml(rendered));
        for (Map<String, Object> object : rendered.objects()) {
            assertEquals(List.of(), CrdSchemas.validate(object), name + ": " + object.get("kind"));
        }
    }

    private static Arguments kind(String name, Supplier<RenderedTrial> render) {
        return Arguments.of(name, render);
    }

    private static JobSpec withNproc(JobSpec j, int nproc) {
        return new JobSpec(j.kind(), j.apiVersion(), j.image(), j.command(), j.args(), j.env(), j.replicas(),
                j.resources(), j.files(), j.manifest(), j.restartPolicy(), j.runtime(), nproc, j.slotsPerWorker());
    }

    private static JobSpec withRestart(JobSpec j, String restartPolicy) {
        return new JobSpec(j.kind(), j.apiVersion(), j.image(), j.command(), j.args(), j.env(), j.replicas(),
                j.resources(), j.files(), j.manifest(), restartPolicy, j.runtime(), j.numProcPerNode(),
                j.slotsPerWorker());
    }

    private static JobSpec noFiles(JobSpec j) {
        return new JobSpec(j.kind(), j.apiVersion(), j.image(), List.of("python3", "-m", "xgboost_bench"),
                List.of(), Map.of(), j.replicas(), j.resources(), Map.of(), null, null, null, null, null);
    }

    private static JobSpec mpi(String apiVersion, Map<String, Integer> replicas) {
        return new JobSpec(JobKind.MPI_JOB, apiVersion, "registry.example/bench/horovod:0.28",
                List.of("mpirun", "--allow-run-as-root", "-np", "16", "python3", "$(KUBEBENCH_FILES_DIR)/train.py"),
                List.of(), RenderFixtures.env("NCCL_DEBUG", "INFO"), replicas, FULL_NODE, RenderFixtures.trainPy(),
                null, null, null, null, 8);
    }

    private static JobSpec manifest(JobKind kind, String file, String image, Map<String, Integer> replicas,
                                    Resources resources) {
        return new JobSpec(kind, null, image, List.of(), List.of(), RenderFixtures.env("NCCL_DEBUG", "INFO"),
                replicas, resources, RenderFixtures.trainPy(), resource(file), null, null, null, null);
    }

    private static NodePool withAffinity() {
        Map<String, Object> affinity = ordered("nodeAffinity", ordered(
                "requiredDuringSchedulingIgnoredDuringExecution", ordered("nodeSelectorTerms", List.of(
                        ordered("matchExpressions", List.of(ordered(
                                "key", "nvidia.com/gpu.product", "operator", "In",
                                "values", List.of("NVIDIA-H100-80GB-HBM3", "NVIDIA-H200"))))))));
        return new NodePool("hopper", Map.of("karpenter.sh/capacity-type", "on-demand"), H100.tolerations(),
                affinity, NodePool.DEFAULT_GPU_RESOURCE, 8);
    }

    /** A map that keeps insertion order (Map.of does not, and golden files must not depend on hash seeds). */
    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
