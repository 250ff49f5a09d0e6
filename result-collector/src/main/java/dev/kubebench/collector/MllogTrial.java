package dev.kubebench.collector;

import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.collector.latency.LatencySummary;
import dev.kubebench.collector.mllog.MllogAccumulator;
import dev.kubebench.collector.mllog.MllogParser;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mllog.ParseStats;
import dev.kubebench.collector.mllog.RunOutcome;
import dev.kubebench.collector.mllog.SubmissionInfo;
import dev.kubebench.collector.result.CurvePoint;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.core.text.Numbers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a trial's MLLOG logs say: which log decides, the metrics and labels it gives, and why a target was missed. */
final class MllogTrial {
    private MllogTrial() {
    }

    /**
     * Parses each log separately and picks the run that decides the result: the first log (in name order, so rank 0
     * and the master come first) with a run_stop, else one with a run_start, else the one with the most events.
     */
    static MllogRun select(List<Path> logs, List<QualityTarget> targets, List<String> warnings) {
        MllogRun best = null;
        int bestRank = -1;
        ParseStats total = ParseStats.EMPTY;
        for (Path log : logs) {
            MllogAccumulator acc = new MllogAccumulator(targets);
            ParseStats stats;
            try {
                stats = new MllogParser().parse(log, acc);
            } catch (IOException e) {
                warnings.add(log.getFileName() + ": unreadable: " + e.getMessage());
                continue;
            } catch (KubebenchException e) {
                warnings.add(String.join("; ", e.problems()));
                continue;
            }
            total = total.plus(stats);
            if (stats.events() == 0) {
                continue;
            }
            MllogRun run = acc.finish(targets, stats);
            int rank = run.outcome() != RunOutcome.KILLED ? 3 : !Double.isNaN(run.runStartMs()) ? 2 : 1;
            if (rank > bestRank || (rank == bestRank && best != null
                    && stats.decodedEvents() > best.stats().decodedEvents() && rank == 1)) {
                best = run;
                bestRank = rank;
            }
        }
        if (best == null) {
            if (!logs.isEmpty()) {
                warnings.add("no MLLOG events in " + logs.size() + " log file(s)");
            }
            return null;
        }
        for (String w : best.warnings()) {
            warnings.add("mllog: " + w);
        }
        if (total.malformedLines() > best.stats().malformedLines()) {
            warnings.add("mllog: " + (total.malformedLines() - best.stats().malformedLines())
                    + " unreadable MLLOG line(s) in other logs");
        }
        return best;
    }

    static void metrics(MllogRun run, Map<String, Double> metrics, Map<String, String> labels,
                        List<QualityTarget> targets) {
        put(metrics, "time_to_train_s", run.timeToTrainMs() / 1000.0);
        put(metrics, "init_time_s", run.initTimeMs() / 1000.0);
        put(metrics, "throughput_samples_per_s", run.throughputSamplesPerS());
        LatencySummary st = run.stepTimes();
        if (st != null) {
            metrics.put("step_time_p50_ms", st.p50Ms());
            metrics.put("step_time_p90_ms", st.p90Ms());
            metrics.put("step_time_p99_ms", st.p99Ms());
            metrics.put("step_time_p999_ms", st.p999Ms());
            metrics.put("step_time_max_ms", st.maxMs());
            metrics.put("step_time_mean_ms", st.meanMs());
            metrics.put("step_count", (double) st.count());
            labels.put("step_time_source", run.stepTimeSource());
        }
        if (run.stepTimeRejected() > 0) {
            metrics.put(MetricNames.STEP_TIME_REJECTED_SAMPLES, (double) run.stepTimeRejected());
        }
        if (!run.accuracyCurve().isEmpty()) {
            metrics.put("eval_count", (double) run.accuracyCurve().size());
            String metric = targets.isEmpty() ? null : targets.get(0).submetric();
            for (int i = run.accuracyCurve().size() - 1; i >= 0; i--) {
                CurvePoint p = run.accuracyCurve().get(i);
                if (metric == null || metric.equalsIgnoreCase(p.metric())) {
                    metrics.put("accuracy_final", p.value());
                    break;
                }
            }
        }
        put(metrics, "global_batch_size", run.globalBatchSize());
        if (run.throughputSource() != null) {
            labels.put("throughput_source", run.throughputSource());
        }
        labels.put("mllog_noise_lines", Long.toString(run.stats().noiseLines()));
        SubmissionInfo s = run.submission();
        if (!SubmissionInfo.isPlaceholder(s.org())) {
            labels.put("submission_org", s.org());
        }
        if (!SubmissionInfo.isPlaceholder(s.platform())) {
            labels.put("submission_platform", s.platform());
        }
    }

    private static void put(Map<String, Double> m, String name, double v) {
        if (Double.isFinite(v)) {
            m.put(name, v);
        }
    }

    /** Why a time-to-train trial failed, from its MLLOG run; null when it reached its target. */
    static String timeToTrainFailure(MllogRun run, List<QualityTarget> targets) {
        if (run == null) {
            return "no MLLOG events in the logs: cannot judge the quality target";
        }
        if (run.outcome() == RunOutcome.KILLED) {
            return "no run_stop in the MLLOG log (killed or log cut)";
        }
        if (run.outcome() == RunOutcome.ABORTED) {
            return "run_stop status " + (run.stopStatus() == null ? "missing" : run.stopStatus());
        }
        if (run.timingProblem() != null) {
            return run.timingProblem();
        }
        if (Double.isNaN(run.timeToTrainMs())) {
            return "no run_start before run_stop";
        }
        if (!Boolean.TRUE.equals(run.targetReached())) {
            StringBuilder sb = new StringBuilder("quality target not reached:");
            for (QualityTarget t : targets) {
                double best = Double.NaN;
                for (CurvePoint p : run.accuracyCurve()) {
                    if (t.submetric() == null || t.submetric().equalsIgnoreCase(p.metric())) {
                        best = Double.isNaN(best) ? p.value()
                                : t.direction() == Direction.HIGHER ? Math.max(best, p.value())
                                : Math.min(best, p.value());
                    }
                }
                sb.append(' ').append(t.key()).append(t.submetric() == null ? "" : "[" + t.submetric() + "]")
                        .append(" best ").append(Double.isNaN(best) ? "none" : Numbers.general(best, 6))
                        .append(t.direction() == Direction.HIGHER ? " < " : " > ").append(Numbers.general(t.value(), 6));
            }
            return sb.toString();
        }
        return null;
    }
}
