package dev.kubebench.benchmarks;

import dev.kubebench.report.Reports;
import dev.kubebench.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writes every report (results.csv, points.csv, summary.md, junit.xml, report.html with its charts) for a run of
 * {@code trials} trials, in a JVM limited to 512 MiB of heap. Budget (docs/reports.md): under 10 s for 10,000 trials.
 * Single-shot: one full report per measurement, the first one cold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Djava.awt.headless=true"})
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class ReportBenchmark {
    @Param({"10000"})
    public int trials;

    private RunReport report;
    private Path outDir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        report = SyntheticRun.of(trials);
        outDir = Files.createTempDirectory("kubebench-report-bench");
    }

    @Benchmark
    public List<Path> writeAllReports() throws IOException {
        return Reports.writeAll(report, outDir);
    }
}
