package dev.kubebench.collector.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One run in a benchmark's {@code index.json}.
 *
 * @param runId      the run id, also the run directory's name
 * @param createdAt  when the run directory was created (UTC)
 * @param trials     trials with a result.json when the index was last updated
 * @param succeeded  of those, trials with status {@code succeeded}
 * @param status     {@code running} until results are recorded, then the run's final status: {@code succeeded} (all
 *                   trials succeeded), {@code failed} (some did not, or the run itself failed), {@code interrupted},
 *                   {@code timed_out}, {@code infrastructure} or {@code empty}; readers show a {@code running} run
 *                   whose process is gone as {@code abandoned}
 */
public record RunEntry(String runId, Instant createdAt, int trials, int succeeded, String status) {
    public RunEntry {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        if (trials < 0 || succeeded < 0 || succeeded > trials) {
            throw new IllegalArgumentException("bad trial counts " + succeeded + "/" + trials);
        }
    }

    /** This entry with another status. */
    public RunEntry withStatus(String newStatus) {
        return new RunEntry(runId, createdAt, trials, succeeded, newStatus);
    }
}
