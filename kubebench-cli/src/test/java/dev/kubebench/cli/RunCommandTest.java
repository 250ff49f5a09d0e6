package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.collector.store.RunDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubebench run --local} end to end with real processes: results, reports and exit codes. The smoke test runs
 * the real two-replica ResNet-50 workload, so it needs a Python with torch ($KUBEBENCH_PYTHON, set by the POM).
 */
class RunCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("kubebench.root"));

    @TempDir
    Path results;

    @Test
    void smokeProfileRunsTwoTorchReplicasAndWritesResultsAndReports() throws IOException {
        CliRun run = CliRun.of("run", ROOT.resolve("mlperf-configs/mlperf-resnet.yaml").toString(), "--local",
                "--profile", "smoke", "--set", "job.args[5]=\"6\"", "--results-dir", results.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        RunDirectory dir = onlyRun("mlperf-resnet");
        RunResult r = dir.readResult(0);
        assertEquals(TrialState.SUCCEEDED, r.status());
        assertTrue(r.metric("throughput_samples_per_s") > 0, r.metrics().toString());
        assertTrue(r.metric("step_time_p50_ms") > 0, r.metrics().toString());
        assertTrue(r.metric("step_time_p99_ms") >= r.metric("step_time_p50_ms"), r.metrics().toString());
        assertEquals(6.0, r.metric("step_count"));
        // process telemetry: two torch replicas use CPU and far more than 100 MiB together
        assertTrue(r.metric("cpu_util_mean_pct") > 0, r.metrics().toString());
        assertTrue(r.metric("rss_peak_mib") > 100, r.metrics().toString());
        for (String f : List.of("benchmark.yaml", "summary.json", "results.csv", "report.html", "junit.xml",
                "summary.md", "trials/0/manifest.yaml", "trials/0/events.jsonl")) {
            assertTrue(Files.size(dir.path().resolve(f)) > 0, f);
        }
        try (Stream<Path> logs = Files.list(dir.logsDir(0))) {
            assertEquals(2, logs.filter(p -> p.toString().endsWith(".log")).count());
        }
        assertTrue(Files.readString(dir.benchmarkYaml()).contains("# backend: local"));
        assertTrue(run.out().contains("report:"), run.out());
    }

    @Test
    void failingReplicaExitsFiveAndStillWritesEveryTrialsResult() throws IOException {
        CliRun run = CliRun.of("run", resource("failing.yaml"), "--local", "--results-dir", results.toString());
        assertEquals(ExitCodes.WORKLOAD_FAILED, run.exitCode(), run.out() + run.err());
        RunDirectory dir = onlyRun("failing");
        List<RunResult> all = dir.readResults();
        assertEquals(2, all.size(), "the second repetition still ran");
        for (RunResult r : all) {
            assertEquals(TrialState.FAILED, r.status());
            assertTrue(r.failureReason().contains("code 3"), r.failureReason());
            assertTrue(r.failureReason().contains("out of cheese"), r.failureReason());
        }
        String summary = Files.readString(dir.summaryJson(), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"exit_code\" : 5"), summary);
        assertTrue(Files.size(dir.reportHtml()) > 0);
    }

    @Test
    void escapesFromTheWorkloadAndNewlinesInSweepValuesArePrintedEscaped() throws IOException {
        CliRun run = CliRun.of("run", resource("hostile-text.yaml"), "--local", "--no-report", "--results-dir",
                results.toString());
        assertEquals(ExitCodes.WORKLOAD_FAILED, run.exitCode(), run.out() + run.err());
        String shown = run.out() + run.err();
        for (char c : new char[] {0x1b, 0x07}) {
            assertEquals(-1, shown.indexOf(c), "raw U+" + Integer.toHexString(c) + " in " + shown);
        }
        assertTrue(shown.contains("\\e]0;pwned\\x07\\e[2J boom"), shown);
        List<String> table = run.out().lines().dropWhile(l -> !l.startsWith("trial  status")).toList();
        assertTrue(table.get(1).startsWith("0      failed     {tag=line1\\nline2}"), table.toString());
        assertTrue(table.get(2).startsWith("1      failed     {tag=\\e[31mred}"), table.toString());
        assertTrue(table.get(3).isEmpty(), "one line per trial: " + table);
        // the workload's own log stays as it wrote it
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(onlyRun("hostile-text").logsDir(0))) {
            for (Path f : files.toList()) {
                logs.append(Files.readString(f));
            }
        }
        assertTrue(logs.toString().contains("\u001b]0;pwned\u0007"), logs.toString());
    }

    @Test
    void noReportWritesNoReports() throws IOException {
        CliRun run = CliRun.of("run", resource("failing.yaml"), "--local", "--no-report", "--no-telemetry",
                "--results-dir", results.toString());
        assertEquals(ExitCodes.WORKLOAD_FAILED, run.exitCode(), run.out() + run.err());
        RunDirectory dir = onlyRun("failing");
        assertFalse(Files.exists(dir.reportHtml()), "report.html written despite --no-report");
        assertFalse(Files.exists(dir.path().resolve("results.csv")), "results.csv written despite --no-report");
        assertTrue(Files.exists(dir.path().resolve("summary.json")), "summary.json is not a report: always written");
    }

    @Test
    void noTelemetryTurnsTheLocalSamplingOff() throws IOException {
        CliRun run = CliRun.of("run", resource("failing.yaml"), "--local", "--no-report", "--no-telemetry",
                "--results-dir", results.toString());
        assertEquals(ExitCodes.WORKLOAD_FAILED, run.exitCode(), run.out() + run.err());
        RunDirectory dir = onlyRun("failing");
        assertFalse(dir.readResult(0).metrics().containsKey("rss_peak_mib"), dir.readResult(0).metrics().toString());
        assertFalse(Files.exists(dir.trialDir(0).resolve("local-telemetry.json")));
    }

    @Test
    void timeoutExitsSixAndLeavesNoProcessBehind() throws IOException {
        // a nap only this test's replicas take, so that other builds running the suite on this machine do not count
        String nap = "300." + (100_000_000 + new java.util.Random().nextInt(900_000_000));
        CliRun run = CliRun.of("run", resource("sleepy.yaml"), "--local", "--no-report", "--results-dir",
                results.toString(), "--set", "parameters.nap=" + nap);
        assertEquals(ExitCodes.TIMED_OUT, run.exitCode(), run.out() + run.err());
        RunResult r = onlyRun("sleepy").readResult(0);
        assertEquals(TrialState.TIMED_OUT, r.status());
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains("sleep " + nap)),
                "a replica of the timed-out trial is still running");
    }

    @Test
    void parallelTwoRunsBothRepetitionsAtOnceAndReportsThemInTrialOrder() throws IOException {
        CliRun run = CliRun.of("run", resource("rendezvous.yaml"), "--local", "--parallel", "2", "--no-report",
                "--results-dir", results.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        RunDirectory dir = onlyRun("rendezvous");
        List<RunResult> all = dir.readResults();
        assertEquals(List.of(0, 1), all.stream().map(RunResult::trial).toList());
        for (RunResult r : all) {
            assertEquals(TrialState.SUCCEEDED, r.status(), String.valueOf(r.failureReason()));
        }
        String table = run.out().substring(run.out().lastIndexOf("trial  status"));
        List<String> rows = table.lines().skip(1).filter(l -> l.matches("\\d+ .*")).toList();
        assertEquals(2, rows.size(), table);
        assertTrue(rows.get(0).startsWith("0 ") && rows.get(1).startsWith("1 "), table);
        assertFalse(run.out().contains("\r"), "no redrawn status line with --parallel");
    }

    @Test
    void parallelBelowOneIsAUsageError() {
        CliRun run = CliRun.of("run", resource("failing.yaml"), "--local", "--parallel", "0", "--results-dir",
                results.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--parallel must be at least 1"), run.err());
        assertFalse(Files.exists(results.resolve("failing")), "nothing ran");
    }

    @Test
    void invalidSpecExitsTwoWithFileLineAndColumn() throws IOException {
        Path spec = results.resolve("bad.yaml");
        Files.writeString(spec, "apiVersion: kubebench.dev/v1alpha1\nkind: Benchmark\nmetadata: {name: bad}\n"
                + "spec:\n  timeoutt: 1h\n");
        CliRun run = CliRun.of("run", spec.toString(), "--local", "--results-dir", results.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("bad.yaml:5:3: spec.timeoutt"), run.err());
        assertTrue(run.err().contains("did you mean 'timeout'"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private RunDirectory onlyRun(String benchmark) throws IOException {
        try (Stream<Path> runs = Files.list(results.resolve(benchmark))) {
            List<Path> dirs = runs.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return RunDirectory.of(dirs.get(0));
        }
    }

    private static String resource(String name) {
        return ROOT.resolve("kubebench-cli/src/test/resources/run/" + name).toString();
    }
}
