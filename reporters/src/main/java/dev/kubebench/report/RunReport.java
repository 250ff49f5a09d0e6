package dev.kubebench.report;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.report.csv.TelemetryCsv;
import dev.kubebench.core.timeline.TimelineEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report is built from: one run of one benchmark.
 *
 * @param benchmark  benchmark name
 * @param runId      run id ({@code yyyyMMdd-HHmmss-<6 hex>})
 * @param specYaml   the fully resolved spec as run ({@code benchmark.yaml}); empty when unknown
 * @param trials     one entry per trial, kept sorted by trial index
 * @param gates      gate verdicts to show with the trials; empty when no gates were evaluated
 */
public record RunReport(String benchmark, String runId, String specYaml, List<TrialReport> trials,
                        List<GateCheck> gates) {
    public RunReport {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(runId, "runId");
        specYaml = specYaml == null ? "" : specYaml;
        List<TrialReport> sorted = new ArrayList<>(trials == null ? List.of() : trials);
        sorted.sort(Comparator.comparingInt(TrialReport::trial));
        trials = List.copyOf(sorted);
        gates = List.copyOf(gates == null ? List.of() : gates);
    }

    /**
     * A report from results and per-trial timelines keyed by trial index (trials without an entry get an empty
     * timeline).
     */
    public static RunReport of(String benchmark, String runId, String specYaml, List<RunResult> results,
                               Map<Integer, List<TimelineEvent>> timelines) {
        return of(benchmark, runId, specYaml, results, timelines, Map.of());
    }

    /** The same, with each trial's GPU utilization series keyed by trial index. */
    public static RunReport of(String benchmark, String runId, String specYaml, List<RunResult> results,
                               Map<Integer, List<TimelineEvent>> timelines,
                               Map<Integer, List<GpuUtilPoint>> gpuUtil) {
        List<TrialReport> trials = new ArrayList<>(results.size());
        for (RunResult r : results) {
            trials.add(new TrialReport(r, timelines.getOrDefault(r.trial(), List.of()),
                    gpuUtil.getOrDefault(r.trial(), List.of())));
        }
        return new RunReport(benchmark, runId, specYaml, trials, List.of());
    }

    /**
     * Reads a run directory (DESIGN §5): every {@code trials/<n>/result.json}, each trial's {@code events.jsonl} and
     * the resolved spec from {@code benchmark.yaml}, and the GPU utilization of each trial's {@code telemetry.csv}
     * where there is one. The benchmark name comes from the results, else from the
     * directory's parent; the run id from the results, else from the directory name. Trials without a result.json
     * are left out (see {@link #missingResults(Path)}).
     *
     * @throws KubebenchException INVALID_INPUT when {@code runDir} is not a run directory or a result is malformed
     */
    public static RunReport load(Path runDir) throws IOException {
        RunDirectory dir = RunDirectory.of(runDir);
        if (!Files.isDirectory(runDir)) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    runDir + (Files.exists(runDir) ? ": not a directory" : ": no such directory"));
        }
        if (!Files.isDirectory(dir.trialsDir()) && !Files.isRegularFile(dir.benchmarkYaml())) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    runDir + ": not a run directory (no trials/ and no benchmark.yaml)");
        }
        List<RunResult> results = dir.readResults();
        Map<Integer, List<TimelineEvent>> timelines = new HashMap<>();
        Map<Integer, List<GpuUtilPoint>> gpuUtil = new HashMap<>();
        for (RunResult r : results) {
            timelines.put(r.trial(), dir.readEvents(r.trial()).stream().toList());
            gpuUtil.put(r.trial(), TelemetryCsv.gpuUtil(dir.trialDir(r.trial()).resolve(TelemetryCsv.NAME)));
        }
        String spec = Files.isRegularFile(dir.benchmarkYaml())
                ? Files.readString(dir.benchmarkYaml(), StandardCharsets.UTF_8) : "";
        String benchmark = results.isEmpty() ? dir.benchmark() : results.get(0).benchmark();
        String runId = results.isEmpty() || results.get(0).runId() == null ? dir.runId() : results.get(0).runId();
        return of(benchmark, runId, spec, results, timelines, gpuUtil);
    }

    /** Trial numbers of a run directory that have a trial directory but no result.json. */
    public static List<Integer> missingResults(Path runDir) throws IOException {
        RunDirectory dir = RunDirectory.of(runDir);
        List<Integer> missing = new ArrayList<>();
        for (int t : dir.trials()) {
            if (!Files.isRegularFile(dir.resultJson(t))) {
                missing.add(t);
            }
        }
        return missing;
    }

    /** The same report with gate verdicts attached. */
    public RunReport withGates(List<GateCheck> gateChecks) {
        return new RunReport(benchmark, runId, specYaml, trials, gateChecks);
    }

    /** The trials' results, by trial index. */
    public List<RunResult> results() {
        return trials.stream().map(TrialReport::result).toList();
    }
}
