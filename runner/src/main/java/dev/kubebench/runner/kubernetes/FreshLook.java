package dev.kubebench.runner.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Collection;
import java.util.List;

/**
 * Why a job failed, judged once its Failed condition arrived: one LIST of the job's pods by label, merged with the
 * last-known state of pods already deleted, classified by {@link FailureClassifier}. The job's condition and the
 * pods' states come through two informers in no guaranteed order; the LIST sees what the API server holds now,
 * which the operator acted on before it wrote Failed.
 */
final class FreshLook {
    private FreshLook() {
    }

    /**
     * @param lastKnown the pods as the watch saw them, deleted ones included; used alone when the LIST fails
     * @param logs      gets the listed pods, so a replica the watch has not reported yet still has its log read
     */
    static Classification failedJob(KubernetesClient client, ApiRetry retry, JobType type, String jobName,
                                    JobCondition failed, Collection<Pod> lastKnown, ReplicaLogs logs) {
        List<Pod> listed;
        try {
            listed = retry.call(() -> client.pods().inNamespace(client.getNamespace())
                    .withLabel(type.podJobLabel(), jobName).list().getItems());
        } catch (KubernetesClientException e) {
            listed = List.of();
        }
        listed.forEach(logs::observe);
        return FailureClassifier.failedJob(failed, PodStatuses.merge(listed, lastKnown));
    }
}
