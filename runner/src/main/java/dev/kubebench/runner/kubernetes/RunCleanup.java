package dev.kubebench.runner.kubernetes;

import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.runner.render.RunLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code kubebench cleanup}: deletes every object labelled with a run id (or any run id) in one namespace. */
final class RunCleanup {
    private final KubernetesClient client;
    private final String namespace;
    private final String server;
    private final ApiRetry retry;

    RunCleanup(KubernetesClient client, ApiRetry retry) {
        this.retry = retry;
        this.client = client;
        this.namespace = client.getNamespace();
        this.server = String.valueOf(client.getMasterUrl());
    }

    /** Deletes the run's objects (all kubebench runs' when {@code runId} is null); returns how many. */
    int delete(String runId) {
        Set<ResourceDefinitionContext> contexts = new LinkedHashSet<>();
        for (JobKind kind : JobKind.values()) {
            contexts.add(JobType.of(kind, null).context());
        }
        contexts.add(JobType.of(JobKind.MPI_JOB, "kubeflow.org/v2beta1").context());
        int count = 0;
        for (ResourceDefinitionContext ctx : contexts) {
            count += deleteLabelled(client.genericKubernetesResources(ctx), runId, ctx.getPlural()
                    + (ctx.getGroup().isEmpty() ? "" : "." + ctx.getGroup()), true);
        }
        for (Class<? extends HasMetadata> builtin : List.of(ConfigMap.class, Secret.class, Service.class, Pod.class)) {
            count += deleteLabelled(client.genericKubernetesResources(ResourceDefinitionContext.fromResourceType(
                    builtin)), runId, builtin.getSimpleName().toLowerCase(Locale.ROOT) + "s", false);
        }
        return count;
    }

    private int deleteLabelled(MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> op, String runId, String resource, boolean mayBeMissing) {
        List<GenericKubernetesResource> items;
        try {
            items = retry.call(() -> (runId == null ? op.inNamespace(namespace).withLabel(RunLabels.RUN_ID)
                    : op.inNamespace(namespace).withLabel(RunLabels.RUN_ID, runId)).list().getItems());
        } catch (KubernetesClientException e) {
            if (mayBeMissing && ApiErrors.code(e) == 404) {
                return 0; // that operator's CRD is not installed: nothing of that kind can exist
            }
            throw ApiErrors.infrastructure(e, server, "list", resource, namespace);
        }
        int count = 0;
        for (GenericKubernetesResource r : items) {
            try {
                retry.run(() -> op.inNamespace(namespace).withName(r.getMetadata().getName())
                        .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete());
                count++;
            } catch (KubernetesClientException e) {
                if (ApiErrors.code(e) != 404) {
                    throw ApiErrors.infrastructure(e, server, "delete", resource, namespace);
                }
            }
        }
        return count;
    }
}
