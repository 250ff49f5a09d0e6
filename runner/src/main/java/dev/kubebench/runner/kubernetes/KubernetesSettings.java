package dev.kubebench.runner.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the Kubernetes backend.
 *
 * @param connectTimeout       TCP/TLS connect timeout per request
 * @param requestTimeout       timeout of one non-streaming request
 * @param retryTotal           how long {@link ApiRetry} keeps retrying a request answered 429 or 5xx before the run
 *                             ends with exit code 4
 * @param retryBackoff         first backoff interval (jittered); doubles per retry, unless the server asks for longer
 * @param unschedulableGrace   how long a pod may stay unschedulable (or the job queued-then-stuck) before the trial
 *                             fails as {@code UNSCHEDULABLE}
 * @param logDrain             how long to wait, after the job finished, for replica log streams to reach their end;
 *                             then what is missing is read once more before the pods are deleted
 * @param cleanupWait          how long to wait for a deleted job to disappear before recording {@code deleted} anyway
 * @param checkNodes           whether preflight requires nodes matching the node pool (off for pools that scale from
 *                             zero)
 * @param optionalCheckTimeout timeout of a preflight check whose failure is only a warning (the free-GPU count)
 */
public record KubernetesSettings(Duration connectTimeout, Duration requestTimeout, Duration retryTotal,
                                 Duration retryBackoff, Duration unschedulableGrace, Duration logDrain,
                                 Duration cleanupWait, boolean checkNodes, Duration optionalCheckTimeout) {
    /**
     * Connect in 5 s, requests in 15 s, 429/5xx retried for 2 min from 250 ms, 5 min unschedulable grace, 15 s for
     * log streams to end, optional checks in 5 s.
     */
    public static final KubernetesSettings DEFAULTS = new KubernetesSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofMinutes(2), Duration.ofMillis(250), Duration.ofMinutes(5),
            Duration.ofSeconds(15), Duration.ofSeconds(60), true, Duration.ofSeconds(5));

    public KubernetesSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryTotal, "retryTotal");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(unschedulableGrace, "unschedulableGrace");
        Objects.requireNonNull(logDrain, "logDrain");
        Objects.requireNonNull(cleanupWait, "cleanupWait");
        Objects.requireNonNull(optionalCheckTimeout, "optionalCheckTimeout");
        if (retryTotal.isNegative() || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
    }

    public KubernetesSettings withUnschedulableGrace(Duration grace) {
        return new KubernetesSettings(connectTimeout, requestTimeout, retryTotal, retryBackoff, grace, logDrain,
                cleanupWait, checkNodes, optionalCheckTimeout);
    }

    public KubernetesSettings withCheckNodes(boolean check) {
        return new KubernetesSettings(connectTimeout, requestTimeout, retryTotal, retryBackoff, unschedulableGrace,
                logDrain, cleanupWait, check, optionalCheckTimeout);
    }
}
