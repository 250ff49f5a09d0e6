package dev.kubebench.collector.mllog;

import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.collector.result.CurvePoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds the events of one run log (all ranks together) into an {@link MllogRun}, following the MLCommons result
 * summarizer: time to train is the first {@code run_stop} minus the last {@code run_start} before it; events after
 * the first {@code run_stop} are ignored; {@code event_type} is never relied on. Memory is bounded: the curve and
 * series keep at most {@link #MAX_POINTS} points each (a warning says when more were dropped), step times go into an
 * HdrHistogram. Throughput and step times are worked out by a {@link ThroughputTracker}.
 */
public final class MllogAccumulator implements MllogVisitor {
    /** The most points kept per curve or series. */
    public static final int MAX_POINTS = 100_000;
    /** The key a per-step timing is logged under, value in milliseconds (the reference workload's convention). */
    public static final String STEP_TIME_KEY = "step_time_ms";

    private static final Set<String> KEYS = Set.of("run_start", "run_stop", "init_start", "init_stop",
            "tracked_stats", STEP_TIME_KEY, "block_start", "block_stop", "epoch_start", "epoch_stop",
            "submission_benchmark", "submission_org", "submission_platform", "submission_division",
            "submission_status", "global_batch_size", "train_samples", "eval_accuracy");

    private final Set<String> evalKeys = new HashSet<>();

    private double initStartMs = Double.NaN;
    private double initStopMs = Double.NaN;
    private double runStartMs = Double.NaN;
    private double firstRunStartMs = Double.NaN;
    private double runStopMs = Double.NaN;
    private String stopStatus;
    private boolean stopped;
    private double globalBatchSize = Double.NaN;
    private final Map<String, String> submission = new HashMap<>();
    private final List<Eval> evals = new ArrayList<>();
    private long droppedEvals;
    /** Evaluations logged as one object ({@code {"BBOX": 0.378, "SEGM": 0.345}}), and those of them without numbers. */
    private long objectEvals;
    private long objectEvalsWithoutNumbers;
    private final ThroughputTracker throughput = new ThroughputTracker();

    /**
     * One evaluation of a target metric; {@code epoch} and {@code samples} are NaN when not logged. {@code member}:
     * the value is a member of an object value, {@code metric} its name; only a target naming it reads it.
     */
    private record Eval(String key, double timeMs, double epoch, double samples, double value, String metric,
                        boolean member) {
    }

    /** An accumulator collecting {@code eval_accuracy} evaluations. */
    public MllogAccumulator() {
        this(List.of());
    }

    /** An accumulator that also collects evaluations under the targets' keys. */
    public MllogAccumulator(List<QualityTarget> targets) {
        evalKeys.add("eval_accuracy");
        for (QualityTarget t : targets) {
            evalKeys.add(t.key());
        }
    }

    @Override
    public boolean wants(String key) {
        return KEYS.contains(key) || evalKeys.contains(key);
    }

    @Override
    public void event(MllogEvent e) {
        if (stopped) {
            return;
        }
        double t = e.timeMs();
        switch (e.key()) {
            case "run_start" -> runStart(t);
            case "run_stop" -> runStop(e, t);
            case "init_start" -> initStartMs = Double.isNaN(initStartMs) ? t : initStartMs;
            case "init_stop" -> initStopMs = Double.isNaN(initStopMs) ? t : initStopMs;
            case "tracked_stats" -> throughput.trackedStats(e, t);
            case STEP_TIME_KEY -> throughput.stepTime(e.numericValue());
            case "block_start" -> throughput.blockStart(e, t);
            case "block_stop" -> throughput.blockStop(e, t);
            case "epoch_start" -> throughput.epochStart(t);
            case "epoch_stop" -> throughput.epochStop(t);
            case "global_batch_size" -> globalBatchSize = e.numericValue();
            case "train_samples" -> throughput.trainSamples(e.numericValue());
            default -> submissionOrEval(e, t);
        }
    }

    private void runStart(double t) {
        runStartMs = t;
        if (Double.isNaN(firstRunStartMs)) {
            firstRunStartMs = t;
        }
    }

    private void runStop(MllogEvent e, double t) {
        runStopMs = t;
        stopStatus = e.metadataString("status");
        stopped = true;
    }

    private void submissionOrEval(MllogEvent e, double t) {
        String key = e.key();
        if (key.startsWith("submission_")) {
            submission.putIfAbsent(key, e.stringValue());
        }
        if (!evalKeys.contains(key)) {
            return;
        }
        if (e.value() instanceof Map<?, ?> object) {
            objectEval(e, t, object);
            return;
        }
        double v = e.numericValue();
        if (Double.isNaN(v)) {
            return;
        }
        addEval(new Eval(key, t, e.metadataNumber("epoch_num"), e.metadataNumber("samples_count"), v,
                e.metadataString("metric"), false));
    }

    /** Some rounds log several metrics as one object (maskrcnn's BBOX and SEGM): each number is an evaluation. */
    private void objectEval(MllogEvent e, double t, Map<?, ?> object) {
        objectEvals++;
        boolean numbers = false;
        for (Map.Entry<?, ?> m : object.entrySet()) {
            if (m.getValue() instanceof Double v) {
                numbers = true;
                addEval(new Eval(e.key(), t, e.metadataNumber("epoch_num"), e.metadataNumber("samples_count"), v,
                        m.getKey().toString(), true));
            }
        }
        if (!numbers) {
            objectEvalsWithoutNumbers++;
        }
    }

    private void addEval(Eval ev) {
        droppedEvals += evals.size() < MAX_POINTS && evals.add(ev) ? 0 : 1;
    }

    /** A {@code submission_*} value as first logged ({@code submission_benchmark}...), or null. */
    public String submission(String key) {
        return submission.get(key);
    }

    /**
     * The run, judged against {@code targets} (empty: no quality judgement, {@code targetReached} null).
     *
     * @param stats    the parse counts, for warnings
     */
    public MllogRun finish(List<QualityTarget> targets, ParseStats stats) {
        double timeToTrainMs = stopped && !Double.isNaN(runStartMs) ? runStopMs - runStartMs : Double.NaN;
        double originMs = !Double.isNaN(runStartMs) ? runStartMs : firstRunStartMs;
        Boolean reached = targets.isEmpty() ? null : reached(targets);
        ThroughputTracker.Throughput rate = throughput.throughput(originMs);
        ThroughputTracker.StepTimes steps = throughput.stepTimes();
        SubmissionInfo info = new SubmissionInfo(submission.get("submission_benchmark"),
                submission.get("submission_org"), submission.get("submission_platform"),
                submission.get("submission_division"), submission.get("submission_status"));
        List<String> warnings = warnings(stats);
        objectWarnings(targets, warnings);
        return new MllogRun(outcome(), stopStatus, runStartMs, stopped ? runStopMs : Double.NaN, timeToTrainMs,
                initTimeMs(), reached, curve(originMs), rate.series(), rate.samplesPerSecond(), rate.source(),
                steps.summary(), steps.source(), globalBatchSize, info, stats, warnings);
    }

    private RunOutcome outcome() {
        if (!stopped) {
            return RunOutcome.KILLED;
        }
        if (stopStatus != null && stopStatus.trim().toLowerCase(Locale.ROOT).equals("success")) {
            return RunOutcome.SUCCESS;
        }
        return RunOutcome.ABORTED;
    }

    /** {@code init_start} to {@code init_stop}, or else to the first {@code run_start}; NaN without init_start. */
    private double initTimeMs() {
        if (Double.isNaN(initStartMs)) {
            return Double.NaN;
        }
        double endMs = !Double.isNaN(initStopMs) ? initStopMs
                : (!Double.isNaN(firstRunStartMs) ? firstRunStartMs : runStartMs);
        return endMs - initStartMs;
    }

    private List<CurvePoint> curve(double originMs) {
        List<CurvePoint> curve = new ArrayList<>(evals.size());
        for (Eval ev : evals) {
            curve.add(new CurvePoint(ThroughputTracker.elapsed(ev.timeMs(), originMs), ev.epoch(), ev.samples(),
                    ev.value(), ev.metric()));
        }
        return curve;
    }

    private List<String> warnings(ParseStats stats) {
        List<String> warnings = new ArrayList<>();
        if (stats != null) {
            if (stats.malformedLines() > 0) {
                warnings.add(stats.malformedLines() + " MLLOG line(s) with unreadable JSON skipped");
            }
            if (stats.truncatedLines() > 0) {
                warnings.add(stats.truncatedLines() + " over-long line(s) truncated");
            }
        }
        if (!stopped) {
            warnings.add("no run_stop: the run was killed or its log is cut");
        }
        if (stopped && Double.isNaN(runStartMs)) {
            warnings.add("run_stop without a run_start before it");
        }
        long dropped = droppedEvals + throughput.dropped();
        if (dropped > 0) {
            warnings.add(dropped + " curve/series point(s) beyond " + MAX_POINTS + " dropped");
        }
        if (throughput.outOfOrder() > 0) {
            warnings.add(throughput.outOfOrder() + " tracked_stats event(s) out of time order (several ranks?)");
        }
        return warnings;
    }

    /** Says when evaluations logged as objects could not be read: never a silent NaN. */
    private void objectWarnings(List<QualityTarget> targets, List<String> warnings) {
        if (objectEvalsWithoutNumbers > 0) {
            warnings.add(objectEvalsWithoutNumbers + " evaluation(s) logged as an object without numbers; ignored");
        }
        long read = objectEvals - objectEvalsWithoutNumbers;
        if (read > 0 && !targets.isEmpty()
                && evals.stream().noneMatch(ev -> ev.member() && targets.stream().anyMatch(t -> matches(t, ev)))) {
            warnings.add(read + " evaluation(s) logged as an object with no member a quality target names; ignored");
        }
    }

    /**
     * True when, at some evaluation, the latest value of every target's metric meets its target. Evaluations after
     * the first run_stop were never recorded.
     */
    private boolean reached(List<QualityTarget> targets) {
        double[] latest = new double[targets.size()];
        Arrays.fill(latest, Double.NaN);
        for (Eval ev : evals) {
            boolean matched = false;
            for (int i = 0; i < targets.size(); i++) {
                if (matches(targets.get(i), ev)) {
                    latest[i] = ev.value();
                    matched = true;
                }
            }
            if (matched && all(targets, latest)) {
                return true;
            }
        }
        return false;
    }

    /** A member of an object value only counts for a target that names it. */
    private static boolean matches(QualityTarget t, Eval ev) {
        if (!t.key().equals(ev.key())) {
            return false;
        }
        if (t.submetric() == null) {
            return !ev.member();
        }
        return ev.metric() != null && t.submetric().equalsIgnoreCase(ev.metric());
    }

    private static boolean all(List<QualityTarget> targets, double[] latest) {
        for (int i = 0; i < targets.size(); i++) {
            QualityTarget t = targets.get(i);
            if (Double.isNaN(latest[i]) || !t.direction().reaches(latest[i], t.value())) {
                return false;
            }
        }
        return true;
    }

    /** Convenience: parses one log with a fresh parser and judges it against {@code targets}. */
    public static MllogRun parse(Path file, List<QualityTarget> targets) throws IOException {
        MllogAccumulator acc = new MllogAccumulator(targets);
        ParseStats stats = new MllogParser().parse(file, acc);
        return acc.finish(targets, stats);
    }
}
