package dev.kubebench.collector;

import dev.kubebench.core.secret.Redactor;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.FailureCause;

import dev.kubebench.catalog.mlperf.MlperfBenchmark;
import dev.kubebench.catalog.mlperf.MlperfCatalog;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.catalog.spec.QualityTarget;
import dev.kubebench.catalog.spec.Workload;
import dev.kubebench.collector.custom.JmhResultCollector;
import dev.kubebench.collector.custom.LogMetricExtractor;
import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.result.RunResultCodec;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.collector.telemetry.EnergyPerSample;
import dev.kubebench.collector.telemetry.LocalTelemetryFile;
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
 * {@code events.jsonl}, the local backend's telemetry ({@link LocalTelemetryFile}) and {@code energy_per_sample_j}, and
 * decides the status: a throughput trial succeeds when its job succeeds; a time-to-train
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
        return collect(run, trial, end, Redactor.NONE);
    }

    /**
     * Collects the trial and writes {@code trials/<n>/result.json} atomically, with the run's secrets masked in it
     * (a workload may print one into the failure reason or a log excerpt); returns what was written.
     */
    public RunResult collect(RunDirectory run, Trial trial, TrialOutcome end, Redactor redactor) throws IOException {
        List<TimelineEvent> events = run.readEvents(trial.index());
        RunResult r = RunResultCodec.redact(evaluate(run.trialDir(trial.index()), run.benchmark(), run.runId(), trial,
                end, events), redactor);
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
                mllog = MllogTrial.select(logs, targets, warnings);
                if (mllog != null) {
                    MllogTrial.metrics(mllog, metrics, labels, targets);
                    catalog.find(spec.workload().id()).filter(b -> spec.workload().catalog())
                            .ifPresent(b -> TrialCompliance.label(logs, b.name(), labels, warnings));
                }
            } else if (c instanceof CollectSpec.Jmh) {
                jmh(trialDir, (CollectSpec.Jmh) c, metrics, warnings);
            } else if (c instanceof CollectSpec.Extract) {
                extract(logs, (CollectSpec.Extract) c, metrics, labels, warnings);
            }
            // prometheus: telemetry is collected after the trial from Prometheus (telemetry.TelemetryRecorder)
        }
        TimelineLatencies.metrics(events, warnings).forEach(metrics::putIfAbsent);
        LocalTelemetryFile.add(trialDir, metrics, warnings);
        EnergyPerSample.add(metrics, end.startedAt(), end.finishedAt());
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
            String why = MllogTrial.timeToTrainFailure(mllog, targets);
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
