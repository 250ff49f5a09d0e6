package dev.kubebench.runner.kubernetes;

import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.core.io.AtomicFiles;
import dev.kubebench.core.secret.Redactor;
import dev.kubebench.runner.render.ClusterScopedKinds;
import dev.kubebench.runner.render.RunLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects one trial creates, as rendered and stamped with the kubebench labels and the namespace. */
final class TrialObjects {
    private TrialObjects() {
    }

    /** Renders, stamps the kubebench labels and namespace, and checks that the job is among the objects. */
    static List<GenericKubernetesResource> of(ManifestSource manifests, KubernetesSerialization serialization,
                                              Trial trial, String runId, String jobName, JobType type,
                                              String namespace) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        boolean hasJob = false;
        for (Map<String, Object> m : manifests.manifests(trial, runId, jobName)) {
            GenericKubernetesResource r = serialization.convertValue(m, GenericKubernetesResource.class);
            Map<String, String> labels = new LinkedHashMap<>();
            if (r.getMetadata().getLabels() != null) {
                labels.putAll(r.getMetadata().getLabels());
            }
            labels.putIfAbsent(RunLabels.RUN_ID, runId);
            labels.putIfAbsent(RunLabels.TRIAL, Integer.toString(trial.index()));
            labels.putIfAbsent(RunLabels.BENCHMARK, trial.benchmark().metadata().name());
            r.getMetadata().setLabels(labels);
            r.getMetadata().setNamespace(ClusterScopedKinds.isClusterScoped(r.getKind()) ? null : namespace);
            if (ObjectOperations.isJob(r, type)) {
                if (hasJob) {
                    throw new IllegalStateException("manifests hold more than one " + type.kind().kindName());
                }
                hasJob = true;
                if (r.getMetadata().getName() == null) {
                    r.getMetadata().setName(jobName);
                } else if (!jobName.equals(r.getMetadata().getName())) {
                    throw new IllegalStateException("the rendered " + type.kind().kindName() + " is named "
                            + r.getMetadata().getName() + ", expected " + jobName);
                }
            }
            out.add(r);
        }
        if (!hasJob) {
            throw new IllegalStateException("manifests hold no " + type.kind().kindName() + " " + type.apiVersion());
        }
        return out;
    }

    /**
     * Writes what is submitted to {@code manifest.yaml} (atomically), unless the trial directory has one. The copy on
     * disk is redacted ({@link Redactor#redactTree}); the objects submitted keep their literal values.
     */
    static void writeManifest(Path trialDir, List<GenericKubernetesResource> objects,
                              KubernetesSerialization serialization, Redactor redactor) {
        Path file = trialDir.resolve("manifest.yaml");
        if (Files.exists(file)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (GenericKubernetesResource r : objects) {
            String yaml = serialization.asYaml(redactor.redactTree(serialization.convertValue(r, Map.class)));
            sb.append(yaml.startsWith("---") ? "" : "---\n").append(yaml);
            if (!yaml.endsWith("\n")) {
                sb.append('\n');
            }
        }
        try {
            AtomicFiles.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
