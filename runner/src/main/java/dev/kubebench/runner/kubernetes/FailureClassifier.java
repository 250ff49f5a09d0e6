package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.trial.FailureCause;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies why a trial's job failed from its pods and conditions (DESIGN 4). Pure functions of the observed
 * objects, so every class can be tested from recorded status alone.
 */
final class FailureClassifier {
    private static final Set<String> IMAGE_PULL_REASONS = Set.of("ErrImagePull", "ImagePullBackOff",
            "InvalidImageName", "ErrImageNeverPull");
    /** DisruptionTarget reasons that mean the pod was pushed off its node, not that the job ended it. */
    private static final Set<String> DISRUPTION_REASONS = Set.of("PreemptionByScheduler",
            "PreemptionByKubeScheduler", "DeletionByTaintManager", "EvictionByEvictionAPI", "TerminationByKubelet");

    private FailureClassifier() {
    }

    /**
     * A failure visible on one pod that ends the trial at once: an image that cannot be pulled, a crash loop, an
     * eviction or preemption. Empty while the pod is healthy or its state is left to the operator to judge.
     */
    static Optional<Classification> immediate(Pod pod) {
        String name = pod.getMetadata().getName();
        if (pod.getStatus() == null) {
            return Optional.empty();
        }
        if ("Failed".equals(pod.getStatus().getPhase()) && "Evicted".equals(pod.getStatus().getReason())) {
            return Optional.of(new Classification(FailureCause.EVICTED,
                    "pod " + name + " was evicted: " + nullToEmpty(pod.getStatus().getMessage())));
        }
        for (PodCondition c : conditions(pod)) {
            if ("DisruptionTarget".equals(c.getType()) && "True".equals(c.getStatus())
                    && DISRUPTION_REASONS.contains(c.getReason())) {
                String what = c.getReason().startsWith("Preemption") ? "was preempted" : "was evicted";
                return Optional.of(new Classification(FailureCause.EVICTED, "pod " + name + " " + what + " ("
                        + c.getReason() + "): " + nullToEmpty(c.getMessage())));
            }
        }
        for (ContainerStatus cs : allContainerStatuses(pod)) {
            ContainerStateWaiting waiting = cs.getState() == null ? null : cs.getState().getWaiting();
            if (waiting == null || waiting.getReason() == null) {
                continue;
            }
            String where = "pod " + name + " container " + cs.getName();
            if (IMAGE_PULL_REASONS.contains(waiting.getReason())) {
                return Optional.of(new Classification(FailureCause.IMAGE_PULL, where + ": " + waiting.getReason()
                        + (waiting.getMessage() == null ? " (image " + cs.getImage() + ")" : ": " + waiting.getMessage())));
            }
            if ("CrashLoopBackOff".equals(waiting.getReason())) {
                ContainerStateTerminated last = lastTerminated(cs);
                if (last != null && "OOMKilled".equals(last.getReason())) {
                    return Optional.of(new Classification(FailureCause.OOM_KILLED, where
                            + ": OOMKilled (exit " + last.getExitCode() + ") and restarting in CrashLoopBackOff after "
                            + cs.getRestartCount() + " restarts" + limitHint(pod, cs.getName())));
                }
                return Optional.of(new Classification(FailureCause.CRASH_LOOP, where + ": CrashLoopBackOff after "
                        + cs.getRestartCount() + " restarts"
                        + (last == null ? "" : ", last exit code " + last.getExitCode()
                        + (last.getReason() == null ? "" : " (" + last.getReason() + ")"))));
            }
        }
        return Optional.empty();
    }

    /** The scheduler's message when the pod is unschedulable, e.g. "0/4 nodes are available: ...". */
    static Optional<String> unschedulable(Pod pod) {
        for (PodCondition c : conditions(pod)) {
            if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
                    && "Unschedulable".equals(c.getReason())) {
                return Optional.of(nullToEmpty(c.getMessage()));
            }
        }
        return Optional.empty();
    }

    /** Why a job whose Failed (or batch Failed) condition is True failed, the most specific cause first. */
    static Classification failedJob(JobCondition failed, Collection<Pod> pods) {
        String reason = nullToEmpty(failed.reason());
        String message = nullToEmpty(failed.message());
        if (reason.contains("DeadlineExceeded") || message.toLowerCase(Locale.ROOT).contains("deadline")) {
            return new Classification(FailureCause.DEADLINE_EXCEEDED, "job exceeded its activeDeadlineSeconds: "
                    + failed.describe());
        }
        if (reason.endsWith("Evicted")) {
            return new Classification(FailureCause.EVICTED, "job failed: " + failed.describe());
        }
        for (Pod pod : pods) {
            Optional<String> node = lostNode(pod);
            if (node.isPresent()) {
                return new Classification(FailureCause.NODE_LOST, "node " + node.get() + " was lost: pod "
                        + pod.getMetadata().getName() + " was deleted by PodGC ("
                        + PodIncidents.disruption(pod).orElse("ContainerStatusUnknown") + "); job failed: "
                        + failed.describe());
            }
        }
        for (Pod pod : pods) {
            Optional<Classification> v = immediate(pod);
            if (v.isPresent()) {
                return v.get();
            }
        }
        for (Pod pod : pods) {
            for (ContainerStatus cs : allContainerStatuses(pod)) {
                ContainerStateTerminated t = terminated(cs);
                if (t != null && "OOMKilled".equals(t.getReason())) {
                    return new Classification(FailureCause.OOM_KILLED, "pod " + pod.getMetadata().getName()
                            + " container " + cs.getName() + ": OOMKilled (exit " + t.getExitCode() + ")"
                            + limitHint(pod, cs.getName()) + "; job failed: " + failed.describe());
                }
            }
        }
        List<String> exits = new ArrayList<>();
        for (Pod pod : pods) {
            for (ContainerStatus cs : allContainerStatuses(pod)) {
                ContainerStateTerminated t = terminated(cs);
                if (t != null && t.getExitCode() != null && t.getExitCode() != 0) {
                    exits.add(pod.getMetadata().getName() + "/" + cs.getName() + " exited " + t.getExitCode()
                            + (t.getReason() == null || "Error".equals(t.getReason()) ? "" : " (" + t.getReason() + ")"));
                }
            }
        }
        return new Classification(FailureCause.JOB_FAILED, "job failed: " + failed.describe()
                + (exits.isEmpty() ? "" : "; " + String.join(", ", exits.subList(0, Math.min(3, exits.size())))));
    }

    /**
     * The node of a pod that PodGC deleted because its node disappeared ({@code DisruptionTarget} with reason
     * {@code DeletionByPodGC}, or a container left in {@code ContainerStatusUnknown}); empty for any other pod.
     */
    static Optional<String> lostNode(Pod pod) {
        boolean podGc = conditions(pod).stream().anyMatch(c -> "DisruptionTarget".equals(c.getType())
                && "True".equals(c.getStatus()) && "DeletionByPodGC".equals(c.getReason()));
        boolean unknown = allContainerStatuses(pod).stream().map(FailureClassifier::terminated)
                .anyMatch(t -> t != null && "ContainerStatusUnknown".equals(t.getReason()));
        if (!podGc && !unknown) {
            return Optional.empty();
        }
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        return Optional.of(node == null ? "(unknown)" : node);
    }

    private static String limitHint(Pod pod, String container) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return "";
        }
        return pod.getSpec().getContainers().stream().filter(c -> container.equals(c.getName()))
                .filter(c -> c.getResources() != null && c.getResources().getLimits() != null
                        && c.getResources().getLimits().get("memory") != null)
                .map(c -> ", memory limit " + c.getResources().getLimits().get("memory").toString())
                .findFirst().orElse("");
    }

    private static ContainerStateTerminated terminated(ContainerStatus cs) {
        ContainerState s = cs.getState();
        if (s != null && s.getTerminated() != null) {
            return s.getTerminated();
        }
        return lastTerminated(cs);
    }

    private static ContainerStateTerminated lastTerminated(ContainerStatus cs) {
        return cs.getLastState() == null ? null : cs.getLastState().getTerminated();
    }

    static List<PodCondition> conditions(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null ? List.of()
                : pod.getStatus().getConditions();
    }

    static List<ContainerStatus> allContainerStatuses(Pod pod) {
        List<ContainerStatus> all = new ArrayList<>();
        if (pod.getStatus() == null) {
            return all;
        }
        if (pod.getStatus().getInitContainerStatuses() != null) {
            all.addAll(pod.getStatus().getInitContainerStatuses());
        }
        if (pod.getStatus().getContainerStatuses() != null) {
            all.addAll(pod.getStatus().getContainerStatuses());
        }
        return all;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
