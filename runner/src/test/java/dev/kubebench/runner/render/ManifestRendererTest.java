package dev.kubebench.runner.render;

import static dev.kubebench.runner.render.RenderFixtures.H100;
import static dev.kubebench.runner.render.RenderFixtures.IMAGENET;
import static dev.kubebench.runner.render.RenderFixtures.KUEUE_GANG;
import static dev.kubebench.runner.render.RenderFixtures.job;
import static dev.kubebench.runner.render.RenderFixtures.replicas;
import static dev.kubebench.runner.render.RenderFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.catalog.spec.Scheduling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Behaviour of the renderer beyond the golden files: defaults, edge cases and clean errors. */
class ManifestRendererTest {
    private static final Resources GPU8 = new Resources(8, "96", "900Gi");

    @TempDir
    Path tmp;

    private static JobSpec withoutFiles(JobSpec j) {
        return new JobSpec(j.kind(), j.apiVersion(), j.image(), List.of("python3", "train.py"), j.args(), j.env(),
                j.replicas(), j.resources(), Map.of(), j.manifest(), j.restartPolicy(), j.runtime(),
                j.numProcPerNode(), j.slotsPerWorker());
    }

    private static JobSpec withFiles(JobSpec j, Map<String, Path> files) {
        return new JobSpec(j.kind(), j.apiVersion(), j.image(), j.command(), j.args(), j.env(), j.replicas(),
                j.resources(), files, j.manifest(), j.restartPolicy(), j.runtime(), j.numProcPerNode(),
                j.slotsPerWorker());
    }

    private static JobSpec withManifest(JobSpec j, Path manifest) {
        return new JobSpec(j.kind(), j.apiVersion(), j.image(), List.of(), List.of(), j.env(), j.replicas(),
                j.resources(), Map.of(), manifest, null, null, null, null);
    }

    private static Map<String, Object> at(Map<String, Object> root, String... path) {
        Map<String, Object> node = root;
        for (String key : path) {
            node = Trees.asMap(node.get(key));
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static Map<String, Object> replicaPodSpec(Map<String, Object> job, String field, String type) {
        return at(job, "spec", field, type, "template", "spec");
    }

    private static Map<String, Object> container(Map<String, Object> podSpec) {
        return Trees.asMap(Trees.asList(podSpec.get("containers")).get(0));
    }

    @Test
    void jobWithoutFilesHasNoConfigMapVolumeOrEnv() {
        RenderedTrial r = RenderFixtures.render("resnet", spec(withoutFiles(
                job(JobKind.PYTORCH_JOB, replicas("Master", 1), GPU8)), H100, Scheduling.NONE, List.of()));
        assertEquals(1, r.objects().size());
        assertEquals(List.of(), r.supportingObjects());
        Map<String, Object> pod = replicaPodSpec(r.job(), "pytorchReplicaSpecs", "Master");
        assertNull(pod.get("volumes"));
        Map<String, Object> c = container(pod);
        assertNull(c.get("volumeMounts"));
        assertFalse(c.get("env").toString().contains(RenderContext.FILES_DIR_ENV));
    }

    @Test
    void kueueLabelIsOnTheJobOnlyAndGangIsOffWithoutGang() {
        RenderedTrial r = RenderFixtures.render("resnet", spec(job(JobKind.PYTORCH_JOB,
                replicas("Master", 1, "Worker", 1), GPU8), H100, new Scheduling("team-a", null, false, null, null),
                List.of()));
        assertEquals("team-a", at(r.job(), "metadata", "labels").get(RunLabels.KUEUE_QUEUE));
        assertNull(at(r.objects().get(0), "metadata", "labels").get(RunLabels.KUEUE_QUEUE));
        Map<String, Object> podLabels = at(r.job(), "spec", "pytorchReplicaSpecs", "Worker", "template", "metadata",
                "labels");
        assertEquals(Map.of(RunLabels.RUN_ID, RenderFixtures.RUN_ID, RunLabels.TRIAL, "3",
                RunLabels.BENCHMARK, "resnet"), podLabels);
        assertNull(at(r.job(), "spec", "runPolicy").get("schedulingPolicy"));
    }

    @Test
    void gangMinAvailableDefaultsToAllReplicasAndHonoursAnExplicitValue() {
        Map<String, Object> all = RenderFixtures.render("resnet", spec(job(JobKind.PYTORCH_JOB,
                replicas("Master", 1, "Worker", 7), GPU8), H100, KUEUE_GANG, List.of())).job();
        assertEquals(8, at(all, "spec", "runPolicy", "schedulingPolicy").get("minAvailable"));
        Map<String, Object> four = RenderFixtures.render("resnet", spec(job(JobKind.PYTORCH_JOB,
                replicas("Master", 1, "Worker", 7), GPU8), H100, new Scheduling(null, null, true, 4, "volcano"),
                List.of())).job();
        assertEquals(Map.of("minAvailable", 4), at(four, "spec", "runPolicy", "schedulingPolicy"));
        assertEquals("volcano", replicaPodSpec(four, "pytorchReplicaSpecs", "Worker").get("schedulerName"));
    }

    @Test
    void mpiJobGetsALauncherOnCpuAndWorkersWithoutCommand() {
        Map<String, Object> mpi = RenderFixtures.render("hvd", spec(job(JobKind.MPI_JOB, replicas("Worker", 2), GPU8),
                H100, Scheduling.NONE, List.of())).job();
        Map<String, Object> specs = at(mpi, "spec", "mpiReplicaSpecs");
        assertEquals(List.of("Launcher", "Worker"), List.copyOf(specs.keySet()));
        assertEquals(1, at(specs, "Launcher").get("replicas"));
        Map<String, Object> launcher = replicaPodSpec(mpi, "mpiReplicaSpecs", "Launcher");
        assertNull(launcher.get("nodeSelector"), "launcher stays off the GPU pool's selector");
        assertTrue(launcher.containsKey("tolerations"));
        assertNull(container(launcher).get("resources"), "launcher requests no GPU");
        assertTrue(container(launcher).containsKey("command"));
        Map<String, Object> worker = replicaPodSpec(mpi, "mpiReplicaSpecs", "Worker");
        assertNull(container(worker).get("command"), "workers keep the operator's sshd/sleep default");
        assertEquals(8, at(container(worker), "resources", "limits").get("nvidia.com/gpu"));
        assertEquals("mpi", container(worker).get("name"));
    }

    @Test
    void gpuResourceFollowsTheNodePoolAndZeroGpusMeansNoGpuLimit() {
        NodePool amd = new NodePool("mi300", Map.of("amd.com/gpu.product-name", "MI300X"), List.of(), null,
                "amd.com/gpu", 8);
        Map<String, Object> job = RenderFixtures.render("resnet", spec(job(JobKind.PYTORCH_JOB, replicas("Master", 1),
                new Resources(8, null, null)), amd, Scheduling.NONE, List.of())).job();
        Map<String, Object> resources = at(container(replicaPodSpec(job, "pytorchReplicaSpecs", "Master")),
                "resources");
        assertEquals(Map.of("limits", Map.of("amd.com/gpu", 8)), resources);
        Map<String, Object> cpuOnly = RenderFixtures.render("resnet", spec(job(JobKind.PYTORCH_JOB,
                replicas("Master", 1), new Resources(0, "2", "4Gi")), NodePool.DEFAULT, Scheduling.NONE,
                List.of())).job();
        Map<String, Object> limits = at(container(replicaPodSpec(cpuOnly, "pytorchReplicaSpecs", "Master")),
                "resources", "limits");
        assertEquals(Map.of("cpu", "2", "memory", "4Gi"), limits);
    }

    @Test
    void batchJobIsIndexedOnlyWithSeveralReplicas() {
        Map<String, Object> one = RenderFixtures.render("nccl", spec(job(JobKind.JOB, replicas("Worker", 1),
                Resources.NONE), NodePool.DEFAULT, Scheduling.NONE, List.of())).job();
        assertNull(at(one, "spec").get("completionMode"));
        assertEquals(1, at(one, "spec").get("completions"));
        assertEquals("Never", at(one, "spec", "template", "spec").get("restartPolicy"));
        assertEquals("main", container(at(one, "spec", "template", "spec")).get("name"));
        Map<String, Object> four = RenderFixtures.render("nccl", spec(job(JobKind.JOB, replicas("Worker", 4),
                Resources.NONE), NodePool.DEFAULT, Scheduling.NONE, List.of())).job();
        assertEquals("Indexed", at(four, "spec").get("completionMode"));
        assertEquals(4, at(four, "spec").get("parallelism"));
    }

    @Test
    void timeoutBecomesWholeSecondsRoundedUp() {
        assertEquals(91, ManifestRenderer.timeoutSeconds(Duration.ofMillis(90_500)));
        assertEquals(1, ManifestRenderer.timeoutSeconds(Duration.ofMillis(1)));
        assertEquals(300, ManifestRenderer.timeoutSeconds(Duration.ofMinutes(5)));
    }

    @Test
    void containerNamesAreTheOnesEachOperatorLooksFor() {
        Map<JobKind, String> fields = Map.of(JobKind.PYTORCH_JOB, "pytorchReplicaSpecs", JobKind.TF_JOB,
                "tfReplicaSpecs", JobKind.XGBOOST_JOB, "xgbReplicaSpecs", JobKind.JAX_JOB, "jaxReplicaSpecs",
                JobKind.PADDLE_JOB, "paddleReplicaSpecs");
        Map<JobKind, String> names = Map.of(JobKind.PYTORCH_JOB, "pytorch", JobKind.TF_JOB, "tensorflow",
                JobKind.XGBOOST_JOB, "xgboost", JobKind.JAX_JOB, "jax", JobKind.PADDLE_JOB, "paddle");
        fields.forEach((kind, field) -> {
            Map<String, Object> job = RenderFixtures.render("bench", spec(job(kind, replicas("Worker", 2), GPU8),
                    H100, Scheduling.NONE, List.of())).job();
            assertEquals(names.get(kind), container(replicaPodSpec(job, field, "Worker")).get("name"), kind.name());
        });
    }

    @Test
    void binaryFilesGoToBinaryData() throws IOException {
        Path bin = tmp.resolve("weights.bin");
        Files.write(bin, new byte[] {0, (byte) 0xff, (byte) 0xfe, 1});
        RenderedTrial r = RenderFixtures.render("resnet", spec(withFiles(job(JobKind.PYTORCH_JOB,
                replicas("Master", 1), GPU8), Map.of("weights.bin", bin)), H100, Scheduling.NONE, List.of()));
        Map<String, Object> cm = r.objects().get(0);
        assertEquals(Map.of("weights.bin", "AP/+AQ=="), cm.get("binaryData"));
        assertNull(cm.get("data"));
    }

    @Test
    void unreadableOrOversizedFilesAreCleanErrors() throws IOException {
        Path missing = tmp.resolve("nope.py");
        KubebenchException e = assertThrows(KubebenchException.class, () -> RenderFixtures.render("resnet",
                spec(withFiles(job(JobKind.PYTORCH_JOB, replicas("Master", 1), GPU8), Map.of("train.py", missing)),
                        H100, Scheduling.NONE, List.of())));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertTrue(e.getMessage().startsWith("job.files.train.py: cannot read " + missing), e.getMessage());
        Path big = tmp.resolve("big.txt");
        Files.writeString(big, "x".repeat(1024 * 1024 + 1));
        KubebenchException tooBig = assertThrows(KubebenchException.class, () -> RenderFixtures.render("resnet",
                spec(withFiles(job(JobKind.PYTORCH_JOB, replicas("Master", 1), GPU8), Map.of("big.txt", big)),
                        H100, Scheduling.NONE, List.of())));
        assertTrue(tooBig.getMessage().contains("larger than 1 MiB"), tooBig.getMessage());
    }

    /** A TrainJob as Trainer's examples write it: its runtime next to it, and a comment after the last {@code ---}. */
    private Path multiDocumentTrainJob(String runtimeKind) throws IOException {
        Path manifest = tmp.resolve("trainjob.yaml");
        Files.writeString(manifest, "# the runtime first\n---\napiVersion: trainer.kubeflow.org/v1alpha1\nkind: "
                + runtimeKind + "\nmetadata:\n  name: torch-custom\n  uid: 1234\nspec:\n  mlPolicy: {numNodes: 1}\n"
                + "---\n" + Files.readString(RenderFixtures.resource("user-trainjob.yaml"))
                + "---\n# nothing more\n---\n");
        return manifest;
    }

    @Test
    void multiDocumentManifestCreatesItsOtherObjectsBeforeTheJobWithTheRunLabels() throws IOException {
        Path manifest = multiDocumentTrainJob("TrainingRuntime");
        RenderedTrial rendered = RenderFixtures.render("llm", spec(withManifest(job(JobKind.TRAIN_JOB, replicas(),
                GPU8), manifest), H100, Scheduling.NONE, List.of()));
        assertEquals(List.of("TrainingRuntime", "TrainJob"), rendered.objects().stream().map(o -> o.get("kind"))
                .toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) rendered.objects().get(0).get("metadata");
        assertEquals("torch-custom", metadata.get("name"));
        assertEquals(RenderFixtures.NAMESPACE, metadata.get("namespace"));
        assertNull(metadata.get("uid"));
        @SuppressWarnings("unchecked")
        Map<String, Object> labels = (Map<String, Object>) metadata.get("labels");
        assertEquals(RenderFixtures.RUN_ID, labels.get(RunLabels.RUN_ID));
    }

    @Test
    void clusterScopedObjectsInAManifestNeedToBeAllowed() throws IOException {
        Path manifest = multiDocumentTrainJob("ClusterTrainingRuntime");
        BenchmarkSpec spec = spec(withManifest(job(JobKind.TRAIN_JOB, replicas(), GPU8), manifest), H100,
                Scheduling.NONE, List.of());
        KubebenchException e = assertThrows(KubebenchException.class, () -> RenderFixtures.render("llm", spec));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals("job.manifest: " + manifest + " holds cluster-scoped object(s) ClusterTrainingRuntime "
                + "torch-custom, which every namespace shares; create them beforehand, or let kubebench create and "
                + "delete them with `kubebench run --allow-cluster-scoped`", e.getMessage());
        RenderedTrial allowed = new ManifestRenderer(true).render(RenderFixtures.trial("llm", spec),
                RenderFixtures.RUN_ID, RenderFixtures.NAMESPACE);
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) allowed.objects().get(0).get("metadata");
        assertFalse(metadata.containsKey("namespace"), metadata.toString());
    }

    @Test
    void aManifestWithTwoJobsIsRejected() throws IOException {
        Path manifest = tmp.resolve("two.yaml");
        String one = Files.readString(RenderFixtures.resource("user-trainjob.yaml"));
        Files.writeString(manifest, one + "---\n" + one);
        KubebenchException e = assertThrows(KubebenchException.class, () -> RenderFixtures.render("llm",
                spec(withManifest(job(JobKind.TRAIN_JOB, replicas(), GPU8), manifest), H100, Scheduling.NONE,
                        List.of())));
        assertEquals(manifest + ": a job manifest holds exactly one object of a job kind (2 found among 2 "
                + "document(s))", e.getMessage());
    }

    @Test
    void manifestOfAnotherKindIsRejected() {
        Path manifest = RenderFixtures.resource("user-pytorchjob.yaml");
        KubebenchException e = assertThrows(KubebenchException.class, () -> RenderFixtures.render("resnet",
                spec(withManifest(job(JobKind.TF_JOB, replicas(), GPU8), manifest), H100, Scheduling.NONE,
                        List.of())));
        assertEquals(manifest + ": kind: is PyTorchJob but job.kind is TFJob", e.getMessage());
    }

    @Test
    void manifestWithoutTheOperatorContainerIsRejected() throws IOException {
        Path manifest = tmp.resolve("job.yaml");
        Files.writeString(manifest, "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: x}\n"
                + "spec:\n  pytorchReplicaSpecs:\n    Master:\n      template:\n        spec:\n"
                + "          containers: [{name: trainer, image: img}]\n");
        KubebenchException e = assertThrows(KubebenchException.class, () -> RenderFixtures.render("resnet",
                spec(withManifest(job(JobKind.PYTORCH_JOB, replicas(), GPU8), manifest), H100, Scheduling.NONE,
                        List.of())));
        assertEquals(manifest + ": spec.pytorchReplicaSpecs.Master.template.spec.containers: has no container named"
                + " \"pytorch\", which the PyTorchJob operator requires", e.getMessage());
    }

    @Test
    void manifestMissingAReplicaTypeTheSpecSetsIsRejected() {
        Path manifest = RenderFixtures.resource("user-pytorchjob.yaml");
        KubebenchException e = assertThrows(KubebenchException.class, () -> RenderFixtures.render("resnet",
                spec(withManifest(job(JobKind.PYTORCH_JOB, replicas("Chief", 1), GPU8), manifest), H100,
                        Scheduling.NONE, List.of())));
        assertTrue(e.getMessage().contains("spec.pytorchReplicaSpecs: has no Chief replica"), e.getMessage());
    }

    @Test
    void manifestReplicaTypesAreMatchedLikeTheOperatorDoes() throws IOException {
        Path manifest = tmp.resolve("mpi.yaml");
        Files.writeString(manifest, "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata: {name: x}\n"
                + "spec:\n  mpiReplicaSpecs:\n    launcher:\n      template:\n        spec:\n"
                + "          containers: [{name: launcher, image: img, command: [mpirun, hostname]}]\n"
                + "    worker:\n      replicas: 2\n      template:\n        spec:\n"
                + "          containers: [{name: worker, image: img}]\n");
        Map<String, Object> job = RenderFixtures.render("hvd", spec(withManifest(job(JobKind.MPI_JOB,
                replicas("Launcher", 1, "Worker", 2), GPU8), manifest), H100, KUEUE_GANG, List.of())).job();
        assertEquals(List.of("Launcher", "Worker"), List.copyOf(at(job, "spec", "mpiReplicaSpecs").keySet()));
        Map<String, Object> launcher = replicaPodSpec(job, "mpiReplicaSpecs", "Launcher");
        assertNull(launcher.get("nodeSelector"), "the launcher is recognised and kept off the GPU pool");
        assertNull(container(launcher).get("resources"));
        Map<String, Object> worker = replicaPodSpec(job, "mpiReplicaSpecs", "Worker");
        assertEquals("worker", container(worker).get("name"), "MPI uses the first container whatever its name");
        assertEquals(8, at(container(worker), "resources", "limits").get("nvidia.com/gpu"));
        assertEquals(3, at(job, "spec", "runPolicy", "schedulingPolicy").get("minAvailable"));
        assertEquals(List.of(), CrdSchemas.validate(job));
    }

    @Test
    void malformedManifestYamlNamesTheLine() throws IOException {
        Path manifest = tmp.resolve("bad.yaml");
        Files.writeString(manifest, "apiVersion: kubeflow.org/v1\nkind: [PyTorchJob\n");
        KubebenchException e = assertThrows(KubebenchException.class, () -> RenderFixtures.render("resnet",
                spec(withManifest(job(JobKind.PYTORCH_JOB, replicas(), GPU8), manifest), H100, Scheduling.NONE,
                        List.of())));
        assertTrue(e.getMessage().matches("\\Q" + manifest + "\\E:\\d+:\\d+: not valid YAML: .*"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void renderingIsDeterministicAndTreesHoldOnlyPlainValues() {
        BenchmarkSpec s = spec(job(JobKind.TRAIN_JOB, replicas("Node", 2), GPU8), H100, KUEUE_GANG, IMAGENET);
        String first = ManifestWriter.toYaml(RenderFixtures.render("lora", s));
        assertEquals(first, ManifestWriter.toYaml(RenderFixtures.render("lora", s)));
        RenderFixtures.render("lora", s).objects().forEach(ManifestRendererTest::assertPlain);
    }

    private static void assertPlain(Object node) {
        if (node instanceof Map) {
            ((Map<?, ?>) node).forEach((k, v) -> {
                assertTrue(k instanceof String);
                assertPlain(v);
            });
        } else if (node instanceof List) {
            ((List<?>) node).forEach(ManifestRendererTest::assertPlain);
        } else {
            assertTrue(node instanceof String || node instanceof Number || node instanceof Boolean, "" + node);
        }
    }

    @Test
    void yamlStreamHasACommentAndADocumentPerObjectForEveryTrial() {
        BenchmarkSpec s = spec(job(JobKind.PYTORCH_JOB, replicas("Master", 1), GPU8), H100, Scheduling.NONE,
                List.of());
        ManifestRenderer renderer = new ManifestRenderer();
        List<RenderedTrial> trials = List.of(
                renderer.render(new Trial(0, Map.of(), 0, 0, RenderFixtures.trial("resnet", s).benchmark()),
                        "render-000000", "default"),
                renderer.render(new Trial(1, Map.of(), 0, 1, RenderFixtures.trial("resnet", s).benchmark()),
                        "render-000000", "default"));
        String yaml = ManifestWriter.toYaml(trials);
        assertTrue(yaml.startsWith("# trial 0, repetition 0: PyTorchJob resnet-000000-0\n---\n"), yaml);
        assertTrue(yaml.contains("# trial 1, repetition 1: PyTorchJob resnet-000000-1\n---\n"));
        List<JsonNode> docs = YAMLMapper.builder().build().readerFor(JsonNode.class).<JsonNode>readValues(yaml)
                .readAll();
        assertEquals(4, docs.size());
        assertEquals("resnet-000000-1-files", docs.get(2).at("/metadata/name").asString());
        assertEquals("1", docs.get(3).at("/metadata/labels/kubebench.dev~1trial").asString());
    }

    @Test
    void jsonIsAnArrayOfTrialsWithTheirObjects() {
        RenderedTrial r = RenderFixtures.render("resnet", spec(job(JobKind.PYTORCH_JOB, replicas("Master", 1), GPU8),
                H100, Scheduling.NONE, List.of()));
        JsonNode json = JsonMapper.builder().build().readTree(ManifestWriter.toJson(List.of(r)));
        assertEquals(1, json.size());
        assertEquals(3, json.get(0).get("trial").asInt());
        assertEquals(2, json.get(0).at("/point/workers").asInt());
        assertEquals(1, json.get(0).get("repetition").asInt());
        assertEquals("resnet-c0ffee-3", json.get(0).get("job").asString());
        assertEquals("PyTorchJob", json.get(0).at("/objects/1/kind").asString());
        assertEquals(8, json.get(0).at("/objects/1/spec/pytorchReplicaSpecs/Master/template/spec/containers/0"
                + "/resources/limits/nvidia.com~1gpu").asInt());
    }
}
