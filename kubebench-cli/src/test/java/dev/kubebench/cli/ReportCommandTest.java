package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.result.CurvePoint;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.collector.store.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A run directory as `kubebench run` leaves it: results, timelines, the resolved spec; trial 3 never finished. */
    private Path runDir(String benchmark, String runId) throws IOException {
        Path dir = tmp.resolve("results").resolve(benchmark).resolve(runId);
        RunDirectory rd = RunDirectory.of(dir);
        Files.createDirectories(dir);
        Files.writeString(rd.benchmarkYaml(), "kind: Benchmark\nmetadata: {name: " + benchmark + "}\n");
        Instant t0 = Instant.parse("2026-11-28T10:00:00Z");
        for (int trial = 0; trial < 3; trial++) {
            int workers = trial + 1;
            Instant start = t0.plusSeconds(trial * 100L);
            boolean failed = trial == 2;
            rd.createTrial(trial);
            rd.writeResult(new RunResult(RunResult.SCHEMA_VERSION,
                    new RunResult.Identity(benchmark, runId, trial, Map.of("workers", workers), 0, "custom"),
                    new RunResult.Outcome(MeasurementKind.THROUGHPUT, failed ? TrialState.FAILED : TrialState.SUCCEEDED,
                            failed ? "exit code 3" : null, null, start, start.plusSeconds(60)),
                    new RunResult.Measurements(Map.of("throughput_samples_per_s", 100.0 * workers,
                            "step_time_p50_ms", 10.0, "step_time_p99_ms", 12.0),
                            List.of(new CurvePoint(1000, 1, Double.NaN, 0.5, "accuracy"),
                                    new CurvePoint(2000, 2, Double.NaN, 0.6, "accuracy")), List.of(), null),
                    Map.of("backend", "local"), List.of()));
            List<String> events = new ArrayList<>();
            events.add("{\"time\":\"" + start + "\",\"event\":\"submitted\"}");
            events.add("{\"time\":\"" + start.plusSeconds(1) + "\",\"event\":\"pod_started\",\"pod\":\"worker-0\"}");
            events.add("{\"time\":\"" + start.plusSeconds(60) + "\",\"event\":\"finished\"}");
            events.add("{\"time\":\"torn");
            Files.write(rd.events(trial), events, StandardCharsets.UTF_8);
        }
        rd.createTrial(3);
        return dir;
    }

    @Test
    void writesAllReportsIntoTheOutputDirectory() throws IOException {
        Path dir = runDir("resnet", "20261128-100000-a1b2c3");
        Path out = tmp.resolve("out");
        Run r = run("report", dir.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("no result.json for trial(s) 3"), r.err());
        for (String f : List.of("report.html", "results.csv", "points.csv", "summary.md", "junit.xml")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        String html = Files.readString(out.resolve("report.html"));
        int charts = html.split("src=\"data:image/png;base64,", -1).length - 1;
        assertTrue(charts >= 2, "inline charts: " + charts);
        assertTrue(!html.contains("http://") && !html.contains("https://"), "no external resource");
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(4, csv.size(), "header + 3 trials");
        assertTrue(csv.get(0).startsWith("schema_version,benchmark,run_id,trial"));
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("failures=\"1\""));
    }

    @Test
    void defaultsToTheRunDirectoryAndSeparatesSeveralRuns() throws IOException {
        Path a = runDir("resnet", "20261128-100000-a1b2c3");
        Path b = runDir("bert", "20261128-110000-d4e5f6");
        assertEquals(0, run("report", a.toString()).code());
        assertTrue(Files.exists(a.resolve("report.html")));
        Path out = tmp.resolve("many");
        assertEquals(0, run("report", a.toString(), b.toString(), "-o", out.toString()).code());
        assertTrue(Files.exists(out.resolve("resnet/20261128-100000-a1b2c3/summary.md")));
        assertTrue(Files.exists(out.resolve("bert/20261128-110000-d4e5f6/junit.xml")));
    }

    @Test
    void missingRunDirectoryIsAOneLineUsageError() {
        Run r = run("report", tmp.resolve("nope").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("no such directory"), r.err());
    }

    @Test
    void malformedResultIsACleanError() throws IOException {
        Path dir = runDir("resnet", "20261128-100000-a1b2c3");
        Files.writeString(RunDirectory.of(dir).resultJson(1), "{\"schema_version\": 1, \"status\": ");
        Run r = run("report", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("result.json"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace");
    }
}
