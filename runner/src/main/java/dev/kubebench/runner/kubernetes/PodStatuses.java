package dev.kubebench.runner.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.Collection;

/** What the watch reads from a pod's status. */
final class PodStatuses {
    private PodStatuses() {
    }

    /** True when the pod's phase is {@code Running}. */
    static boolean running(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    }

    /** How many of the pods are running. */
    static int running(Collection<Pod> pods) {
        return (int) pods.stream().filter(PodStatuses::running).count();
    }

    /** True when the pod's phase is final ({@code Succeeded} or {@code Failed}). */
    static boolean finished(Pod pod) {
        return pod.getStatus() != null
                && ("Succeeded".equals(pod.getStatus().getPhase()) || "Failed".equals(pod.getStatus().getPhase()));
    }

    /** When the pod's first container started (this or an earlier instance), or null when none has. */
    static Instant startedAt(Pod pod) {
        Instant first = null;
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            ContainerState s = cs.getState();
            String t = null;
            if (s != null && s.getRunning() != null) {
                t = s.getRunning().getStartedAt();
            } else if (s != null && s.getTerminated() != null) {
                t = s.getTerminated().getStartedAt();
            }
            if (t == null && cs.getLastState() != null && cs.getLastState().getTerminated() != null) {
                t = cs.getLastState().getTerminated().getStartedAt();
            }
            Instant i = JobCondition.time(t);
            if (i != null && (first == null || i.isBefore(first))) {
                first = i;
            }
        }
        return first;
    }
}
