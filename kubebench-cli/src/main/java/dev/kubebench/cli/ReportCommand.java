package dev.kubebench.cli;

import dev.kubebench.collector.store.ResultsStore;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.report.Reports;
import dev.kubebench.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubebench report <run-dir>... [-o OUTDIR]}: writes report.html, results.csv, points.csv, summary.md and
 * junit.xml for each run directory, into the run directory itself or into OUTDIR (one run) or
 * OUTDIR/&lt;benchmark&gt;/&lt;run-id&gt; (several runs).
 */
@Command(name = "report",
        description = {"Write the reports of one or more runs: report.html (self-contained, with charts), results.csv "
                + "(one row per trial), points.csv (one row per sweep point), summary.md (for a pull request) and "
                + "junit.xml (one testcase per trial).",
            "See docs/reports.md for the columns and contents.",
            "With --db and --benchmark instead of run directories: a history report (history.html, history.csv) of "
                + "each metric over time per sweep point with change points marked (docs/history.md)."},
        mixinStandardHelpOptions = true,
        footer = {"", ExitCodes.TABLE})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(arity = "0..*", paramLabel = "<run-dir>",
            description = "Run directories (results/<benchmark>/<run-id>).")
    List<Path> runDirs = new ArrayList<>();

    @Mixin
    DatabaseMixin db;

    @Mixin
    HistoryFilterMixin filter;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "OUTDIR",
            description = "Where to write the reports (default: each run directory). With several runs, each goes "
                    + "to OUTDIR/<benchmark>/<run-id>.")
    Path outputDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outputDir != null && (outputDir.toString().isBlank()
                || Files.exists(outputDir) && !Files.isDirectory(outputDir))) {
            throw new ParameterException(spec.commandLine(), "-o/--output-dir '" + outputDir + "': "
                    + (outputDir.toString().isBlank() ? "must name a directory" : "a file, not a directory")
                    + " (reports are written into a directory; files of the same name in it are replaced)");
        }
        if (runDirs.isEmpty() || filter.benchmark != null || db.given()) {
            return HistoryReportWriter.write(runDirs, db, filter, outputDir, out);
        }
        for (Path runDir : runDirs) {
            RunReport report = RunReport.load(runDir);
            if (ResultsStore.isAbandoned(RunDirectory.of(runDir))) {
                err.println("warning: " + runDir + ": run abandoned (its process ended without recording a final "
                        + "state, e.g. killed by SIGKILL); reported from the results it left");
            }
            List<Integer> missing = RunReport.missingResults(runDir);
            if (!missing.isEmpty()) {
                err.println("warning: " + runDir + ": no result.json for trial(s) " + missing.stream()
                        .map(String::valueOf).collect(Collectors.joining(", ")) + "; reported without them");
            }
            if (report.trials().isEmpty()) {
                err.println("warning: " + runDir + ": no trial results; the reports are empty");
            }
            Path target = target(runDir, report);
            List<Path> written = Reports.writeAll(report, target);
            out.println("wrote " + written.stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(", ")) + " to " + target + " (" + report.trials().size()
                    + " trials)");
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private Path target(Path runDir, RunReport report) {
        if (outputDir == null) {
            return runDir;
        }
        if (runDirs.size() == 1) {
            return outputDir;
        }
        return outputDir.resolve(safeName(report.benchmark())).resolve(safeName(report.runId()));
    }

    /** A path element from a name found in a result: no separators, no dot-only names. */
    static String safeName(String s) {
        String n = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() || n.chars().allMatch(c -> c == '.') ? "_" + n : n;
    }
}
