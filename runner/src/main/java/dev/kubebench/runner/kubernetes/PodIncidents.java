package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.runner.Timeline;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What happened to a trial's pods on the way that did not end it, recorded in the timeline once each: container
 * restarts and pods re-created under the same name ({@code pod_restarted}, with how long the previous attempt ran),
 * and disruptions ({@code disruption}: eviction, preemption, deletion by PodGC after the node was lost, with the
 * node). The collector turns them into result.json warnings and counts. Not thread-safe; the watch guards it.
 */
final class PodIncidents {
    private final Timeline timeline;
    private final Map<String, String> uidByName = new HashMap<>();
    /** uid/container → the highest restart count recorded. */
    private final Map<String, Integer> restarts = new HashMap<>();
    private final Set<String> disrupted = new HashSet<>();

    PodIncidents(Timeline timeline) {
        this.timeline = timeline;
    }

    void observe(Pod pod) {
        String name = pod.getMetadata().getName();
        String uid = pod.getMetadata().getUid() == null ? name : pod.getMetadata().getUid();
        String before = uidByName.put(name, uid);
        if (before != null && !before.equals(uid)) {
            timeline.record(EventKind.POD_RESTARTED, name, "pod re-created with a new uid " + uid);
        }
        for (ContainerStatus cs : FailureClassifier.allContainerStatuses(pod)) {
            int count = cs.getRestartCount() == null ? 0 : cs.getRestartCount();
            String key = uid + "/" + cs.getName();
            if (count > restarts.getOrDefault(key, 0)) {
                restarts.put(key, count);
                timeline.record(EventKind.POD_RESTARTED, name, "container " + cs.getName() + " restart " + count
                        + previousAttempt(cs));
            }
        }
        disruption(pod).ifPresent(detail -> {
            if (disrupted.add(uid)) {
                timeline.record(EventKind.DISRUPTION, name, detail);
            }
        });
    }

    /** {@code ; previous attempt ran 12.3s, exit 1 (Error)} from the container's last state, when known. */
    private static String previousAttempt(ContainerStatus cs) {
        ContainerStateTerminated last = cs.getLastState() == null ? null : cs.getLastState().getTerminated();
        if (last == null) {
            return "";
        }
        Instant from = JobCondition.time(last.getStartedAt());
        Instant to = JobCondition.time(last.getFinishedAt());
        String ran = from == null || to == null ? "" : " ran " + String.format(Locale.ROOT, "%.1fs",
                Duration.between(from, to).toMillis() / 1000.0) + ",";
        return "; previous attempt" + ran + " exit " + last.getExitCode()
                + (last.getReason() == null ? "" : " (" + last.getReason() + ")");
    }

    /** The cluster pushed the pod off its node: {@code reason: message (node n)}; empty otherwise. */
    static java.util.Optional<String> disruption(Pod pod) {
        if (pod.getStatus() == null) {
            return java.util.Optional.empty();
        }
        String node = pod.getSpec() == null || pod.getSpec().getNodeName() == null ? ""
                : " (node " + pod.getSpec().getNodeName() + ")";
        for (PodCondition c : FailureClassifier.conditions(pod)) {
            if ("DisruptionTarget".equals(c.getType()) && "True".equals(c.getStatus())) {
                return java.util.Optional.of(c.getReason() + ": " + oneLine(c.getMessage()) + node);
            }
        }
        if ("Failed".equals(pod.getStatus().getPhase()) && "Evicted".equals(pod.getStatus().getReason())) {
            return java.util.Optional.of("Evicted: " + oneLine(pod.getStatus().getMessage()) + node);
        }
        return java.util.Optional.empty();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
