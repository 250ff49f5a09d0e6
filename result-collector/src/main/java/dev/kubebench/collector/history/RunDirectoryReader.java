package dev.kubebench.collector.history;

import dev.kubebench.catalog.load.SpecLoader;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a run directory into what a push stores. Only reads: the directory is never modified. Gate verdicts come from
 * {@code compare.json} in the run directory when present (the output of {@code kubebench compare -o json} with this
 * run as the candidate); each gated comparison is one verdict, failed when its verdict is a regression.
 */
public final class RunDirectoryReader {
    /** The file holding gate verdicts of a run, written by the pipeline, not by kubebench run. */
    public static final String COMPARE_JSON = "compare.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<TrialState> WORST_FIRST = List.of(TrialState.INTERRUPTED, TrialState.INFRASTRUCTURE,
            TrialState.TIMED_OUT, TrialState.FAILED);

    private RunDirectoryReader() {
    }

    /**
     * Reads {@code dir}.
     *
     * @param extraLabels labels added to the spec's (and winning over them)
     * @throws KubebenchException INVALID_INPUT when {@code dir} is not a run directory or a file in it is malformed
     */
    public static PushedRun read(Path dir, Map<String, String> extraLabels) {
        RunDirectory run = RunDirectory.of(dir);
        if (!Files.isDirectory(run.trialsDir())) {
            throw new KubebenchException(Failure.INVALID_INPUT, dir + ": not a run directory (no trials/)");
        }
        try {
            // warm-up trials stay in the run directory but never enter the history (docs/spec.md, "warmup")
            List<RunResult> trials = run.readResults().stream().filter(r -> !r.warmup()).toList();
            JsonNode summary = json(run.summaryJson());
            String benchmark = trials.isEmpty() ? text(summary, "benchmark", run.benchmark())
                    : trials.get(0).benchmark();
            Instant started = null;
            Instant finished = null;
            for (RunResult r : trials) {
                if (r.startedAt() != null && (started == null || r.startedAt().isBefore(started))) {
                    started = r.startedAt();
                }
                if (r.finishedAt() != null && (finished == null || r.finishedAt().isAfter(finished))) {
                    finished = r.finishedAt();
                }
            }
            started = started != null ? started : instant(summary, "started_at");
            Instant summaryFinished = instant(summary, "finished_at");
            finished = summaryFinished != null ? summaryFinished : finished;
            String specYaml = Files.isRegularFile(run.benchmarkYaml()) ? Files.readString(run.benchmarkYaml()) : null;
            Map<String, String> labels = new LinkedHashMap<>();
            List<Gate> gates = List.of();
            BenchmarkPlan plan = spec(run.benchmarkYaml());
            if (plan != null) {
                labels.putAll(plan.resolved().metadata().labels());
                gates = plan.resolved().spec().gates();
            }
            labels.putAll(extraLabels);
            String status = text(summary, "status", status(trials));
            return new PushedRun(run.runId(), benchmark, started, finished, status, specYaml, labels, gates,
                    verdicts(dir.resolve(COMPARE_JSON)), trials);
        } catch (IOException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, dir + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** {@code key=value,...} in the point's order, empty without a sweep: the same label compare and trend use. */
    public static String pointLabel(Map<String, Object> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }

    private static String status(List<RunResult> trials) {
        if (trials.isEmpty()) {
            return "empty";
        }
        for (TrialState s : WORST_FIRST) {
            if (trials.stream().anyMatch(r -> r.status() == s)) {
                return s.jsonName();
            }
        }
        return TrialState.SUCCEEDED.jsonName();
    }

    /** The spec as run, or null when there is none or this version cannot read it (then no labels, no gates). */
    private static BenchmarkPlan spec(Path benchmarkYaml) {
        if (!Files.isRegularFile(benchmarkYaml)) {
            return null;
        }
        try {
            return SpecLoader.forRecordedRun().load(benchmarkYaml, null, null);
        } catch (KubebenchException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<GateVerdict> verdicts(Path compareJson) throws IOException {
        JsonNode root = json(compareJson);
        List<GateVerdict> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        for (JsonNode row : root.path("comparisons")) {
            if (!row.path("gated").asBoolean(false)) {
                continue;
            }
            String point = row.path("point").asString("");
            String name = row.path("metric").asString("") + (point.isEmpty() ? "" : "[" + point + "]");
            String verdict = row.path("verdict").asString("");
            JsonNode change = row.path("changePercent");
            String message = change.isNumber()
                    ? String.format(Locale.ROOT, "%s (%+.2f%%)", verdict, change.asDouble()) : verdict;
            out.add(new GateVerdict(name, !verdict.equals("regression"), message));
        }
        return out;
    }

    private static JsonNode json(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, file + ": not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode n, String field, String fallback) {
        return n != null && n.path(field).isString() ? n.get(field).asString() : fallback;
    }

    private static Instant instant(JsonNode n, String field) {
        String s = text(n, field, null);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
