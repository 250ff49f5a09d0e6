package dev.kubebench.collector.history;

import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.collector.result.RunResult;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Map;

/**
 * Everything a push writes for one run.
 *
 * @param runId       the key: pushing the same id again changes nothing
 * @param benchmark   benchmark name, stored verbatim
 * @param startedAt   the earliest trial start (what orders a history), or null when unknown
 * @param finishedAt  when the run ended, or null
 * @param status      the run's status ({@code succeeded}, {@code failed}, {@code timed_out}, ...)
 * @param specYaml    the resolved spec as run (benchmark.yaml), or null
 * @param labels      spec labels plus labels given at push time, by name
 * @param gates       the spec's gates
 * @param verdicts    gate verdicts recorded in the run directory, empty when none
 * @param trials      every trial's result, in trial order
 */
public record PushedRun(String runId, String benchmark, Instant startedAt, Instant finishedAt, String status,
                        String specYaml, Map<String, String> labels, List<Gate> gates, List<GateVerdict> verdicts,
                        List<RunResult> trials) {
    public PushedRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(status, "status");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        gates = List.copyOf(gates);
        verdicts = List.copyOf(verdicts);
        trials = List.copyOf(trials);
    }
}
