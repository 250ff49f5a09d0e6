package dev.kubebench.cli;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.text.Printable;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import java.util.List;
import java.util.Locale;

/**
 * Text shown at the end of each trial and of a run, and the run's exit code. Sweep values and failure reasons come from
 * the spec and the workload: their control characters are printed escaped ({@link Printable}).
 */
final class Summaries {
    private static final String[][] COLUMNS = {
        {"throughput_samples_per_s", "samples/s"},
        {"step_time_p50_ms", "step p50 ms"},
        {"step_time_p99_ms", "step p99 ms"},
        {"time_to_train_s", "ttt s"},
    };

    private Summaries() {
    }

    /** One line for a finished trial. */
    static String trialLine(RunResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("trial ").append(r.trial()).append(' ').append(r.status().jsonName());
        if (r.warmup()) {
            sb.append(" (warm-up, not in statistics)");
        }
        if (!r.point().isEmpty()) {
            sb.append(' ').append(Printable.escape(r.point().toString()));
        }
        for (String[] c : COLUMNS) {
            double v = r.metric(c[0]);
            if (!Double.isNaN(v)) {
                sb.append("  ").append(c[1]).append(' ').append(format(v));
            }
        }
        if (r.failureReason() != null) {
            sb.append("  reason: ").append(Printable.escape(r.failureReason()));
        }
        return sb.toString();
    }

    /** The summary table of a run. */
    static String table(List<RunResult> results) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-6s %-10s %-22s %12s %12s %12s %10s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "trial", "status", "point", "samples/s", "step p50 ms",
                "step p99 ms", "ttt s", "reason"));
        for (RunResult r : results) {
            String point = r.point().isEmpty() ? "-" : Printable.escape(r.point().toString());
            String reason = (r.warmup() ? "warm-up " : "")
                    + (r.failureReason() == null ? "" : Printable.escape(firstLine(r.failureReason())));
            sb.append(String.format(Locale.ROOT, fmt, r.trial(), r.status().jsonName(), clip(point, 22),
                    format(r.metric("throughput_samples_per_s")), format(r.metric("step_time_p50_ms")),
                    format(r.metric("step_time_p99_ms")), format(r.metric("time_to_train_s")), reason));
        }
        return sb.toString();
    }

    /** Per adaptive point why it stopped, then the noise of every point; nothing when neither applies. */
    static void printDesign(java.io.PrintWriter out, ExperimentDesign design, List<RunResult> results) {
        List<String> lines = new java.util.ArrayList<>(design.stopLines());
        lines.addAll(ExperimentDesign.noiseLines(results));
        if (!lines.isEmpty()) {
            out.println();
            lines.forEach(l -> out.println(Printable.escape(l)));
        }
    }

    /** The status that decides the run's exit code: interrupted, then infrastructure, timeout, failure. */
    static TrialState worst(List<RunResult> results) {
        TrialState[] order = {TrialState.INTERRUPTED, TrialState.INFRASTRUCTURE, TrialState.TIMED_OUT,
            TrialState.FAILED};
        for (TrialState s : order) {
            if (results.stream().anyMatch(r -> r.status() == s)) {
                return s;
            }
        }
        return TrialState.SUCCEEDED;
    }

    /** The run's exit code; a run that stopped before all trials ran counts as interrupted. */
    static int exitCode(List<RunResult> results, int planned) {
        TrialState worst = worst(results);
        if (worst == TrialState.SUCCEEDED && results.size() < planned) {
            return ExitCodes.INTERRUPTED;
        }
        switch (worst) {
            case INTERRUPTED:
                return ExitCodes.INTERRUPTED;
            case INFRASTRUCTURE:
                return ExitCodes.INFRASTRUCTURE;
            case TIMED_OUT:
                return ExitCodes.TIMED_OUT;
            case FAILED:
                return ExitCodes.WORKLOAD_FAILED;
            default:
                return ExitCodes.OK;
        }
    }

    /** One decimal from 100 up, three below: enough to tell trials apart at a glance. */
    private static String format(double v) {
        return Numbers.fixed(v, Math.abs(v) >= 100 ? 1 : 3);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
