package dev.kubebench.report;

import dev.kubebench.core.io.AtomicFiles;
import dev.kubebench.report.chart.ChartRenderer;
import dev.kubebench.report.csv.CsvReporter;
import dev.kubebench.report.csv.PointsCsvReporter;
import dev.kubebench.report.html.HtmlReporter;
import dev.kubebench.report.junit.JUnitReporter;
import dev.kubebench.report.markdown.MarkdownReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's reports: {@code report.html}, {@code results.csv}, {@code points.csv}, {@code summary.md} and
 * {@code junit.xml}. Each file is written to a temporary file in the output directory, synced and renamed, so a reader
 * never sees a half-written report and an existing report survives a failed write.
 */
public final class Reports {
    private Reports() {
    }

    /**
     * Renders a tiny chart now, so that the graphics and font subsystems are loaded before a run starts: they register
     * JVM shutdown hooks on first use, which fails once Ctrl-C or SIGTERM has begun the shutdown, and an interrupted
     * run's report must still be written.
     */
    public static void prepareCharts() {
        org.jfree.data.category.DefaultCategoryDataset d = new org.jfree.data.category.DefaultCategoryDataset();
        d.addValue(1.0, "warm-up", "warm-up");
        ChartRenderer.png(ChartRenderer.stepTime(d), 64, 48);
    }

    /** The standard reporters, in the order their files are written. */
    public static List<Reporter> standard() {
        return List.of(new CsvReporter(), new PointsCsvReporter(), new MarkdownReporter(), new JUnitReporter(),
                new HtmlReporter());
    }

    /** Writes every standard report into {@code outDir} (created if missing); returns the files written. */
    public static List<Path> writeAll(RunReport report, Path outDir) throws IOException {
        return write(report, outDir, standard());
    }

    /**
     * Reads a run directory ({@link RunReport#load(Path)}) and writes every standard report into it; what
     * {@code kubebench run} calls at the end of a run.
     */
    public static List<Path> writeAll(Path runDir) throws IOException {
        return writeAll(RunReport.load(runDir), runDir);
    }

    /** Writes the given reporters' files into {@code outDir}; returns the files written. */
    public static List<Path> write(RunReport report, Path outDir, List<Reporter> reporters) throws IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (Reporter r : reporters) {
            Path target = outDir.resolve(r.fileName());
            AtomicFiles.writeText(target, out -> r.write(report, out));
            written.add(target);
        }
        return written;
    }
}
