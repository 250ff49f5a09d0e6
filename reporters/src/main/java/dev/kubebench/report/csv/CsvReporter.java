package dev.kubebench.report.csv;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.report.Reporter;
import dev.kubebench.report.RunReport;
import dev.kubebench.report.TrialReport;
import dev.kubebench.core.text.Numbers;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * {@code results.csv}: one row per measured (not warm-up) trial, RFC 4180 (CRLF, minimal quoting), UTF-8. Columns
 * (docs/reports.md): the fixed {@link #HEAD}, then the {@link CsvSchema#RESULT_METRICS} (standard, then telemetry
 * metrics), then a tail sorted by name: {@code param.<name>} (sweep point values), other metrics,
 * {@code label.<name>}. Empty cells mean "not measured"; cells that could run as a spreadsheet formula are
 * neutralized ({@link SafeCsv}). The layout only changes together with {@link CsvSchema#VERSION}.
 */
public final class CsvReporter implements Reporter {
    /** Fixed leading columns, in order. */
    public static final List<String> HEAD = List.of("schema_version", "benchmark", "run_id", "trial", "repetition",
            "point", "workload", "measurement", "status", "failure_reason", "target_reached", "started_at",
            "finished_at", "duration_s", "warnings_count");

    @Override
    public String fileName() {
        return "results.csv";
    }

    /** The header row for this report. */
    public static List<String> header(RunReport report) {
        List<String> header = new ArrayList<>(HEAD);
        header.addAll(CsvSchema.RESULT_METRICS);
        Columns.params(report).forEach(p -> header.add(Columns.PARAM_PREFIX + p));
        header.addAll(extraMetricColumns(report));
        Columns.labels(report).forEach(l -> header.add(Columns.LABEL_PREFIX + l));
        return header;
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        List<String> params = Columns.params(report);
        List<String> extra = CsvSchema.extraMetrics(report.results(), CsvSchema.RESULT_METRICS);
        List<String> labels = Columns.labels(report);
        SafeCsv csv = new SafeCsv(out, CSVFormat.RFC4180);
        csv.printRecord(header(report));
        List<String> row = new ArrayList<>();
        for (TrialReport t : report.trials()) {
            RunResult r = t.result();
            if (r.warmup()) {
                // warm-up trials stay in the run directory (trials/<n>/result.json), not among the measured rows
                continue;
            }
            row.clear();
            row.add(Integer.toString(CsvSchema.VERSION));
            row.add(r.benchmark());
            row.add(nullToEmpty(r.runId()));
            row.add(Integer.toString(r.trial()));
            row.add(Integer.toString(r.repetition()));
            row.add(Numbers.point(r.point()));
            row.add(nullToEmpty(r.workload()));
            row.add(r.measurement().jsonName());
            row.add(r.status().jsonName());
            row.add(nullToEmpty(r.failureReason()));
            row.add(r.targetReached() == null ? "" : r.targetReached().toString());
            row.add(r.startedAt() == null ? "" : r.startedAt().toString());
            row.add(r.finishedAt() == null ? "" : r.finishedAt().toString());
            row.add(r.startedAt() == null || r.finishedAt() == null ? ""
                    : Numbers.plain(Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0));
            row.add(Integer.toString(r.warnings().size()));
            for (String m : CsvSchema.RESULT_METRICS) {
                row.add(Numbers.plain(r.metric(m)));
            }
            for (String p : params) {
                row.add(Numbers.value(r.point().get(p)));
            }
            for (String m : extra) {
                row.add(Numbers.plain(r.metric(m)));
            }
            for (String l : labels) {
                row.add(nullToEmpty(r.labels().get(l)));
            }
            csv.printRecord(row);
        }
        out.flush();
    }

    /**
     * Non-standard metric columns: the metric name, or {@code metric.<name>} if the name would collide with a fixed
     * column.
     */
    static List<String> extraMetricColumns(RunReport report) {
        List<String> cols = new ArrayList<>();
        for (String m : CsvSchema.extraMetrics(report.results(), CsvSchema.RESULT_METRICS)) {
            cols.add(HEAD.contains(m) ? "metric." + m : m);
        }
        return cols;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
