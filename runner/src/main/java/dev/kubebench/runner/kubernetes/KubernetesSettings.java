package dev.kubebench.runner.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the Kubernetes backend.
 *
 * @param connectTimeout     TCP/TLS connect timeout per request
 * @param requestTimeout     timeout of one non-streaming request
 * @param retries            retries of a failed request (connection errors, 429, 5xx) with exponential backoff
 * @param retryBackoff       first backoff interval; doubles per retry
 * @param unschedulableGrace how long a pod may stay unschedulable (or the job queued-then-stuck) before the trial
 *                           fails as {@code UNSCHEDULABLE}
 * @param logDrain           how long to wait, after the job finished, for replica log streams to reach their end
 * @param cleanupWait        how long to wait for a deleted job to disappear before recording {@code deleted} anyway
 * @param checkNodes         whether preflight requires nodes matching the node pool (off for pools that scale from
 *                           zero)
 */
public record KubernetesSettings(Duration connectTimeout, Duration requestTimeout, int retries, Duration retryBackoff,
                                 Duration unschedulableGrace, Duration logDrain, Duration cleanupWait,
                                 boolean checkNodes) {
    /** Connect in 5 s, requests in 15 s, 3 retries from 250 ms, 5 min unschedulable grace. */
    public static final KubernetesSettings DEFAULTS = new KubernetesSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(15), 3, Duration.ofMillis(250), Duration.ofMinutes(5), Duration.ofSeconds(15),
            Duration.ofSeconds(60), true);

    public KubernetesSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(unschedulableGrace, "unschedulableGrace");
        Objects.requireNonNull(logDrain, "logDrain");
        Objects.requireNonNull(cleanupWait, "cleanupWait");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
    }

    public KubernetesSettings withUnschedulableGrace(Duration grace) {
        return new KubernetesSettings(connectTimeout, requestTimeout, retries, retryBackoff, grace, logDrain,
                cleanupWait, checkNodes);
    }

    public KubernetesSettings withCheckNodes(boolean check) {
        return new KubernetesSettings(connectTimeout, requestTimeout, retries, retryBackoff, unschedulableGrace,
                logDrain, cleanupWait, check);
    }
}
