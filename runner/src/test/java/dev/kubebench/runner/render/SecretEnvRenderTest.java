package dev.kubebench.runner.render;

import static dev.kubebench.runner.render.RenderFixtures.H100;
import static dev.kubebench.runner.render.RenderFixtures.replicas;
import static dev.kubebench.runner.render.RenderFixtures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.catalog.spec.Scheduling;
import dev.kubebench.core.secret.Redactor;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** env valueFrom references are rendered as Kubernetes EnvVars, never resolved; the written copy masks literals. */
class SecretEnvRenderTest {
    private static final KubernetesSerialization K8S = new KubernetesSerialization();

    private static Map<String, EnvValue> env() {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        env.put("NCCL_DEBUG", EnvValue.literal("WARN"));
        env.put("HF_TOKEN", new EnvValue.SecretKeyRef("hf", "token", false));
        env.put("WANDB_API_KEY", new EnvValue.SecretKeyRef("wandb", "api-key", true));
        env.put("MODEL", new EnvValue.ConfigMapKeyRef("models", "name", false));
        env.put("POD_NAME", new EnvValue.FieldRef("metadata.name"));
        env.put("DB_PASSWORD", EnvValue.literal("literal-db-password"));
        return env;
    }

    private static RenderedTrial render(JobKind kind, Map<String, Integer> replicas) {
        JobSpec job = new JobSpec(kind, null, "registry.example/train:1", List.of("python3", "train.py"), List.of(),
                env(), replicas, new Resources(1, null, null), Map.of(), null, null, null, null, null);
        return RenderFixtures.render("secrets", spec(job, H100, Scheduling.NONE, List.of()));
    }

    private static List<EnvVar> containerEnv(Map<String, Object> podSpec) {
        Map<String, Object> container = Trees.asMap(Trees.asList(podSpec.get("containers")).get(0));
        return Trees.asList(container.get("env")).stream().map(e -> K8S.convertValue(e, EnvVar.class)).toList();
    }

    private static List<EnvVar> expected() {
        return List.of(
                new EnvVarBuilder().withName("NCCL_DEBUG").withValue("WARN").build(),
                new EnvVarBuilder().withName("HF_TOKEN").withNewValueFrom().withNewSecretKeyRef("token", "hf", null)
                        .endValueFrom().build(),
                new EnvVarBuilder().withName("WANDB_API_KEY").withNewValueFrom()
                        .withNewSecretKeyRef("api-key", "wandb", true).endValueFrom().build(),
                new EnvVarBuilder().withName("MODEL").withNewValueFrom().withNewConfigMapKeyRef("name", "models", null)
                        .endValueFrom().build(),
                new EnvVarBuilder().withName("POD_NAME").withNewValueFrom().withNewFieldRef("v1", "metadata.name")
                        .endValueFrom().build(),
                new EnvVarBuilder().withName("DB_PASSWORD").withValue("literal-db-password").build());
    }

    @Test
    void referencesAreKubernetesEnvVarsWithValueFrom() {
        RenderedTrial pytorch = render(JobKind.PYTORCH_JOB, replicas("Master", 1, "Worker", 1));
        for (String type : List.of("Master", "Worker")) {
            Map<String, Object> pod = Trees.asMap(Trees.asMap(Trees.asMap(Trees.asMap(Trees.asMap(
                    pytorch.job().get("spec")).get("pytorchReplicaSpecs")).get(type)).get("template")).get("spec"));
            assertEquals(expected(), containerEnv(pod), type);
        }
        RenderedTrial batch = render(JobKind.JOB, replicas("Worker", 1));
        Map<String, Object> pod = Trees.asMap(Trees.asMap(Trees.asMap(batch.job().get("spec")).get("template"))
                .get("spec"));
        assertEquals(expected(), containerEnv(pod));
    }

    @Test
    void everyKindWithReferencesPassesItsCrdSchema() {
        assertEquals(List.of(), CrdSchemas.validate(render(JobKind.PYTORCH_JOB, replicas("Master", 1, "Worker", 1))
                .job()));
        assertEquals(List.of(), CrdSchemas.validate(render(JobKind.TRAIN_JOB, replicas("Node", 2)).job()));
        assertEquals(List.of(), CrdSchemas.validate(render(JobKind.JOB, replicas("Worker", 1)).job()));
        assertEquals(List.of(), CrdSchemas.validate(render(JobKind.MPI_JOB, replicas("Worker", 2)).job()));
    }

    @Test
    void theWrittenCopyMasksSecretLiteralsAndKeepsReferences() {
        RenderedTrial r = render(JobKind.PYTORCH_JOB, replicas("Master", 1));
        String plain = ManifestWriter.toYaml(r);
        assertTrue(plain.contains("literal-db-password"), "the objects themselves keep their literal values");
        for (String written : List.of(ManifestWriter.toYaml(List.of(r), Redactor.NONE),
                ManifestWriter.toJson(List.of(r), Redactor.NONE))) {
            assertFalse(written.contains("literal-db-password"), written);
            assertTrue(written.contains("secretKeyRef"), written);
            assertTrue(written.contains("WARN"), written);
        }
        assertTrue(r.job().toString().contains("literal-db-password"), "rendering the copy does not change the trial");
    }
}
