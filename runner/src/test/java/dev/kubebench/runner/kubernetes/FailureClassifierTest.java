package dev.kubebench.runner.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.trial.FailureCause;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Classification from recorded pod and job status, as the kubelet, scheduler and operators write it. */
class FailureClassifierTest {

    private static Pod pod(String statusJson) {
        Pod p = new PodBuilder().withNewMetadata().withName("job-worker-0").endMetadata().withNewSpec()
                .addNewContainer().withName("pytorch").withImage("img").withNewResources()
                .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("32Gi")).endResources()
                .endContainer().endSpec().build();
        p.setStatus(io.fabric8.kubernetes.client.utils.Serialization.unmarshal(statusJson,
                io.fabric8.kubernetes.api.model.PodStatus.class));
        return p;
    }

    @Test
    void preemptionByTheSchedulerIsEviction() {
        Optional<Classification> v = FailureClassifier.immediate(pod("{\"phase\":\"Running\",\"conditions\":[{\"type\":"
                + "\"DisruptionTarget\",\"status\":\"True\",\"reason\":\"PreemptionByScheduler\",\"message\":"
                + "\"Preempted in order to admit critical pod\"}]}"));
        assertEquals(FailureCause.EVICTED, v.orElseThrow().cause());
        assertEquals("pod job-worker-0 was preempted (PreemptionByScheduler): Preempted in order to admit critical pod",
                v.get().reason());
    }

    @Test
    void crashLoopAfterOomIsOom() {
        Classification v = FailureClassifier.immediate(pod("{\"phase\":\"Running\",\"containerStatuses\":[{\"name\":"
                + "\"pytorch\",\"restartCount\":5,\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}},"
                + "\"lastState\":{\"terminated\":{\"exitCode\":137,\"reason\":\"OOMKilled\"}}}]}")).orElseThrow();
        assertEquals(FailureCause.OOM_KILLED, v.cause());
        assertEquals("pod job-worker-0 container pytorch: OOMKilled (exit 137) and restarting in CrashLoopBackOff after "
                + "5 restarts, memory limit 32Gi", v.reason());
    }

    @Test
    void healthyAndPendingPodsAreLeftAlone() {
        assertTrue(FailureClassifier.immediate(pod("{\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":"
                + "\"pytorch\",\"state\":{\"waiting\":{\"reason\":\"ContainerCreating\"}}}]}")).isEmpty());
        assertEquals(Optional.of("0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector."),
                FailureClassifier.unschedulable(pod("{\"phase\":\"Pending\",\"conditions\":[{\"type\":"
                        + "\"PodScheduled\",\"status\":\"False\",\"reason\":\"Unschedulable\",\"message\":\"0/2 nodes "
                        + "are available: 2 node(s) didn't match Pod's node affinity/selector.\"}]}")));
    }

    @Test
    void failedConditionIsFoundAnywhereInTheListAndQuotesExitCodes() {
        GenericKubernetesResource job = new GenericKubernetesResource();
        job.setAdditionalProperty("status", Map.of("conditions", List.of(
                Map.of("type", "Created", "status", "True"),
                Map.of("type", "Failed", "status", "True", "reason", "TFJobFailed",
                        "message", "TFJob ml/job has failed because 1 Worker replica(s) failed.",
                        "lastTransitionTime", "2026-11-28T20:00:00Z"),
                Map.of("type", "Running", "status", "False"))));
        List<JobCondition> conditions = JobCondition.of(job);
        JobCondition failed = JobCondition.findTrue(conditions, "Failed").orElseThrow();
        assertEquals("2026-11-28T20:00:00Z", failed.lastTransitionTime().toString());
        Classification v = FailureClassifier.failedJob(failed, List.of(pod(
                "{\"phase\":\"Failed\",\"containerStatuses\":"
                + "[{\"name\":\"pytorch\",\"state\":{\"terminated\":{\"exitCode\":2,\"reason\":\"Error\"}}}]}")));
        assertEquals(FailureCause.JOB_FAILED, v.cause());
        assertEquals("job failed: TFJobFailed: TFJob ml/job has failed because 1 Worker replica(s) failed.; "
                + "job-worker-0/pytorch exited 2", v.reason());
    }

    @Test
    void mpiEvictionReasonIsInfrastructure() {
        JobCondition failed = new JobCondition("Failed", "True", "MPIJobEvicted", "launcher pod was evicted", null);
        Classification v = FailureClassifier.failedJob(failed, List.of());
        assertEquals(FailureCause.EVICTED, v.cause());
        assertTrue(FailureCause.EVICTED.infrastructure());
    }
}
