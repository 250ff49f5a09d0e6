package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.time.Durations;
import dev.kubebench.core.trial.FailureCause;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pods the scheduler could not place, and since when (local monotonic time): one that stays unschedulable past the
 * grace period fails the trial. Not thread-safe; the watch guards it.
 */
final class UnschedulablePods {
    private final Duration grace;
    private final Map<String, Long> sinceNanos = new HashMap<>();
    private final Map<String, String> message = new HashMap<>();

    UnschedulablePods(Duration grace) {
        this.grace = grace;
    }

    /** The pod is unschedulable with the scheduler's {@code why}; the first time starts its clock. */
    void unschedulable(String pod, String why, long nowNanos) {
        sinceNanos.putIfAbsent(pod, nowNanos);
        message.put(pod, why);
    }

    /** The pod was scheduled or is gone. */
    void clear(String pod) {
        sinceNanos.remove(pod);
    }

    /** The failure of a pod unschedulable for the whole grace period, if any. */
    Optional<Classification> overdue(long nowNanos) {
        for (Map.Entry<String, Long> e : sinceNanos.entrySet()) {
            if (nowNanos - e.getValue() >= grace.toNanos()) {
                return Optional.of(new Classification(FailureCause.UNSCHEDULABLE, "pod " + e.getKey()
                        + " unschedulable for " + Durations.format(grace) + ": " + message.get(e.getKey())));
            }
        }
        return Optional.empty();
    }
}
