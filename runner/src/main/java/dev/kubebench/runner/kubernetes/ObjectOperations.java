package dev.kubebench.runner.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Locale;

/** Where the API serves each object a trial creates: its job through the job type, the rest by kind. */
final class ObjectOperations {
    private ObjectOperations() {
    }

    /** True when {@code r} is the trial's job (its kind and apiVersion are the job type's). */
    static boolean isJob(GenericKubernetesResource r, JobType type) {
        return type.kind().kindName().equals(r.getKind()) && type.apiVersion().equals(r.getApiVersion());
    }

    static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> operation(KubernetesClient client, GenericKubernetesResource r,
                                                           JobType type) {
        if (isJob(r, type)) {
            return client.genericKubernetesResources(type.context());
        }
        if ("v1".equals(r.getApiVersion())) {
            Class<? extends HasMetadata> builtin = switch (r.getKind()) {
                case "ConfigMap" -> ConfigMap.class;
                case "Secret" -> Secret.class;
                case "Service" -> Service.class;
                default -> null;
            };
            if (builtin != null) {
                return client.genericKubernetesResources(ResourceDefinitionContext.fromResourceType(builtin));
            }
        }
        if (("TrainingRuntime".equals(r.getKind()) || "ClusterTrainingRuntime".equals(r.getKind()))
                && r.getApiVersion() != null && r.getApiVersion().startsWith("trainer.kubeflow.org/")) {
            // known without API discovery, like the job kinds
            JobType runtimes = JobType.of(dev.kubebench.catalog.spec.JobKind.TRAIN_JOB, r.getApiVersion());
            return client.genericKubernetesResources(TrainJobRuntimes.context(runtimes,
                    "ClusterTrainingRuntime".equals(r.getKind())));
        }
        return client.genericKubernetesResources(r.getApiVersion(), r.getKind());
    }

    /** {@code pytorchjobs.kubeflow.org}, {@code configmaps}: the resource for messages. */
    static String resourceName(GenericKubernetesResource r, JobType type) {
        return r.getKind().equals(type.kind().kindName()) ? type.resourceName()
                : r.getKind().toLowerCase(Locale.ROOT) + "s";
    }
}
