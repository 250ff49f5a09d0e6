package dev.kubebench.collector.history;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@code kubebench history show} prints about one run.
 *
 * @param run       the run
 * @param specYaml  the resolved spec as run, or null
 * @param verdicts  recorded gate verdicts
 * @param trials    trials in order
 * @param points    per sweep point and metric over the succeeded trials (the {@code metric_points} view)
 */
public record RunDetail(StoredRun run, String specYaml, List<GateVerdict> verdicts, List<Trial> trials,
                        List<MetricPoint> points) {
    public RunDetail {
        Objects.requireNonNull(run, "run");
        verdicts = List.copyOf(verdicts);
        trials = List.copyOf(trials);
        points = List.copyOf(points);
    }

    /** One trial: index, sweep point, status and failure reason (null on success). */
    public record Trial(int trial, String point, String status, String failureReason) {
    }

    /** One row of the {@code metric_points} view; unit and direction may be null. */
    public record MetricPoint(String point, String metric, String unit, String direction, double median, double min,
                              double max, long n) {
    }
}
