package dev.kubebench.report.markdown;

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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.md}: a short summary for a pull-request comment: trial counts, one table row per sweep point (median
 * and range of the headline metrics that were measured), the same for the telemetry metrics, gate verdicts, and the first {@value #MAX_FAILED} failed
 * trials with their reasons. Bounded size whatever the number of trials, except for the points table when a sweep
 * has more than {@value #MAX_POINTS} points (then it is cut with a note).
 */
public final class MarkdownReporter implements Reporter {
    static final int MAX_FAILED = 10;
    static final int MAX_POINTS = 50;
    private static final int MAX_REASON = 200;

    /** Headline metrics shown when measured: name, column title. */
    private static final List<String[]> HEADLINES = List.of(
            new String[] {MetricNames.THROUGHPUT_SAMPLES_PER_S, "throughput (samples/s)"},
            new String[] {MetricNames.TIME_TO_TRAIN_S, "time to train (s)"},
            new String[] {"step_time_p50_ms", "step time p50 (ms)"},
            new String[] {"step_time_p99_ms", "step time p99 (ms)"});

    @Override
    public String fileName() {
        return "summary.md";
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        List<RunResult> results = report.results();
        long ok = results.stream().filter(r -> r.status() == TrialState.SUCCEEDED).count();
        out.write("### kubebench: " + Md.cell(report.benchmark()) + "\n\n");
        out.write("Run " + Md.cell(report.runId()) + ": **" + ok + " of " + results.size()
                + " trials succeeded**");
        for (TrialState s : TrialState.values()) {
            long n = results.stream().filter(r -> r.status() == s).count();
            if (s != TrialState.SUCCEEDED && n > 0) {
                out.write(", " + n + " " + s.jsonName().replace('_', ' '));
            }
        }
        long gatesFailed = report.gates().stream().filter(g -> !g.passed()).count();
        if (!report.gates().isEmpty()) {
            out.write("; gates: " + (report.gates().size() - gatesFailed) + " passed, " + gatesFailed + " failed");
        }
        out.write(".\n\n");

        pointsTable(report, out);
        telemetryTable(report, out);
        MarkdownNoise.write(SweepPoints.of(report), out);
        gatesTable(report, out);
        failedTrials(report, out);
    }

    private static void pointsTable(RunReport report, Writer out) throws IOException {
        List<SweepPoint> points = SweepPoints.of(report);
        List<String[]> shown = new ArrayList<>();
        for (String[] h : HEADLINES) {
            if (results(report).stream().anyMatch(r -> r.metrics().containsKey(h[0]))) {
                shown.add(h);
            }
        }
        StringBuilder head = new StringBuilder("| point | trials | succeeded |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        for (String[] h : shown) {
            head.append(' ').append(h[1]).append(" |");
            rule.append("---:|");
        }
        out.write(head + "\n" + rule + "\n");
        for (SweepPoint p : points.subList(0, Math.min(points.size(), MAX_POINTS))) {
            StringBuilder row = new StringBuilder("| ").append(Md.cell(p.label(), MAX_REASON)).append(" | ")
                    .append(p.trials().size()).append(" | ").append(p.succeeded()).append(" |");
            for (String[] h : shown) {
                row.append(' ').append(range(p.summary(h[0]))).append(" |");
            }
            out.write(row + "\n");
        }
        if (points.size() > MAX_POINTS) {
            out.write("\n… and " + (points.size() - MAX_POINTS) + " more points (see points.csv).\n");
        }
        out.write("\nMedians over succeeded trials, range in brackets.\n");
    }

    /**
     * The hardware telemetry per point ({@link MetricNames#TELEMETRY}, those any trial measured), as a second table
     * so that the headline table stays narrow; absent when no trial has telemetry.
     */
    private static void telemetryTable(RunReport report, Writer out) throws IOException {
        List<String> shown = MetricNames.TELEMETRY.stream()
                .filter(m -> results(report).stream().anyMatch(r -> r.metrics().containsKey(m))).toList();
        if (shown.isEmpty()) {
            return;
        }
        List<SweepPoint> points = SweepPoints.of(report);
        out.write("\n| point | " + String.join(" | ", shown.stream().map(Md::cell).toList()) + " |\n|---|"
                + "---:|".repeat(shown.size()) + "\n");
        for (SweepPoint p : points.subList(0, Math.min(points.size(), MAX_POINTS))) {
            StringBuilder row = new StringBuilder("| ").append(Md.cell(p.label(), MAX_REASON)).append(" |");
            for (String m : shown) {
                row.append(' ').append(range(p.summary(m))).append(" |");
            }
            out.write(row + "\n");
        }
        out.write("\nHardware telemetry: medians over succeeded trials, range in brackets (docs/telemetry.md).\n");
    }

    private static void gatesTable(RunReport report, Writer out) throws IOException {
        if (report.gates().isEmpty()) {
            return;
        }
        out.write("\n| gate | verdict | detail |\n|---|---|---|\n");
        for (GateCheck g : report.gates()) {
            out.write("| " + Md.cell(g.name(), MAX_REASON) + " | " + (g.passed() ? "passed" : "**FAILED**") + " | "
                    + Md.cell(g.message(), MAX_REASON) + " |\n");
        }
    }

    private static void failedTrials(RunReport report, Writer out) throws IOException {
        List<RunResult> failed = results(report).stream().filter(r -> r.status() != TrialState.SUCCEEDED).toList();
        if (failed.isEmpty()) {
            return;
        }
        out.write("\n| failed trial | point | status | reason |\n|---:|---|---|---|\n");
        for (RunResult r : failed.subList(0, Math.min(failed.size(), MAX_FAILED))) {
            out.write("| " + r.trial() + " | " + Md.cell(Numbers.pointLabel(r.point()), MAX_REASON) + " | "
                    + r.status().jsonName() + " | " + Md.cell(r.failureReason(), MAX_REASON) + " |\n");
        }
        if (failed.size() > MAX_FAILED) {
            out.write("\n… and " + (failed.size() - MAX_FAILED) + " more failed trials (see results.csv).\n");
        }
    }

    private static String range(MetricSummary s) {
        if (s.n() == 0) {
            return "–";
        }
        String median = Numbers.rounded(s.median(), 2);
        if (s.n() == 1) {
            return median;
        }
        return median + " [" + Numbers.rounded(s.min(), 2) + "–" + Numbers.rounded(s.max(), 2) + "]";
    }

    private static List<RunResult> results(RunReport report) {
        return report.trials().stream().map(TrialReport::result).toList();
    }
}
