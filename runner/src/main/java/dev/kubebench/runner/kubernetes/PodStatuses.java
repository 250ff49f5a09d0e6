package dev.kubebench.runner.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The key pods are tracked by: the uid, which changes when a pod is re-created under the same name. */
    static String key(Pod pod) {
        return pod.getMetadata().getUid() == null ? pod.getMetadata().getName() : pod.getMetadata().getUid();
    }

    /**
     * The pods of a fresh LIST merged with the last-known state of pods the watch saw and the LIST no longer holds
     * (deleted ones keep their final state there); the listed state wins for a pod in both.
     */
    static List<Pod> merge(List<Pod> listed, Collection<Pod> lastKnown) {
        Map<String, Pod> merged = new LinkedHashMap<>();
        listed.forEach(p -> merged.put(key(p), p));
        lastKnown.forEach(p -> merged.putIfAbsent(key(p), p));
        return new ArrayList<>(merged.values());
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
