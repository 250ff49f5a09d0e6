package dev.kubebench.cli;

import dev.kubebench.collector.history.HistoryStore;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.report.HistoryReport;
import dev.kubebench.report.analysis.samples.RunSamples;
import dev.kubebench.report.analysis.trend.ChangePointSettings;
import dev.kubebench.report.analysis.trend.TrendAnalyzer;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.analysis.trend.TrendSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code kubebench report --db URL --benchmark NAME [--since 30d] -o DIR}: the history report of a benchmark, with
 * trend's defaults (Otava's p-value and window; the 5 % threshold only decides nothing here, no gate).
 */
final class HistoryReportWriter {
    private HistoryReportWriter() {
    }

    static int write(List<Path> runDirs, DatabaseMixin db, HistoryFilterMixin filter, Path outputDir,
                     PrintWriter out) throws IOException {
        if (!runDirs.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    "give either run directories or --db/--benchmark for a history report, not both");
        }
        if (filter.benchmark == null || outputDir == null) {
            throw new KubebenchException(Failure.INVALID_INPUT,
                    "a history report needs --benchmark NAME and -o DIR (and --db URL or KUBEBENCH_DB)");
        }
        List<RunSamples> runs;
        try (HistoryStore store = db.open()) {
            runs = HistorySamples.trend(store, filter.query(Clock.systemUTC()));
        }
        List<TrendSeries> series = TrendSeries.of(runs, Map.of());
        if (series.isEmpty()) {
            throw new KubebenchException(Failure.INVALID_INPUT, "no metrics from succeeded trials of '"
                    + filter.benchmark + "' in the history" + (runs.isEmpty() ? " (no runs match)" : ""));
        }
        ChangePointSettings settings = ChangePointSettings.defaults();
        List<TrendResult> results = new TrendAnalyzer(settings, 5).analyze(series);
        List<Path> written = HistoryReport.write(outputDir, filter.benchmark + ": history (" + runs.size()
                + " runs)", results, settings);
        out.printf("wrote %s, %s to %s (%d runs, %d series)%n", written.get(0).getFileName(),
                written.get(1).getFileName(), outputDir, runs.size(), series.size());
        out.flush();
        return ExitCodes.OK;
    }
}
