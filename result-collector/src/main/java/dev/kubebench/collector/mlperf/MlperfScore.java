package dev.kubebench.collector.mlperf;

import java.util.List;
import java.util.Objects;

/**
 * The MLPerf score of a directory of runs.
 *
 * @param benchmark        MLPerf benchmark name, e.g. {@code resnet}
 * @param org              submitter (logs, or the directory path when the logs carry placeholders), may be null
 * @param platform         system name, may be null
 * @param division         {@code closed}/{@code open}, may be null
 * @param runs             every run log, in file order
 * @param requiredRuns     runs the rules require
 * @param olympicDrop      fastest runs dropped (and slowest, less failures)
 * @param failedRuns       runs that are not valid
 * @param olympicMeanMinutes the olympic mean of the valid times, minutes; NaN when there is no score
 * @param scalingFactor    {@code scaling.json}'s {@code scaling_factor}, 1.0 without the file
 * @param scoreMinutes     the score in minutes (olympic mean times scaling factor); NaN when there is no score
 * @param noScoreReason    why there is no score, null when there is one
 * @param warnings         non-fatal problems (run count differs from the required one...)
 */
public record MlperfScore(String benchmark, String org, String platform, String division, List<ScoredRun> runs,
                          int requiredRuns, int olympicDrop, int failedRuns, double olympicMeanMinutes,
                          double scalingFactor, double scoreMinutes, String noScoreReason, List<String> warnings) {
    public MlperfScore {
        Objects.requireNonNull(benchmark, "benchmark");
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }

    /** Runs that passed the compliance check, or null when no run was checked. */
    public Integer compliantRuns() {
        if (runs.stream().allMatch(r -> r.compliance() == null)) {
            return null;
        }
        return (int) runs.stream().filter(r -> Boolean.TRUE.equals(r.compliant())).count();
    }

    /** The compliance rules the runs were checked against (e.g. {@code 4.0.0}), or null when not checked. */
    public String ruleset() {
        return runs.stream().filter(r -> r.compliance() != null).map(r -> r.compliance().ruleset()).findFirst()
                .orElse(null);
    }

    /** True when a score could be computed. */
    public boolean scored() {
        return noScoreReason == null;
    }
}
