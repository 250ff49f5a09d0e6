package dev.kubebench.collector.mllog;

import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.collector.latency.LatencyRecorder;
import dev.kubebench.collector.result.CurvePoint;
import dev.kubebench.collector.result.ThroughputPoint;
import java.util.ArrayList;
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
 * HdrHistogram.
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

    private double initStart = Double.NaN;
    private double initStop = Double.NaN;
    private double runStart = Double.NaN;
    private double firstRunStart = Double.NaN;
    private double runStop = Double.NaN;
    private String stopStatus;
    private boolean stopped;
    private double globalBatchSize = Double.NaN;
    private double trainSamples = Double.NaN;
    private final Map<String, String> submission = new HashMap<>();

    private final List<Eval> evals = new ArrayList<>();
    private final List<double[]> tracked = new ArrayList<>();   // {timeMs, throughput}
    private final List<double[]> blocks = new ArrayList<>();    // {durationMs, samples, endTimeMs}
    private final List<double[]> epochs = new ArrayList<>();    // {durationMs, endTimeMs}
    private double blockStartTime = Double.NaN;
    private double blockStartSamples = Double.NaN;
    private double blockEpochs = Double.NaN;
    private double epochStartTime = Double.NaN;
    private double lastTrackedTime = Double.NaN;
    private long dropped;
    private long outOfOrder;

    private final LatencyRecorder loggedSteps = new LatencyRecorder();
    private final LatencyRecorder trackedSteps = new LatencyRecorder();
    private final LatencyRecorder blockSteps = new LatencyRecorder();
    private final LatencyRecorder epochSteps = new LatencyRecorder();

    private record Eval(String key, double timeMs, double epoch, double samples, double value, String metric) {
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
        String key = e.key();
        double t = e.timeMs();
        if (stopped) {
            return;
        }
        switch (key) {
            case "run_start":
                runStart = t;
                if (Double.isNaN(firstRunStart)) {
                    firstRunStart = t;
                }
                return;
            case "run_stop":
                runStop = t;
                stopStatus = e.metadataString("status");
                stopped = true;
                return;
            case "init_start":
                if (Double.isNaN(initStart)) {
                    initStart = t;
                }
                return;
            case "init_stop":
                if (Double.isNaN(initStop)) {
                    initStop = t;
                }
                return;
            case "tracked_stats":
                tracked(e, t);
                return;
            case STEP_TIME_KEY:
                loggedSteps.recordMs(e.numericValue());
                return;
            case "block_start":
                blockStartTime = t;
                blockStartSamples = e.metadataNumber("samples_count");
                blockEpochs = e.metadataNumber("epoch_count");
                return;
            case "block_stop":
                blockStop(e, t);
                return;
            case "epoch_start":
                epochStartTime = t;
                return;
            case "epoch_stop":
                if (!Double.isNaN(epochStartTime) && t >= epochStartTime) {
                    add(epochs, new double[] {t - epochStartTime, t});
                    epochSteps.recordMs(t - epochStartTime);
                }
                epochStartTime = Double.NaN;
                return;
            case "global_batch_size":
                globalBatchSize = e.numericValue();
                return;
            case "train_samples":
                trainSamples = e.numericValue();
                return;
            default:
                break;
        }
        if (key.startsWith("submission_")) {
            submission.putIfAbsent(key, e.stringValue());
        }
        if (evalKeys.contains(key)) {
            double v = e.numericValue();
            if (!Double.isNaN(v)) {
                double samples = e.metadataNumber("samples_count");
                if (evals.size() < MAX_POINTS) {
                    evals.add(new Eval(key, t, e.metadataNumber("epoch_num"), samples, v, e.metadataString("metric")));
                } else {
                    dropped++;
                }
            }
        }
    }

    private void tracked(MllogEvent e, double t) {
        double tp = e.valueField("throughput");
        if (!Double.isNaN(tp)) {
            add(tracked, new double[] {t, tp});
        }
        if (!Double.isNaN(lastTrackedTime)) {
            if (t >= lastTrackedTime) {
                trackedSteps.recordMs(t - lastTrackedTime);
            } else {
                outOfOrder++;
            }
        }
        lastTrackedTime = t;
    }

    private void blockStop(MllogEvent e, double t) {
        if (Double.isNaN(blockStartTime) || t < blockStartTime) {
            blockStartTime = Double.NaN;
            return;
        }
        double duration = t - blockStartTime;
        double stopSamples = e.metadataNumber("samples_count");
        double samples = Double.NaN;
        if (!Double.isNaN(stopSamples) && !Double.isNaN(blockStartSamples) && stopSamples > blockStartSamples) {
            samples = stopSamples - blockStartSamples;
        } else if (!Double.isNaN(blockEpochs) && !Double.isNaN(trainSamples)) {
            samples = blockEpochs * trainSamples;
        }
        add(blocks, new double[] {duration, samples, t});
        blockSteps.recordMs(duration);
        blockStartTime = Double.NaN;
    }

    private void add(List<double[]> list, double[] point) {
        if (list.size() < MAX_POINTS) {
            list.add(point);
        } else {
            dropped++;
        }
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
        List<String> warnings = new ArrayList<>();
        RunOutcome outcome;
        if (!stopped) {
            outcome = RunOutcome.KILLED;
        } else if (stopStatus != null && stopStatus.trim().toLowerCase(Locale.ROOT).equals("success")) {
            outcome = RunOutcome.SUCCESS;
        } else {
            outcome = RunOutcome.ABORTED;
        }
        double ttt = stopped && !Double.isNaN(runStart) ? runStop - runStart : Double.NaN;
        double origin = !Double.isNaN(runStart) ? runStart : firstRunStart;
        double init = Double.NaN;
        if (!Double.isNaN(initStart)) {
            double end = !Double.isNaN(initStop) ? initStop : (!Double.isNaN(firstRunStart) ? firstRunStart : runStart);
            init = end - initStart;
        }

        List<CurvePoint> curve = new ArrayList<>(evals.size());
        for (Eval ev : evals) {
            curve.add(new CurvePoint(elapsed(ev.timeMs, origin), ev.epoch, ev.samples, ev.value, ev.metric));
        }
        Boolean reached = targets.isEmpty() ? null : reached(targets);

        List<ThroughputPoint> series = new ArrayList<>();
        double throughput = Double.NaN;
        String source = null;
        if (!tracked.isEmpty()) {
            double sum = 0;
            for (double[] p : tracked) {
                series.add(new ThroughputPoint(elapsed(p[0], origin), p[1]));
                sum += p[1];
            }
            throughput = sum / tracked.size();
            source = "tracked_stats";
        } else if (blocks.stream().anyMatch(b -> !Double.isNaN(b[1]) && b[0] > 0)) {
            double samples = 0;
            double ms = 0;
            for (double[] b : blocks) {
                if (!Double.isNaN(b[1]) && b[0] > 0) {
                    series.add(new ThroughputPoint(elapsed(b[2], origin), b[1] / (b[0] / 1000.0)));
                    samples += b[1];
                    ms += b[0];
                }
            }
            throughput = samples / (ms / 1000.0);
            source = "blocks";
        } else if (!epochs.isEmpty() && !Double.isNaN(trainSamples)) {
            double ms = 0;
            for (double[] ep : epochs) {
                if (ep[0] > 0) {
                    series.add(new ThroughputPoint(elapsed(ep[1], origin), trainSamples / (ep[0] / 1000.0)));
                    ms += ep[0];
                }
            }
            if (ms > 0) {
                throughput = series.size() * trainSamples / (ms / 1000.0);
                source = "epochs";
            }
        }

        LatencyRecorder steps = null;
        String stepSource = null;
        if (loggedSteps.count() > 0) {
            steps = loggedSteps;
            stepSource = STEP_TIME_KEY;
        } else if (trackedSteps.count() > 0) {
            steps = trackedSteps;
            stepSource = "tracked_stats";
        } else if (blockSteps.count() > 0) {
            steps = blockSteps;
            stepSource = "blocks";
        } else if (epochSteps.count() > 0) {
            steps = epochSteps;
            stepSource = "epochs";
        }

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
        if (stopped && Double.isNaN(runStart)) {
            warnings.add("run_stop without a run_start before it");
        }
        if (dropped > 0) {
            warnings.add(dropped + " curve/series point(s) beyond " + MAX_POINTS + " dropped");
        }
        if (outOfOrder > 0) {
            warnings.add(outOfOrder + " tracked_stats event(s) out of time order (several ranks?)");
        }
        SubmissionInfo info = new SubmissionInfo(submission.get("submission_benchmark"),
                submission.get("submission_org"), submission.get("submission_platform"),
                submission.get("submission_division"), submission.get("submission_status"));
        return new MllogRun(outcome, stopStatus, runStart, stopped ? runStop : Double.NaN, ttt, init, reached, curve,
                series, throughput, source, steps == null ? null : steps.summary(), stepSource, globalBatchSize,
                info, stats, warnings);
    }

    private static double elapsed(double t, double origin) {
        return Double.isNaN(origin) ? Double.NaN : t - origin;
    }

    /**
     * True when, at some evaluation, the latest value of every target's metric meets its target. Evaluations after
     * the first run_stop were never recorded.
     */
    private boolean reached(List<QualityTarget> targets) {
        double[] latest = new double[targets.size()];
        java.util.Arrays.fill(latest, Double.NaN);
        for (Eval ev : evals) {
            boolean matched = false;
            for (int i = 0; i < targets.size(); i++) {
                QualityTarget t = targets.get(i);
                if (t.key().equals(ev.key) && (t.submetric() == null
                        || (ev.metric != null && t.submetric().equalsIgnoreCase(ev.metric)))) {
                    latest[i] = ev.value;
                    matched = true;
                }
            }
            if (matched && all(targets, latest)) {
                return true;
            }
        }
        return false;
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
    public static MllogRun parse(java.nio.file.Path file, List<QualityTarget> targets) throws java.io.IOException {
        MllogAccumulator acc = new MllogAccumulator(targets);
        ParseStats stats = new MllogParser().parse(file, acc);
        return acc.finish(targets, stats);
    }
}
