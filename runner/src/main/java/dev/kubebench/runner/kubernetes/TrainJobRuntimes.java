package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.function.Consumer;

/**
 * Preflight for a TrainJob: the runtime it names must exist as a ClusterTrainingRuntime or as a TrainingRuntime in
 * the namespace, or Trainer's admission webhook refuses the TrainJob ("runtime not found") only once the run started.
 */
final class TrainJobRuntimes {
    private final KubernetesClient client;
    private final ApiRetry retry;
    private final Consumer<String> warnings;

    TrainJobRuntimes(KubernetesClient client, ApiRetry retry, Consumer<String> warnings) {
        this.client = client;
        this.retry = retry;
        this.warnings = warnings;
    }

    /** The cluster-scoped or the namespaced runtime resource at the TrainJob's API version. */
    static ResourceDefinitionContext context(JobType trainJob, boolean clusterScoped) {
        String kind = clusterScoped ? "ClusterTrainingRuntime" : "TrainingRuntime";
        return new ResourceDefinitionContext.Builder().withGroup(trainJob.group()).withVersion(trainJob.version())
                .withKind(kind).withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s")
                .withNamespaced(!clusterScoped).build();
    }

    /** @throws KubebenchException INFRASTRUCTURE when neither kind of runtime named {@code runtime} exists */
    void check(JobType trainJob, String runtime) {
        try {
            if (find(context(trainJob, true), runtime) != null || find(context(trainJob, false), runtime) != null) {
                return;
            }
        } catch (KubernetesClientException e) {
            if (ApiErrors.code(e) == 403) {
                warnings.accept("cannot read training runtimes (forbidden); skipped the TrainJob runtime check");
                return;
            }
            throw ApiErrors.infrastructure(e, String.valueOf(client.getMasterUrl()), "get", "trainingruntimes",
                    client.getNamespace());
        }
        throw new KubebenchException(Failure.INFRASTRUCTURE, "TrainJob runtime " + runtime + " not found: no "
                + "ClusterTrainingRuntime and no TrainingRuntime in namespace " + client.getNamespace() + " is named "
                + runtime + " (kubectl get clustertrainingruntimes lists the installed ones)");
    }

    private GenericKubernetesResource find(ResourceDefinitionContext ctx, String name) {
        try {
            return retry.call(() -> ctx.isNamespaceScoped()
                    ? client.genericKubernetesResources(ctx).inNamespace(client.getNamespace()).withName(name).get()
                    : client.genericKubernetesResources(ctx).withName(name).get());
        } catch (KubernetesClientException e) {
            if (ApiErrors.code(e) == 404) {
                return null; // the CRD itself is missing: no runtime of that kind exists
            }
            throw e;
        }
    }
}
