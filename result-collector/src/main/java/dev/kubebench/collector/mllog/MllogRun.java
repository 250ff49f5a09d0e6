package dev.kubebench.collector.mllog;

import dev.kubebench.collector.latency.LatencySummary;
import dev.kubebench.collector.result.CurvePoint;
import dev.kubebench.collector.result.ThroughputPoint;
import java.util.List;
import java.util.Objects;

/**
 * What one MLLOG run log says, reduced to the numbers kubebench reports. Times are milliseconds; NaN means "not
 * logged".
 *
 * @param outcome           how the run ended
 * @param stopStatus        {@code run_stop}'s {@code metadata.status} as logged, or null
 * @param runStartMs        the last {@code run_start} before the first {@code run_stop} (epoch ms), or NaN
 * @param runStopMs         the first {@code run_stop} (epoch ms), or NaN
 * @param timeToTrainMs     {@code runStopMs - runStartMs}, positive; NaN when not measured (no run_start or
 *                          run_stop, or a {@code timingProblem})
 * @param timingProblem     why the log's times give no time to train (run_stop not after run_start, a time that is
 *                          not finite, events out of order beyond the tolerance), or null
 * @param initTimeMs        {@code init_start} to {@code init_stop} (or to {@code run_start}), not negative; or NaN
 * @param targetReached     whether the quality targets were reached before {@code run_stop}; null without targets
 * @param accuracyCurve     evaluations of the target metrics (elapsed ms since run_start), in log order
 * @param throughputSeries  per logging interval / block / epoch throughput, samples/s
 * @param throughputSamplesPerS overall throughput in samples/s, or NaN
 * @param throughputSource  where the throughput came from: {@code tracked_stats}, {@code blocks}, {@code epochs}
 *                          or null
 * @param stepTimes         step-time distribution, or null when no step timings exist
 * @param stepTimeSource    {@code step_time_ms} (logged per step) or {@code tracked_stats}/{@code blocks}/
 *                          {@code epochs} (intervals between those events), or null
 * @param stepTimeRejected  samples of that source ignored as impossible (negative, not finite, over 30 days)
 * @param globalBatchSize   {@code global_batch_size}, or NaN
 * @param submission        submission metadata as logged
 * @param stats             parse counts
 * @param warnings          non-fatal problems, e.g. noise or malformed lines
 */
public record MllogRun(RunOutcome outcome, String stopStatus, double runStartMs, double runStopMs,
                       double timeToTrainMs, String timingProblem, double initTimeMs, Boolean targetReached,
                       List<CurvePoint> accuracyCurve, List<ThroughputPoint> throughputSeries,
                       double throughputSamplesPerS, String throughputSource, LatencySummary stepTimes,
                       String stepTimeSource, long stepTimeRejected, double globalBatchSize,
                       SubmissionInfo submission, ParseStats stats, List<String> warnings) {
    public MllogRun {
        Objects.requireNonNull(outcome, "outcome");
        accuracyCurve = List.copyOf(accuracyCurve);
        throughputSeries = List.copyOf(throughputSeries);
        submission = submission == null ? SubmissionInfo.NONE : submission;
        stats = stats == null ? ParseStats.EMPTY : stats;
        warnings = List.copyOf(warnings);
    }

    /** Time to train in minutes, as MLPerf reports it, or NaN. */
    public double minutes() {
        return timeToTrainMs / 60_000.0;
    }

    /**
     * Valid for MLPerf scoring: a successful {@code run_stop}, sound times (a positive time to train) and the quality
     * target reached.
     */
    public boolean valid() {
        return outcome == RunOutcome.SUCCESS && timingProblem == null && !Boolean.FALSE.equals(targetReached)
                && !Double.isNaN(timeToTrainMs);
    }

    /** Why the run is not valid, or null when it is. */
    public String invalidReason() {
        if (outcome == RunOutcome.KILLED) {
            return "no run_stop (killed or log cut)";
        }
        if (outcome == RunOutcome.ABORTED) {
            return "run_stop status " + (stopStatus == null ? "missing" : stopStatus);
        }
        if (timingProblem != null) {
            return timingProblem;
        }
        if (Double.isNaN(timeToTrainMs)) {
            return "no run_start before run_stop";
        }
        if (Boolean.FALSE.equals(targetReached)) {
            return "quality target not reached";
        }
        return null;
    }
}
