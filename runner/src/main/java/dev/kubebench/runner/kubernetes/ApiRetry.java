package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.time.Durations;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one retry policy for every request kubebench makes itself (creates, gets, lists, deletes, log reads,
 * preflight): {@code 429 Too Many Requests} and 5xx answers are retried, waiting what the server asked for
 * ({@code Retry-After}, or the Status' {@code retryAfterSeconds}) or else a jittered exponential backoff, until
 * {@code total} has passed; then the last error is thrown and the run ends with exit code 4. API Priority and
 * Fairness answers 429 exactly when a cluster is busy, so a budget in time (default 2 minutes), not in attempts, is
 * what keeps a nightly benchmark alive. A request without an answer (connection refused, timed out) is tried
 * {@link #CONNECTION_ATTEMPTS} times, so a dead cluster still fails within seconds. fabric8's own retries are off
 * ({@link KubernetesClients}); the informers re-list and re-watch on their own.
 */
final class ApiRetry {
    /** Attempts of a request that got no answer at all. */
    static final int CONNECTION_ATTEMPTS = 3;
    /** The longest single wait, whatever the server or the backoff say. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Duration total;
    private final Duration firstBackoff;
    private final RetryAfterHints hints;

    ApiRetry(Duration total, Duration firstBackoff, RetryAfterHints hints) {
        this.total = total;
        this.firstBackoff = firstBackoff;
        this.hints = hints;
    }

    /** The policy of {@code settings}, reading {@code Retry-After} headers from {@code hints}. */
    static ApiRetry of(KubernetesSettings settings, RetryAfterHints hints) {
        return new ApiRetry(settings.retryTotal(), settings.retryBackoff(), hints);
    }

    /** True for answers worth another try: 429 and 5xx (but not 501 Not Implemented). */
    static boolean retryable(int code) {
        return code == 429 || code >= 500 && code != 501;
    }

    /**
     * Runs {@code request} until it succeeds, fails for good or the budget is spent.
     *
     * @throws KubernetesClientException the last failure; after 429/5xx retries its message says for how long
     */
    <T> T call(Supplier<T> request) {
        long start = System.nanoTime();
        Duration backoff = firstBackoff;
        int unanswered = 0;
        while (true) {
            KubernetesClientException failure;
            try {
                return request.get();
            } catch (KubernetesClientException e) {
                failure = e;
            }
            int code = ApiErrors.code(failure);
            long wait;
            if (code == 0) {
                if (++unanswered >= CONNECTION_ATTEMPTS) {
                    throw failure;
                }
                wait = jittered(backoff);
            } else if (retryable(code)) {
                long hinted = retryAfterMillis(failure);
                wait = Math.max(hinted, jittered(backoff));
            } else {
                throw failure;
            }
            wait = Math.min(wait, MAX_WAIT.toMillis());
            long spentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (spentMillis + wait > total.toMillis()) {
                throw code == 0 ? failure : gaveUp(failure);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : backoff.multipliedBy(2);
        }
    }

    /** Runs a request that returns nothing. */
    void run(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }

    private KubernetesClientException gaveUp(KubernetesClientException last) {
        String why = last.getCode() == 429 ? "throttled (429 Too Many Requests)" : "server errors (" + last.getCode()
                + ")";
        String message = "still " + why + " after retrying for " + Durations.format(total) + ": "
                + (last.getStatus() != null && last.getStatus().getMessage() != null ? last.getStatus().getMessage()
                : KubernetesClients.oneLine(last));
        return new KubernetesClientException(message, last, last.getCode(), new StatusBuilder()
                .withCode(last.getCode()).withMessage(message).build(), null);
    }

    /** What the server asked for: the Status' retryAfterSeconds, else the last Retry-After header seen. */
    private long retryAfterMillis(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getDetails() != null
                && e.getStatus().getDetails().getRetryAfterSeconds() != null) {
            return TimeUnit.SECONDS.toMillis(e.getStatus().getDetails().getRetryAfterSeconds());
        }
        return hints == null ? 0 : hints.recentMillis();
    }

    /** Between half and all of {@code d}, so that trials throttled together do not retry together. */
    private static long jittered(Duration d) {
        long ms = Math.max(1, d.toMillis());
        return ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1);
    }
}
