package dev.kubebench.report;

import dev.kubebench.collector.result.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report is built from: one run of one benchmark.
 *
 * @param benchmark  benchmark name
 * @param runId      run id ({@code yyyyMMdd-HHmmss-<6 hex>})
 * @param specYaml   the fully resolved spec as run ({@code benchmark.yaml}); empty when unknown
 * @param trials     one entry per trial, kept sorted by trial index
 * @param gates      gate verdicts to show with the trials; empty when no gates were evaluated
 */
public record RunReport(String benchmark, String runId, String specYaml, List<TrialReport> trials,
                        List<GateCheck> gates) {
    public RunReport {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(runId, "runId");
        specYaml = specYaml == null ? "" : specYaml;
        List<TrialReport> sorted = new ArrayList<>(trials == null ? List.of() : trials);
        sorted.sort(Comparator.comparingInt(TrialReport::trial));
        trials = List.copyOf(sorted);
        gates = List.copyOf(gates == null ? List.of() : gates);
    }

    /**
     * A report from results and per-trial timelines keyed by trial index (trials without an entry get an empty
     * timeline).
     */
    public static RunReport of(String benchmark, String runId, String specYaml, List<RunResult> results,
                               Map<Integer, List<TimelineEvent>> timelines) {
        List<TrialReport> trials = new ArrayList<>(results.size());
        for (RunResult r : results) {
            trials.add(new TrialReport(r, timelines.getOrDefault(r.trial(), List.of())));
        }
        return new RunReport(benchmark, runId, specYaml, trials, List.of());
    }

    /** The same report with gate verdicts attached. */
    public RunReport withGates(List<GateCheck> gateChecks) {
        return new RunReport(benchmark, runId, specYaml, trials, gateChecks);
    }

    /** The trials' results, by trial index. */
    public List<RunResult> results() {
        return trials.stream().map(TrialReport::result).toList();
    }
}
