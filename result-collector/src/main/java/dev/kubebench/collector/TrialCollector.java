package dev.kubebench.collector;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.FailureCause;

import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.catalog.spec.Workload;
import dev.kubebench.collector.custom.JmhResultCollector;
import dev.kubebench.collector.custom.LogMetricExtractor;
import dev.kubebench.collector.latency.LatencySummary;
import dev.kubebench.collector.mllog.MllogAccumulator;
import dev.kubebench.collector.mllog.MllogParser;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mllog.ParseStats;
import dev.kubebench.collector.mllog.RunOutcome;
import dev.kubebench.collector.mllog.SubmissionInfo;
import dev.kubebench.collector.result.CurvePoint;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.timeline.TimelineEvent;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a finished trial directory into its {@code result.json}: parses every log in {@code logs/} with the trial's
 * collect specs (MLLOG by default, JMH JSON, extraction rules), adds scheduling/startup latencies from
 * {@code events.jsonl}, and decides the status: a throughput trial succeeds when its job succeeds; a time-to-train
 * trial only when its MLLOG run stopped with {@code success} and reached the quality target. Status and failure
 * reason are always set. Collection problems (unreadable logs, missing files) become warnings, never exceptions, so
 * a result is always written.
 */
public final class TrialCollector {
    private final MlperfCatalog catalog;

    /** A collector using the bundled MLPerf catalog for catalog workloads without explicit targets. */
    public TrialCollector() {
        this(MlperfCatalog.standard());
    }

    public TrialCollector(MlperfCatalog catalog) {
        this.catalog = catalog;
    }

    /** Collects the trial and writes {@code trials/<n>/result.json} atomically. */
    public RunResult collect(RunDirectory run, Trial trial, TrialOutcome end) throws IOException {
        List<TimelineEvent> events = run.readEvents(trial.index());
        RunResult r = evaluate(run.trialDir(trial.index()), run.benchmark(), run.runId(), trial, end, events);
        run.writeResult(r);
        return r;
    }

    /** The quality targets a trial is judged on: the spec's, else the catalog entry's; empty for throughput. */
    public List<QualityTarget> targets(Workload workload) {
        if (!workload.targets().isEmpty() || !workload.catalog()) {
            return workload.targets();
        }
        return catalog.find(workload.id()).map(MlperfBenchmark::targets).orElse(List.of());
    }

    /** Computes the result without writing it. */
    public RunResult evaluate(Path trialDir, String benchmark, String runId, Trial trial, TrialOutcome end,
                              List<TimelineEvent> events) {
        BenchmarkSpec spec = trial.benchmark().spec();
        List<QualityTarget> targets = targets(spec.workload());
        MeasurementKind kind = targets.isEmpty() ? MeasurementKind.THROUGHPUT : MeasurementKind.TIME_TO_TRAIN;
        List<CollectSpec> collects = spec.collect().isEmpty() ? List.of(new CollectSpec.Mllog()) : spec.collect();
        List<String> warnings = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>(trial.benchmark().metadata().labels());
        labels.put("job_kind", spec.job().kind().name());
        labels.put("replicas", Integer.toString(spec.job().totalReplicas()));
        if (spec.job().resources() != null && spec.job().resources().gpus() > 0) {
            labels.put("gpus_per_replica", Integer.toString(spec.job().resources().gpus()));
        }
        if (!trial.pointLabel().isEmpty()) {
            labels.put("point", trial.pointLabel());
        }
        if (end.cause() != FailureCause.NONE) {
            labels.put("failure_class", end.cause().jsonName());
        }

        List<Path> logs = logs(trialDir.resolve(RunDirectory.LOGS), warnings);
        MllogRun mllog = null;
        for (CollectSpec c : collects) {
            if (c instanceof CollectSpec.Mllog) {
                mllog = mllog(logs, targets, warnings);
                if (mllog != null) {
                    mllogMetrics(mllog, metrics, labels, targets);
                    catalog.find(spec.workload().id()).filter(b -> spec.workload().catalog())
                            .ifPresent(b -> TrialCompliance.label(logs, b.name(), labels, warnings));
                }
            } else if (c instanceof CollectSpec.Jmh) {
                jmh(trialDir, (CollectSpec.Jmh) c, metrics, warnings);
            } else if (c instanceof CollectSpec.Extract) {
                extract(logs, (CollectSpec.Extract) c, metrics, labels, warnings);
            } else {
                warnings.add("prometheus queries are not evaluated by the log collector");
            }
        }
        TimelineLatencies.metrics(events).forEach(metrics::putIfAbsent);
        ClusterIncidents.add(events, labels, warnings);

        TrialState status;
        String reason;
        Boolean reached = null;
        if (kind == MeasurementKind.TIME_TO_TRAIN) {
            reached = mllog != null && Boolean.TRUE.equals(mllog.targetReached());
        }
        if (!end.succeeded()) {
            status = end.state();
            reason = end.reason();
        } else if (kind == MeasurementKind.TIME_TO_TRAIN) {
            String why = timeToTrainFailure(mllog, targets);
            status = why == null ? TrialState.SUCCEEDED : TrialState.FAILED;
            reason = why;
        } else {
            status = TrialState.SUCCEEDED;
            reason = null;
        }
        RunResult.Identity identity = new RunResult.Identity(benchmark, runId, trial.index(), trial.point(),
                trial.repetition(), spec.workload().id(), trial.warmup());
        RunResult.Outcome outcome = new RunResult.Outcome(kind, status, reason, reached, end.startedAt(),
                end.finishedAt());
        RunResult.Measurements measured = mllog == null
                ? new RunResult.Measurements(metrics, List.of(), List.of(), null)
                : new RunResult.Measurements(metrics, mllog.accuracyCurve(), mllog.throughputSeries(),
                        mllog.stepTimes() == null ? null : mllog.stepTimes().encodedHistogram());
        return new RunResult(RunResult.SCHEMA_VERSION, identity, outcome, measured, labels, warnings);
    }

    private static List<Path> logs(Path dir, List<String> warnings) {
        if (!Files.isDirectory(dir)) {
            warnings.add("no logs directory");
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            warnings.add("cannot list logs: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Parses each log separately and picks the run that decides the result: the first log (in name order, so rank 0
     * and the master come first) with a run_stop, else one with a run_start, else the one with the most events.
     */
    private static MllogRun mllog(List<Path> logs, List<QualityTarget> targets, List<String> warnings) {
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

    private static void mllogMetrics(MllogRun run, Map<String, Double> metrics, Map<String, String> labels,
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

    private static String timeToTrainFailure(MllogRun run, List<QualityTarget> targets) {
        if (run == null) {
            return "no MLLOG events in the logs: cannot judge the quality target";
        }
        if (run.outcome() == RunOutcome.KILLED) {
            return "no run_stop in the MLLOG log (killed or log cut)";
        }
        if (run.outcome() == RunOutcome.ABORTED) {
            return "run_stop status " + (run.stopStatus() == null ? "missing" : run.stopStatus());
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

    private static void jmh(Path trialDir, CollectSpec.Jmh spec, Map<String, Double> metrics, List<String> warnings) {
        String name = spec.file() == null || spec.file().isBlank() ? "jmh-result.json" : spec.file();
        Path file = null;
        for (Path candidate : List.of(trialDir.resolve(name), trialDir.resolve(RunDirectory.LOGS).resolve(name),
                trialDir.resolve(RunDirectory.LOGS).resolve(Path.of(name).getFileName()))) {
            if (Files.isRegularFile(candidate)) {
                file = candidate;
                break;
            }
        }
        if (file == null) {
            warnings.add("jmh: result file " + name + " not found in the trial directory or logs/");
            return;
        }
        try {
            JmhResultCollector.metrics(JmhResultCollector.read(file)).forEach(metrics::put);
        } catch (IOException | KubebenchException e) {
            warnings.add("jmh: " + e.getMessage());
        }
    }

    private static void extract(List<Path> logs, CollectSpec.Extract spec, Map<String, Double> metrics,
                                Map<String, String> labels, List<String> warnings) {
        LogMetricExtractor x;
        try {
            x = new LogMetricExtractor(spec);
        } catch (KubebenchException e) {
            warnings.add("extract: " + e.getMessage());
            return;
        }
        for (Path log : logs) {
            try {
                x.accept(log);
            } catch (IOException e) {
                warnings.add("extract: " + log.getFileName() + ": unreadable: " + e.getMessage());
            }
        }
        x.metrics().forEach(metrics::put);
        x.units().forEach((k, v) -> labels.put("unit." + k, v));
        for (String name : x.unmatched()) {
            warnings.add("extract: metric " + name + " matched no log line");
        }
        if (x.malformedJsonLines() > 0) {
            warnings.add("extract: " + x.malformedJsonLines() + " line(s) looked like JSON but did not parse");
        }
    }
}
