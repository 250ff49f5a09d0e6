package dev.kubebench.report.analysis.aggregate;

import dev.kubebench.core.text.Numbers;

import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.TrialReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sweep point and its trials (repetitions), in trial order. Summaries count succeeded trials only: a failed or
 * timed-out repetition does not enter a median (as MLPerf drops non-converged runs); its count is in
 * {@link #failed()}.
 *
 * @param values  the point's parameter values, in the point's order
 * @param trials  the trials run at this point
 */
public record SweepPoint(Map<String, Object> values, List<TrialReport> trials) {
    public SweepPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        trials = List.copyOf(trials);
    }

    /** {@code k=v;k=v} (CSV form). */
    public String key() {
        return Numbers.point(values);
    }

    /** {@code k=v, k=v} or {@code (no sweep)} (display form). */
    public String label() {
        return Numbers.pointLabel(values);
    }

    public int succeeded() {
        return (int) trials.stream().filter(t -> t.result().status() == TrialState.SUCCEEDED).count();
    }

    public int failed() {
        return trials.size() - succeeded();
    }

    /** The metric over this point's succeeded trials. */
    public MetricSummary summary(String metric) {
        double[] values = trials.stream()
                .filter(t -> t.result().status() == TrialState.SUCCEEDED)
                .mapToDouble(t -> t.result().metric(metric))
                .toArray();
        return MetricSummary.of(values);
    }
}
