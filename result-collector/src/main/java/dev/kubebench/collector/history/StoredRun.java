package dev.kubebench.collector.history;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One run as the history lists it.
 *
 * @param runId        run id
 * @param benchmark    benchmark name
 * @param startedAt    earliest trial start, or null
 * @param finishedAt   end of the run, or null
 * @param status       the run's status
 * @param trials       number of trials pushed
 * @param labels       labels by name
 * @param gatesPassed  true when every recorded gate verdict passed, false when one failed, null when none recorded
 */
public record StoredRun(String runId, String benchmark, Instant startedAt, Instant finishedAt, String status,
                        int trials, Map<String, String> labels, Boolean gatesPassed) {
    public StoredRun {
        Objects.requireNonNull(runId, "runId");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
