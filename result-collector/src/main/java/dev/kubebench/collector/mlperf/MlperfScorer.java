package dev.kubebench.collector.mlperf;

import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import java.util.ArrayList;
import java.util.List;

/**
 * The MLPerf Training score as the MLCommons result summarizer computes it: sort the valid runs' times, drop the
 * fastest {@code d} and the slowest {@code d - failed} (failed runs count among the dropped slowest), average the
 * rest, multiply by the scaling factor. More than {@code d} failed runs means no score.
 */
public final class MlperfScorer {
    private MlperfScorer() {
    }

    /**
     * Scores runs of one benchmark.
     *
     * @param scalingFactor {@code scaling.json}'s factor, 1.0 when absent; must be positive and finite
     */
    public static MlperfScore score(MlperfBenchmark benchmark, String org, String platform, String division,
                                    List<ScoredRun> runs, double scalingFactor) {
        if (!(scalingFactor > 0) || Double.isInfinite(scalingFactor)) {
            throw new IllegalArgumentException("scaling factor must be positive and finite, got " + scalingFactor);
        }
        int d = benchmark.olympicDrop();
        List<String> warnings = new ArrayList<>();
        if (runs.size() != benchmark.requiredRuns()) {
            warnings.add(benchmark.name() + " needs " + benchmark.requiredRuns() + " runs, found " + runs.size());
        }
        List<Double> times = new ArrayList<>();
        for (ScoredRun r : runs) {
            if (r.valid()) {
                times.add(r.minutes());
            }
        }
        int failed = runs.size() - times.size();
        String reason = null;
        double mean = Double.NaN;
        if (runs.isEmpty()) {
            reason = "no runs";
        } else if (failed > d) {
            reason = failed + " of " + runs.size() + " runs failed; " + benchmark.name() + " allows at most " + d;
        } else {
            times.sort(Double::compare);
            int from = d;
            int to = times.size() - (d - failed);
            if (to - from < 1) {
                reason = "too few valid runs (" + times.size() + ") for an olympic mean dropping " + d
                        + " fastest and " + (d - failed) + " slowest";
            } else {
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += times.get(i);
                }
                mean = sum / (to - from);
            }
        }
        double score = reason == null ? mean * scalingFactor : Double.NaN;
        return new MlperfScore(benchmark.name(), org, platform, division, runs, benchmark.requiredRuns(), d, failed,
                mean, scalingFactor, score, reason, warnings);
    }
}
