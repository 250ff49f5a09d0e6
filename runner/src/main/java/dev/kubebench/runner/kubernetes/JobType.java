package dev.kubebench.runner.kubernetes;

import dev.kubebench.catalog.spec.JobKind;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Objects;

/**
 * How kubebench addresses one job kind at one API version on the cluster: its resource, the CRD that serves it, the
 * pod label that selects its replicas and the condition type that means success (see
 * reference/kubeflow-operators.md sections 1.3, 1.4, 3, 4.2).
 *
 * @param kind             the job kind
 * @param group            API group ({@code kubeflow.org}, {@code trainer.kubeflow.org}, {@code batch})
 * @param version          API version ({@code v1}, {@code v2beta1}, {@code v1alpha1})
 * @param plural           resource plural
 * @param crdName          the CRD's name, or null for built-in kinds
 * @param podJobLabel      the pod label whose value is the job name
 * @param successCondition the condition type that, with status True, means the job succeeded
 */
public record JobType(JobKind kind, String group, String version, String plural, String crdName, String podJobLabel,
                      String successCondition) {
    /** v1 training operator and MPI operator pods. */
    public static final String TRAINING_JOB_NAME_LABEL = "training.kubeflow.org/job-name";
    /** JobSet pods (TrainJob). */
    public static final String JOBSET_NAME_LABEL = "jobset.sigs.k8s.io/jobset-name";
    /** batch/v1 Job pods; set by every Kubernetes version (the prefixed {@code batch.kubernetes.io/job-name} only from 1.27). */
    public static final String BATCH_JOB_NAME_LABEL = "job-name";

    public JobType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
    }

    /** The job type for a kind rendered at {@code apiVersion} (the kind's default when null). */
    public static JobType of(JobKind kind, String apiVersion) {
        String av = apiVersion == null ? kind.apiVersion() : apiVersion;
        int slash = av.indexOf('/');
        String group = slash < 0 ? "" : av.substring(0, slash);
        String version = av.substring(slash + 1);
        switch (kind) {
            case TRAIN_JOB:
                return new JobType(kind, group, version, kind.plural(), kind.plural() + "." + group,
                        JOBSET_NAME_LABEL, "Complete");
            case JOB:
                return new JobType(kind, group, version, kind.plural(), null, BATCH_JOB_NAME_LABEL, "Complete");
            default:
                return new JobType(kind, group, version, kind.plural(), kind.plural() + "." + group,
                        TRAINING_JOB_NAME_LABEL, "Succeeded");
        }
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code pytorchjobs.kubeflow.org}, {@code jobs.batch}: for messages. */
    public String resourceName() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural)
                .withKind(kind.kindName()).withNamespaced(true).build();
    }
}
