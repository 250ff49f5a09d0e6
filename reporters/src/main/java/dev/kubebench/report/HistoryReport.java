package dev.kubebench.report;

import dev.kubebench.core.io.AtomicFiles;
import dev.kubebench.report.analysis.trend.ChangePointSettings;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.csv.HistoryCsv;
import dev.kubebench.report.html.HistoryHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A benchmark's history report: {@code history.html} ({@link HistoryHtml}) and {@code history.csv} ({@link HistoryCsv}). */
public final class HistoryReport {
    public static final String HTML = "history.html";
    public static final String CSV = "history.csv";

    private HistoryReport() {
    }

    /** Writes both files atomically into {@code dir} (created when missing); returns their paths. */
    public static List<Path> write(Path dir, String title, List<TrendResult> results, ChangePointSettings settings)
            throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(HTML), HistoryHtml.html(title, results, settings));
        AtomicFiles.writeString(dir.resolve(CSV), HistoryCsv.csv(results));
        return List.of(dir.resolve(HTML), dir.resolve(CSV));
    }
}
