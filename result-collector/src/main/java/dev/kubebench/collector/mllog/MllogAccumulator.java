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
 *
 * <p>Impossible times never become numbers: a run whose {@code run_start} or {@code run_stop} has no finite
 * {@code time_ms}, whose {@code run_stop} is not after its {@code run_start}, or whose events are out of order beyond
 * {@link TimeCheck#ORDER_TOLERANCE_MS} has no time to train and is invalid with that reason
 * ({@link MllogRun#timingProblem()}); a negative or non-finite init time is not reported; impossible step-time
 * samples are counted, not recorded.
 */
public final class MllogAccumulator implements MllogVisitor {
    /** The most points kept per curve or series. */
    public static final int MAX_POINTS = 100_000;
    /** The key a per-step timing is logged under, value in milliseconds (the reference workload's convention). */
    public static final String STEP_TIME_KEY = "step_time_ms";

    /** Keys whose values are settings, not moments: their times are not checked. */
    private static final Set<String> UNTIMED = Set.of("global_batch_size", "train_samples");

    private static final Set<String> KEYS = Set.of("run_start", "run_stop", "init_start", "init_stop",
            "tracked_stats", STEP_TIME_KEY, "block_start", "block_stop", "epoch_start", "epoch_stop",
            "submission_benchmark", "submission_org", "submission_platform", "submission_division",
            "submission_status", "global_batch_size", "train_samples", "eval_accuracy");

    private final Set<String> evalKeys = new HashSet<>();

    private double initStartMs = Double.NaN;
    private long initStartLine;
    private double initStopMs = Double.NaN;
    private long initStopLine;
    private double runStartMs = Double.NaN;
    private long runStartLine;
    private double firstRunStartMs = Double.NaN;
    private long firstRunStartLine;
    private double runStopMs = Double.NaN;
    private long runStopLine;
    private final TimeCheck times = new TimeCheck();
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
        if (!UNTIMED.contains(e.key()) && !e.key().startsWith("submission_")) {
            times.see(e);
        }
        switch (e.key()) {
            case "run_start" -> runStart(t, e.lineNumber());
            case "run_stop" -> runStop(e, t);
            case "init_start" -> initStart(t, e.lineNumber());
            case "init_stop" -> initStop(t, e.lineNumber());
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

    private void runStart(double t, long line) {
        runStartMs = t;
        runStartLine = line;
        if (firstRunStartLine == 0) {
            firstRunStartMs = t;
            firstRunStartLine = line;
        }
    }

    private void initStart(double t, long line) {
        if (initStartLine == 0) {
            initStartMs = t;
            initStartLine = line;
        }
    }

    private void initStop(double t, long line) {
        if (initStopLine == 0) {
            initStopMs = t;
            initStopLine = line;
        }
    }

    private void runStop(MllogEvent e, double t) {
        runStopMs = t;
        runStopLine = e.lineNumber();
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
        String timing = timingProblem();
        double timeToTrainMs = stopped && runStartLine > 0 && timing == null ? runStopMs - runStartMs : Double.NaN;
        double originMs = Double.isFinite(runStartMs) ? runStartMs
                : Double.isFinite(firstRunStartMs) ? firstRunStartMs : Double.NaN;
        Boolean reached = targets.isEmpty() ? null : reached(targets);
        ThroughputTracker.Throughput rate = throughput.throughput(originMs);
        ThroughputTracker.StepTimes steps = throughput.stepTimes();
        SubmissionInfo info = new SubmissionInfo(submission.get("submission_benchmark"),
                submission.get("submission_org"), submission.get("submission_platform"),
                submission.get("submission_division"), submission.get("submission_status"));
        List<String> warnings = warnings(stats);
        objectWarnings(targets, warnings);
        if (timing != null) {
            warnings.add(stopped ? "time to train not measured: " + timing : timing);
        }
        if (steps.rejected() > 0) {
            warnings.add(steps.rejected() + " impossible step time sample(s) ignored (negative, not finite or over "
                    + "30 days)");
        }
        return new MllogRun(outcome(), stopStatus, runStartMs, stopped ? runStopMs : Double.NaN, timeToTrainMs,
                timing, initTimeMs(warnings), reached, curve(originMs), rate.series(), rate.samplesPerSecond(),
                rate.source(), steps.summary(), steps.source(), steps.rejected(), globalBatchSize, info, stats,
                warnings);
    }

    /**
     * Why the times of this run measure nothing: run_start or run_stop without a finite time, run_stop not after
     * run_start, or events out of order beyond the tolerance; null when they are sound (or there is no run_stop).
     */
    private String timingProblem() {
        if (stopped && runStartLine > 0) {
            if (!Double.isFinite(runStartMs)) {
                return TimeCheck.at("run_start", runStartLine) + " has no finite time_ms";
            }
            if (!Double.isFinite(runStopMs)) {
                return TimeCheck.at("run_stop", runStopLine) + " has no finite time_ms";
            }
            if (runStopMs <= runStartMs) {
                return TimeCheck.at("run_stop", runStopLine) + " is "
                        + (runStopMs == runStartMs ? "at the same time as " : TimeCheck.gap(runStartMs - runStopMs)
                        + " before ") + TimeCheck.at("run_start", runStartLine) + ": not a duration";
            }
        }
        return times.outOfOrder();
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

    /**
     * {@code init_start} to {@code init_stop}, or else to the first {@code run_start}; NaN without init_start, and NaN
     * with a warning when the times give no duration (a negative one, or one not finite).
     */
    private double initTimeMs(List<String> warnings) {
        if (initStartLine == 0) {
            return Double.NaN;
        }
        String endKey = initStopLine > 0 ? "init_stop" : "run_start";
        long endLine = initStopLine > 0 ? initStopLine : firstRunStartLine;
        if (endLine == 0) {
            return Double.NaN;
        }
        double endMs = initStopLine > 0 ? initStopMs : firstRunStartMs;
        double ms = endMs - initStartMs;
        if (ms >= 0 && Double.isFinite(ms)) {
            return ms;
        }
        String why = !Double.isFinite(initStartMs)
                ? TimeCheck.at("init_start", initStartLine) + " has no finite time_ms"
                : !Double.isFinite(endMs) ? TimeCheck.at(endKey, endLine) + " has no finite time_ms"
                : TimeCheck.at(endKey, endLine) + " is " + TimeCheck.gap(-ms) + " before "
                + TimeCheck.at("init_start", initStartLine);
        warnings.add("init time not measured: " + why);
        return Double.NaN;
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
        if (stopped && runStartLine == 0) {
            warnings.add("run_stop without a run_start before it");
        }
        long dropped = droppedEvals + throughput.dropped();
        if (dropped > 0) {
            warnings.add(dropped + " curve/series point(s) beyond " + MAX_POINTS + " dropped");
        }
        if (throughput.impossibleRates() > 0) {
            warnings.add(throughput.impossibleRates() + " tracked_stats throughput(s) negative or infinite; ignored");
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
