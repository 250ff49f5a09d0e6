package dev.kubebench.runner.render;

import static dev.kubebench.runner.render.RenderFixtures.H100;
import static dev.kubebench.runner.render.RenderFixtures.IMAGENET;
import static dev.kubebench.runner.render.RenderFixtures.KUEUE_GANG;
import static dev.kubebench.runner.render.RenderFixtures.job;
import static dev.kubebench.runner.render.RenderFixtures.replicas;
import static dev.kubebench.runner.render.RenderFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.Resources;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Proves the CRD validation used by the golden tests is not vacuous: a valid rendered object passes, and each
 * deliberate breakage fails with an error that points at the broken field.
 */
class CrdSchemaValidationTest {

    private static Map<String, Object> pytorchJob() {
        return Trees.copyMap(RenderFixtures.render("resnet", spec(
                job(JobKind.PYTORCH_JOB, replicas("Master", 1, "Worker", 2), new Resources(8, "96", "900Gi")),
                H100, KUEUE_GANG, IMAGENET)).job());
    }

    private static Map<String, Object> trainJob() {
        return Trees.copyMap(RenderFixtures.render("lora", spec(
                job(JobKind.TRAIN_JOB, replicas("Node", 2), new Resources(8, "96", "900Gi")),
                H100, KUEUE_GANG, IMAGENET)).job());
    }

    private static Map<String, Object> batchJob() {
        return Trees.copyMap(RenderFixtures.render("nccl", spec(
                job(JobKind.JOB, replicas("Worker", 2), new Resources(1, null, null)),
                H100, KUEUE_GANG, List.of())).job());
    }

    private static Map<String, Object> at(Map<String, Object> root, String... path) {
        Map<String, Object> node = root;
        for (String key : path) {
            node = Trees.asMap(node.get(key));
        }
        return node;
    }

    private static Map<String, Object> firstContainer(Map<String, Object> podTemplate) {
        return Trees.asMap(Trees.asList(at(podTemplate, "spec").get("containers")).get(0));
    }

    private static Map<String, Object> masterTemplate(Map<String, Object> job) {
        return at(job, "spec", "pytorchReplicaSpecs", "Master", "template");
    }

    /** Applies a breakage to a fresh object and returns the validation errors. */
    private static List<String> broken(Map<String, Object> object, Consumer<Map<String, Object>> breakage) {
        assertEquals(List.of(), CrdSchemas.validate(object), "the unbroken object must be valid");
        breakage.accept(object);
        return CrdSchemas.validate(object);
    }

    private static void assertFailsAt(List<String> errors, String location) {
        assertFalse(errors.isEmpty(), "expected a schema violation at " + location);
        assertTrue(errors.stream().anyMatch(e -> e.contains(location)), location + " not in " + errors);
    }

    @Test
    void replicasAsStringFails() {
        assertFailsAt(broken(pytorchJob(), j -> at(j, "spec", "pytorchReplicaSpecs", "Worker").put("replicas", "two")),
                "/spec/pytorchReplicaSpecs/Worker/replicas");
    }

    @Test
    void missingRequiredContainerNameFails() {
        assertFailsAt(broken(pytorchJob(), j -> firstContainer(masterTemplate(j)).remove("name")),
                "/spec/pytorchReplicaSpecs/Master/template/spec/containers/0: required property 'name'");
    }

    @Test
    void missingReplicaSpecsFails() {
        assertFailsAt(broken(pytorchJob(), j -> at(j, "spec").remove("pytorchReplicaSpecs")),
                "/spec: required property 'pytorchReplicaSpecs'");
    }

    @Test
    void unknownSpecFieldFails() {
        assertFailsAt(broken(pytorchJob(), j -> at(j, "spec").put("timeoutt", "2h")),
                "/spec: property 'timeoutt' is not defined");
    }

    @Test
    void unknownContainerFieldFails() {
        assertFailsAt(broken(pytorchJob(), j -> firstContainer(masterTemplate(j)).put("gpus", 8)),
                "/spec/pytorchReplicaSpecs/Master/template/spec/containers/0: property 'gpus' is not defined");
    }

    @Test
    void malformedQuantityFails() {
        assertFailsAt(broken(pytorchJob(), j -> at(firstContainer(masterTemplate(j)), "resources", "limits")
                .put("memory", "lots")), "/spec/pytorchReplicaSpecs/Master/template/spec/containers/0/resources/limits/memory");
    }

    @Test
    void intOrStringAcceptsBoth() {
        Map<String, Object> job = pytorchJob();
        at(firstContainer(masterTemplate(job)), "resources", "limits").put("cpu", 96);
        at(firstContainer(masterTemplate(job)), "resources", "requests").put("memory", "900Gi");
        assertEquals(List.of(), CrdSchemas.validate(job));
    }

    @Test
    void gangMinAvailableAsStringFails() {
        assertFailsAt(broken(pytorchJob(), j -> at(j, "spec", "runPolicy", "schedulingPolicy")
                .put("minAvailable", "all")), "/spec/runPolicy/schedulingPolicy/minAvailable");
    }

    @Test
    void trainJobWithoutRuntimeRefFails() {
        assertFailsAt(broken(trainJob(), j -> at(j, "spec").remove("runtimeRef")), "/spec: required property 'runtimeRef'");
    }

    @Test
    void trainJobNumProcPerNodeMustBeAnInteger() {
        assertFailsAt(broken(trainJob(), j -> at(j, "spec", "trainer").put("numProcPerNode", "auto")),
                "/spec/trainer/numProcPerNode");
    }

    @Test
    void trainJobRuntimePatchRejectsPodFieldsItCannotPatch() {
        // Trainer v2.3 runtime patches allow a fixed subset of the pod spec; schedulerName is not in it.
        assertFailsAt(broken(trainJob(), j -> {
            Map<String, Object> patch = Trees.asMap(Trees.asList(at(j, "spec").get("runtimePatches")).get(0));
            Map<String, Object> replicatedJob = Trees.asMap(Trees.asList(
                    at(patch, "trainingRuntimeSpec", "template", "spec").get("replicatedJobs")).get(0));
            at(replicatedJob, "template", "spec", "template", "spec").put("schedulerName", "volcano");
        }), "/spec/runtimePatches/0/trainingRuntimeSpec/template/spec/replicatedJobs/0/template/spec/template/spec: property 'schedulerName'");
    }

    @Test
    void trainJobActiveDeadlineMustBePositive() {
        assertFailsAt(broken(trainJob(), j -> at(j, "spec").put("activeDeadlineSeconds", 0)),
                "/spec/activeDeadlineSeconds");
    }

    @Test
    void mpiV2beta1RejectsUnknownImplementation() {
        Map<String, Object> mpi = Trees.copyMap(RenderFixtures.render("hvd", spec(
                new dev.kubebench.catalog.spec.JobSpec(JobKind.MPI_JOB, KubeflowJobRenderer.MPI_V2BETA1, "img:1",
                        List.of("mpirun"), List.of(), Map.of(), replicas("Worker", 2), Resources.NONE, Map.of(), null,
                        null, null, null, null), H100, KUEUE_GANG, List.of())).job());
        assertFailsAt(broken(mpi, j -> at(j, "spec").put("mpiImplementation", "MVAPICH")), "/spec/mpiImplementation");
    }

    @Test
    void batchJobRestartPolicyAlwaysFails() {
        assertFailsAt(broken(batchJob(), j -> at(j, "spec", "template", "spec").put("restartPolicy", "Always")),
                "/spec/template/spec/restartPolicy");
    }

    @Test
    void batchJobWithoutTemplateFails() {
        assertFailsAt(broken(batchJob(), j -> at(j, "spec").remove("template")), "/spec: required property 'template'");
    }

    @Test
    void batchJobWithoutContainersFails() {
        assertFailsAt(broken(batchJob(), j -> at(j, "spec", "template", "spec").remove("containers")),
                "/spec/template/spec: required property 'containers'");
    }

    @Test
    void jobNameMustBeDns1035() {
        assertFailsAt(broken(pytorchJob(), j -> at(j, "metadata").put("name", "Resnet_Run")), "/metadata/name");
    }
}
