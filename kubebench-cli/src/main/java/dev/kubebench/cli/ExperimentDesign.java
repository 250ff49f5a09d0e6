package dev.kubebench.cli;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Repetitions;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.RunReport;
import dev.kubebench.report.analysis.aggregate.NoiseReport;
import dev.kubebench.report.analysis.aggregate.PointNoise;
import dev.kubebench.report.analysis.aggregate.SweepPoints;
import dev.kubebench.report.analysis.design.PointStop;
import dev.kubebench.report.analysis.design.StopReason;
import dev.kubebench.report.analysis.design.StoppingRule;
import dev.kubebench.runner.AdaptiveAdmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The experiment design of a run as the CLI sees it: the stopping rule fed with results as trials complete (for
 * {@link AdaptiveAdmission}), and the lines the run prints at its end: per point how many trials ran, the achieved
 * interval width and why it stopped, and the noise of every point.
 */
final class ExperimentDesign implements AdaptiveAdmission.StoppingCheck {
    private final BenchmarkPlan plan;
    private final Map<Integer, RunResult> byTrial = new ConcurrentHashMap<>();

    ExperimentDesign(BenchmarkPlan plan) {
        this.plan = plan;
    }

    /** Called with each trial's result as it completes. */
    void completed(RunResult result) {
        byTrial.put(result.trial(), result);
    }

    @Override
    public boolean enough(int pointIndex) {
        return stop(pointIndex).done();
    }

    /** The stopping rule over the point's completed measured trials, in plan order. */
    PointStop stop(int pointIndex) {
        Repetitions reps = null;
        List<Double> values = new ArrayList<>();
        for (Trial t : plan.trials()) {
            RunResult r = byTrial.get(t.index());
            if (t.pointIndex() != pointIndex || t.warmup() || r == null) {
                continue;
            }
            reps = t.benchmark().spec().repetitions();
            String metric = reps.until() == null ? null : reps.until().metric();
            values.add(r.status() == TrialState.SUCCEEDED && metric != null ? r.metric(metric) : Double.NaN);
        }
        if (reps == null) {
            reps = plan.trials().stream().filter(t -> t.pointIndex() == pointIndex).findFirst()
                    .map(t -> t.benchmark().spec().repetitions()).orElse(Repetitions.fixed(1));
        }
        return StoppingRule.evaluate(reps, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Per adaptive point: trials run, the interval width reached and why it stopped; empty without adaptivity. */
    List<String> stopLines() {
        List<String> lines = new ArrayList<>();
        List<Integer> points = plan.trials().stream().map(Trial::pointIndex).distinct().toList();
        for (int p : points) {
            Trial first = plan.trials().stream().filter(t -> t.pointIndex() == p).findFirst().orElseThrow();
            Repetitions reps = first.benchmark().spec().repetitions();
            if (!reps.adaptive()) {
                continue;
            }
            PointStop stop = stop(p);
            String label = first.pointLabel().isEmpty() ? "(no sweep)" : first.pointLabel();
            lines.add(String.format(Locale.ROOT, "point %s: %d trial%s%s, %s CI width %s (target %s%%)%s, stopped: %s",
                    label,
                    stop.trials(), stop.trials() == 1 ? "" : "s",
                    stop.failed() > 0 ? " (" + stop.failed() + " failed)" : "", reps.until().metric(),
                    Double.isNaN(stop.ciWidthPercent()) ? "n/a" : Numbers.fixed(stop.ciWidthPercent(), 1) + "%",
                    Numbers.plain(reps.until().ciWidthPercent()),
                    Double.isNaN(stop.coverage()) || stop.coverage() >= StoppingRule.CONFIDENCE ? ""
                            : " at " + Numbers.fixed(100 * stop.coverage(), 0) + "% coverage",
                    reasonText(stop, reps)));
        }
        return lines;
    }

    private static String reasonText(PointStop stop, Repetitions reps) {
        return switch (stop.reason()) {
            case TARGET_REACHED -> "target reached after " + stop.trials() + " of at most " + reps.max();
            case MAX_REACHED -> "max reached (" + reps.max() + ") before the target";
            case FAILURES -> "failures (the first " + reps.min() + " trials all failed)";
            case INCOMPLETE -> "incomplete (the run stopped early)";
            case FIXED -> StopReason.FIXED.text();
        };
    }

    /** CV and outliers of each point with enough values, then the CV warnings. */
    static List<String> noiseLines(List<RunResult> results) {
        RunReport report = RunReport.of("", "", "", results, Map.of());
        List<String> lines = new ArrayList<>();
        List<PointNoise> noise = NoiseReport.of(SweepPoints.of(report));
        for (PointNoise n : noise) {
            lines.add("noise " + n.point() + ": " + n.metric() + " CV " + Numbers.fixed(n.cvPercent(), 1) + "% over "
                    + n.n() + " trials" + (n.outliers().isEmpty() ? "" : ", outlier trials " + n.outliers().stream()
                    .map(String::valueOf).collect(Collectors.joining(", "))));
        }
        for (PointNoise n : noise) {
            if (n.warning() != null) {
                lines.add("warning: " + n.point() + ": " + n.warning());
            }
        }
        return lines;
    }
}
