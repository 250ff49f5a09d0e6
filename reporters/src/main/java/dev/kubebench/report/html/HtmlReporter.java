package dev.kubebench.report.html;

import dev.kubebench.report.csv.CsvSchema;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.GateCheck;
import dev.kubebench.report.Reporter;
import dev.kubebench.report.RunReport;
import dev.kubebench.report.TrialReport;
import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.report.analysis.aggregate.MetricSummary;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.analysis.aggregate.SweepPoint;
import dev.kubebench.report.analysis.aggregate.SweepPoints;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline CSS, charts as inline PNG data URIs, no script, and a
 * Content-Security-Policy that forbids every fetch) so it opens from a CI artifact or an e-mail. Contents: run
 * summary, a table per sweep point, the charts of {@link ReportCharts} whose data exist, gate verdicts, the trials
 * (capped at {@value #MAX_TRIAL_ROWS} rows, then failed trials only) and the resolved spec. Every string from a spec,
 * a log or a result is HTML-escaped.
 */
public final class HtmlReporter implements Reporter {
    /** The page's Content-Security-Policy: images only from data: URIs, inline CSS, nothing else. */
    public static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
    static final int MAX_TRIAL_ROWS = 1000;

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem auto;max-width:1100px;"
                    + "padding:0 1rem;color:#1d2330}",
            "h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}",
            ".meta{color:#555}table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}",
            "th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f5f8}",
            ".st-succeeded{color:#1a7f37}.st-failed,.st-timed_out,.st-infrastructure{color:#cf222e;font-weight:600}",
            ".st-interrupted{color:#9a6700}figure{margin:1rem 0}img.chart{max-width:100%;height:auto;"
                    + "border:1px solid #eee}",
            "figcaption{color:#555;font-size:.85rem}pre{background:#f6f8fa;padding:1rem;overflow:auto;"
                    + "font-size:.85rem}.reason{max-width:40rem;word-break:break-word}.note{color:#555;font-style:italic}");

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        List<SweepPoint> points = SweepPoints.of(report);
        List<RunResult> results = report.results();
        long ok = results.stream().filter(r -> r.status() == TrialState.SUCCEEDED).count();

        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>kubebench: " + e(report.benchmark()) + " " + e(report.runId()) + "</title>\n");
        out.write("<style>\n" + CSS + "\n</style>\n</head>\n<body>\n");
        out.write("<h1>" + e(report.benchmark()) + "</h1>\n");
        out.write("<p class=\"meta\">Run " + e(report.runId()) + " &middot; " + ok + " of " + results.size()
                + " trials succeeded &middot; " + points.size() + " sweep point" + (points.size() == 1 ? "" : "s")
                + "</p>\n");

        pointsTable(points, out);
        HtmlNoise.write(points, out);
        charts(report, points, out);
        gates(report, out);
        trials(report, out);
        out.write("<section id=\"spec\">\n<h2>Resolved spec</h2>\n<pre>" + e(report.specYaml()) + "</pre>\n"
                + "</section>\n");
        out.write("<footer class=\"note\">Written by kubebench; CSV schema version " + CsvSchema.VERSION
                + ". Medians count succeeded trials only.</footer>\n</body>\n</html>\n");
        out.flush();
    }

    private static void pointsTable(List<SweepPoint> points, Writer out) throws IOException {
        out.write("<section id=\"points\">\n<h2>Sweep points</h2>\n<table>\n<thead><tr><th>point</th><th>trials</th>"
                + "<th>succeeded</th><th>throughput (samples/s)</th><th>time to train (s)</th>"
                + "<th>step time p50 (ms)</th><th>step time p99 (ms)</th></tr></thead>\n<tbody>\n");
        for (SweepPoint p : points.subList(0, Math.min(points.size(), MAX_TRIAL_ROWS))) {
            out.write("<tr><td>" + e(p.label()) + "</td><td class=\"num\">" + p.trials().size()
                    + "</td><td class=\"num\">" + p.succeeded() + "</td>"
                    + summaryCell(p.summary(MetricNames.THROUGHPUT_SAMPLES_PER_S))
                    + summaryCell(p.summary(MetricNames.TIME_TO_TRAIN_S))
                    + summaryCell(p.summary("step_time_p50_ms"))
                    + summaryCell(p.summary("step_time_p99_ms")) + "</tr>\n");
        }
        out.write("</tbody>\n</table>\n<p class=\"note\">Median [min&ndash;max] over succeeded trials."
                + (points.size() > MAX_TRIAL_ROWS ? " First " + MAX_TRIAL_ROWS + " of " + points.size()
                        + " points; all are in points.csv." : "") + "</p>\n</section>\n");
    }

    private static void charts(RunReport report, List<SweepPoint> points, Writer out) throws IOException {
        List<ChartImage> charts = ReportCharts.render(report, points);
        out.write("<section id=\"charts\">\n<h2>Charts</h2>\n");
        if (charts.isEmpty()) {
            out.write("<p class=\"note\">No chartable data (no succeeded trial reported metrics).</p>\n");
        }
        Base64.Encoder b64 = Base64.getEncoder();
        for (ChartImage c : charts) {
            out.write("<figure id=\"" + e(c.id()) + "\">\n<h3>" + e(c.title()) + "</h3>\n");
            out.write("<img class=\"chart\" alt=\"" + e(c.title() + ": " + c.caption()) + "\" width=\"" + c.width()
                    + "\" height=\"" + c.height() + "\" src=\"data:image/png;base64,");
            out.write(b64.encodeToString(c.png()));
            out.write("\">\n<figcaption>" + e(c.caption()) + "</figcaption>\n</figure>\n");
        }
        out.write("</section>\n");
    }

    private static void gates(RunReport report, Writer out) throws IOException {
        if (report.gates().isEmpty()) {
            return;
        }
        out.write("<section id=\"gates\">\n<h2>Gates</h2>\n<table>\n<thead><tr><th>gate</th><th>verdict</th>"
                + "<th>detail</th></tr></thead>\n<tbody>\n");
        for (GateCheck g : report.gates()) {
            out.write("<tr><td>" + e(g.name()) + "</td><td class=\"" + (g.passed() ? "st-succeeded" : "st-failed")
                    + "\">" + (g.passed() ? "passed" : "FAILED") + "</td><td class=\"reason\">" + e(g.message())
                    + "</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</section>\n");
    }

    private static void trials(RunReport report, Writer out) throws IOException {
        List<TrialReport> rows = report.trials();
        String note = "";
        if (rows.size() > MAX_TRIAL_ROWS) {
            List<TrialReport> failed = rows.stream()
                    .filter(t -> t.result().status() != TrialState.SUCCEEDED).toList();
            rows = failed.subList(0, Math.min(failed.size(), MAX_TRIAL_ROWS));
            note = report.trials().size() + " trials: listing " + rows.size() + " of " + failed.size()
                    + " unsuccessful trials; every trial is in results.csv.";
        }
        out.write("<section id=\"trials\">\n<h2>Trials</h2>\n");
        if (!note.isEmpty()) {
            out.write("<p class=\"note\">" + e(note) + "</p>\n");
        }
        out.write("<table>\n<thead><tr><th>trial</th><th>rep</th><th>point</th><th>status</th><th>duration (s)</th>"
                + "<th>throughput (samples/s)</th><th>time to train (s)</th><th>step time p99 (ms)</th>"
                + "<th>failure reason</th></tr></thead>\n<tbody>\n");
        StringBuilder b = new StringBuilder(256);
        for (TrialReport t : rows) {
            RunResult r = t.result();
            String status = r.status().jsonName();
            b.setLength(0);
            b.append("<tr><td class=\"num\">").append(r.trial()).append("</td><td class=\"num\">")
                    .append(r.repetition()).append("</td><td>").append(e(Numbers.pointLabel(r.point())))
                    .append("</td><td class=\"st-").append(status).append("\">").append(status)
                    .append("</td><td class=\"num\">").append(duration(r))
                    .append("</td><td class=\"num\">").append(Numbers.rounded(r.metric(MetricNames.THROUGHPUT_SAMPLES_PER_S), 2))
                    .append("</td><td class=\"num\">")
                    .append(Numbers.rounded(r.metric(MetricNames.TIME_TO_TRAIN_S), 1))
                    .append("</td><td class=\"num\">").append(Numbers.rounded(r.metric("step_time_p99_ms"), 2))
                    .append("</td><td class=\"reason\">").append(e(r.failureReason())).append("</td></tr>\n");
            out.write(b.toString());
        }
        out.write("</tbody>\n</table>\n</section>\n");
    }

    private static String summaryCell(MetricSummary s) {
        if (s.n() == 0) {
            return "<td class=\"num\">&ndash;</td>";
        }
        String text = Numbers.rounded(s.median(), 2);
        if (s.n() > 1) {
            text += " [" + Numbers.rounded(s.min(), 2) + "&ndash;" + Numbers.rounded(s.max(), 2) + "]";
        }
        return "<td class=\"num\">" + text + "</td>";
    }

    private static String duration(RunResult r) {
        if (r.startedAt() == null || r.finishedAt() == null) {
            return "&ndash;";
        }
        return Numbers.rounded(Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0, 1);
    }

    private static String e(String s) {
        return Html.escape(s);
    }
}
