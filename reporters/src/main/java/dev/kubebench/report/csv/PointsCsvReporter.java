package dev.kubebench.report.csv;

import dev.kubebench.report.Reporter;
import dev.kubebench.report.RunReport;
import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.report.analysis.aggregate.MetricSummary;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.analysis.aggregate.SweepPoint;
import dev.kubebench.report.analysis.aggregate.SweepPoints;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * {@code points.csv}: one row per sweep point, in order of the point's first trial. Columns: the fixed {@link #HEAD},
 * then for every {@link MetricNames#STANDARD} metric {@code <metric>_n, <metric>_median, <metric>_min,
 * <metric>_max} over the point's succeeded trials, then a tail sorted by name: {@code param.<name>}, then the same
 * four columns for every other metric. Same schema version as {@link CsvReporter}.
 */
public final class PointsCsvReporter implements Reporter {
    /** Fixed leading columns, in order. */
    public static final List<String> HEAD = List.of("schema_version", "benchmark", "run_id", "point", "trials",
            "succeeded", "failed");
    /** Statistic suffixes per metric, in order. */
    public static final List<String> STATS = List.of("_n", "_median", "_min", "_max");

    @Override
    public String fileName() {
        return "points.csv";
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        List<String> params = Columns.params(report);
        List<String> extra = CsvSchema.extraMetrics(report.results());
        List<String> header = new ArrayList<>(HEAD);
        MetricNames.STANDARD.forEach(m -> addStatColumns(header, m));
        params.forEach(p -> header.add(Columns.PARAM_PREFIX + p));
        extra.forEach(m -> addStatColumns(header, HEAD.contains(m) ? "metric." + m : m));

        SafeCsv csv = new SafeCsv(out, CSVFormat.RFC4180);
        csv.printRecord(header);
        for (SweepPoint p : SweepPoints.of(report)) {
            List<String> row = new ArrayList<>(header.size());
            row.add(Integer.toString(CsvSchema.VERSION));
            row.add(report.benchmark());
            row.add(report.runId());
            row.add(p.key());
            row.add(Integer.toString(p.trials().size()));
            row.add(Integer.toString(p.succeeded()));
            row.add(Integer.toString(p.failed()));
            for (String m : MetricNames.STANDARD) {
                addStats(row, p.summary(m));
            }
            for (String name : params) {
                row.add(Numbers.value(p.values().get(name)));
            }
            for (String m : extra) {
                addStats(row, p.summary(m));
            }
            csv.printRecord(row);
        }
        out.flush();
    }

    private static void addStatColumns(List<String> header, String metric) {
        STATS.forEach(s -> header.add(metric + s));
    }

    private static void addStats(List<String> row, MetricSummary s) {
        row.add(Integer.toString(s.n()));
        row.add(Numbers.plain(s.median()));
        row.add(Numbers.plain(s.min()));
        row.add(Numbers.plain(s.max()));
    }
}
