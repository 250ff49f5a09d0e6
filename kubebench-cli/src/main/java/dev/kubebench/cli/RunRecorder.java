package dev.kubebench.cli;

import dev.kubebench.catalog.load.SpecSecrets;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.core.io.AtomicFiles;
import dev.kubebench.core.secret.Redactor;
import dev.kubebench.collector.store.ResultsStore;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the run-level files of a run directory: benchmark.yaml (the resolved spec as run, with the tool version,
 * backend and git sha in a comment header, so the file can be run again as is), and at the end summary.json, the
 * reports and the results index entry.
 */
final class RunRecorder {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final RunDirectory run;
    private final BenchmarkPlan plan;
    private final String backend;
    private final Path specFile;
    private final Redactor redactor;
    private final Instant startedAt = Instant.now();

    RunRecorder(RunDirectory run, BenchmarkPlan plan, String backend, Path specFile, Redactor redactor) {
        this.redactor = redactor;
        this.run = run;
        this.plan = plan;
        this.backend = backend;
        this.specFile = specFile;
    }

    void writeBenchmarkYaml() throws IOException {
        StringBuilder header = new StringBuilder();
        header.append("# kubebench run record: the resolved spec as run (run it again with `kubebench run` on this file)\n");
        header.append("# kubebench-version: ").append(VersionProvider.version()).append('\n');
        header.append("# run-id: ").append(run.runId()).append('\n');
        header.append("# backend: ").append(backend).append('\n');
        header.append("# spec-file: ").append(specFile.toAbsolutePath().normalize()).append('\n');
        if (plan.profile() != null) {
            header.append("# profile: ").append(plan.profile()).append('\n');
        }
        String sha = GitSha.of(specFile.toAbsolutePath().getParent());
        if (sha != null) {
            header.append("# git-sha: ").append(sha).append('\n');
        }
        header.append("# started-at: ").append(startedAt).append('\n');
        // the secret-looking values masked: benchmark.yaml is shown in report.html and stored in the history
        AtomicFiles.writeString(run.benchmarkYaml(), redactor.redact(header.toString())
                + SpecSecrets.redactYaml(plan.resolvedYaml(), redactor));
    }

    /**
     * Writes summary.json, the reports (when asked) and the index entry; problems are reported, never thrown. An
     * interrupted run (Ctrl-C, SIGTERM) is recorded as {@code interrupted} with exit code 130.
     */
    void finish(List<RunResult> results, int skipped, boolean reports, boolean interrupted, PrintWriter err) {
        Map<String, Object> summary = summary(results, skipped);
        if (interrupted) {
            summary.put("status", TrialState.INTERRUPTED.jsonName());
            summary.put("exit_code", ExitCodes.INTERRUPTED);
        }
        write(summary, reports, interrupted ? ResultsStore.INTERRUPTED : null, err);
    }

    /**
     * The run ended by an error after its directory existed: records summary.json ({@code failed} with the reason,
     * or {@code interrupted}) and the index entry, so that no run stays {@code running}. Never throws.
     */
    void abort(List<RunResult> results, int skipped, Throwable cause, boolean interrupted, PrintWriter err) {
        Map<String, Object> summary = summary(results, skipped);
        String status = interrupted ? TrialState.INTERRUPTED.jsonName() : TrialState.FAILED.jsonName();
        summary.put("status", status);
        summary.put("reason", reason(cause));
        summary.put("exit_code", interrupted ? ExitCodes.INTERRUPTED : ErrorHandler.exitCode(cause));
        write(summary, false, status, err);
    }

    private static String reason(Throwable cause) {
        if (cause instanceof KubebenchException ke) {
            return String.join("; ", ke.problems());
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private void write(Map<String, Object> summary, boolean reports, String indexStatus, PrintWriter err) {
        try {
            AtomicFiles.writeString(run.summaryJson(), JSON.writeValueAsString(summary) + "\n");
        } catch (IOException | RuntimeException e) {
            err.println("error: could not write " + run.summaryJson() + ": " + e.getMessage());
        }
        if (reports) {
            try {
                Reports.writeAll(run.path());
            } catch (IOException | RuntimeException e) {
                err.println("error: could not write the reports into " + run.path() + ": " + e.getMessage());
            }
        }
        try {
            new ResultsStore(run.path().getParent().getParent()).record(run, indexStatus);
        } catch (IOException | RuntimeException e) {
            err.println("warning: could not update the results index: " + e.getMessage());
        }
        err.flush();
    }

    private Map<String, Object> summary(List<RunResult> results, int skipped) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("schema_version", 1);
        s.put("benchmark", plan.benchmarkName());
        s.put("run_id", run.runId());
        s.put("backend", backend);
        s.put("profile", plan.profile());
        s.put("started_at", startedAt.toString());
        s.put("finished_at", Instant.now().toString());
        s.put("trials_planned", plan.trials().size());
        s.put("trials_run", results.size());
        if (skipped > 0) {
            // adaptive repetitions: trials the stopping rule did not need (an additive field)
            s.put("trials_skipped", skipped);
        }
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (TrialState st : TrialState.values()) {
            byStatus.put(st.jsonName(), (int) results.stream().filter(r -> r.status() == st).count());
        }
        s.put("statuses", byStatus);
        TrialState worst = Summaries.worst(results);
        s.put("status", worst.jsonName());
        s.put("exit_code", Summaries.exitCode(results, plan.trials().size() - skipped));
        return s;
    }
}
