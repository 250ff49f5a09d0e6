package dev.kubebench.report.junit;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.GateCheck;
import dev.kubebench.report.Reporter;
import dev.kubebench.report.RunReport;
import dev.kubebench.report.TrialReport;
import dev.kubebench.core.text.Numbers;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * {@code junit.xml}: one {@code <testsuite>} per run, one {@code <testcase>} per trial (classname
 * {@code kubebench.<benchmark>}, name {@code trial <n> [<point>] rep <r>}, time = trial duration in seconds with three
 * decimals) and one per gate verdict (classname {@code kubebench.<benchmark>.gates}). Mapping of trial status:
 * succeeded passes; failed and timed_out are {@code <failure>} with the failure reason; infrastructure is an
 * {@code <error>} (the cluster, not the workload, failed); interrupted is {@code <skipped>}. Failed gates are
 * {@code <failure type="gate">}.
 */
public final class JUnitReporter implements Reporter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Override
    public String fileName() {
        return "junit.xml";
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        long totalMillis = 0;
        Instant first = null;
        for (TrialReport t : report.trials()) {
            RunResult r = t.result();
            switch (r.status()) {
                case SUCCEEDED:
                    break;
                case INFRASTRUCTURE:
                    errors++;
                    break;
                case INTERRUPTED:
                    skipped++;
                    break;
                default:
                    failures++;
            }
            totalMillis += millis(r);
            if (r.startedAt() != null && (first == null || r.startedAt().isBefore(first))) {
                first = r.startedAt();
            }
        }
        failures += (int) report.gates().stream().filter(g -> !g.passed()).count();
        int tests = report.trials().size() + report.gates().size();
        String suite = "kubebench." + report.benchmark();

        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"kubebench\"" + counts(tests, failures, errors, skipped, totalMillis) + ">\n");
        out.write("  <testsuite name=\"" + Xml.attr(suite) + "\"" + counts(tests, failures, errors, skipped, totalMillis)
                + (first == null ? "" : " timestamp=\"" + TIMESTAMP.format(first.truncatedTo(ChronoUnit.SECONDS)) + "\"")
                + ">\n");
        out.write("    <properties>\n");
        property(out, "kubebench.benchmark", report.benchmark());
        property(out, "kubebench.run_id", report.runId());
        out.write("    </properties>\n");
        for (TrialReport t : report.trials()) {
            trialCase(out, suite, t.result());
        }
        for (GateCheck g : report.gates()) {
            out.write("    <testcase classname=\"" + Xml.attr(suite + ".gates") + "\" name=\""
                    + Xml.attr("gate " + g.name()) + "\" time=\"" + seconds(0) + "\"");
            if (g.passed()) {
                out.write(">\n      <system-out>" + Xml.text(g.message()) + "</system-out>\n    </testcase>\n");
            } else {
                out.write(">\n      <failure type=\"gate\" message=\"" + Xml.attr(g.message()) + "\">"
                        + Xml.text(g.message()) + "</failure>\n    </testcase>\n");
            }
        }
        out.write("  </testsuite>\n</testsuites>\n");
        out.flush();
    }

    private static void trialCase(Writer out, String suite, RunResult r) throws IOException {
        String name = "trial " + r.trial() + (r.point().isEmpty() ? "" : " [" + Numbers.pointLabel(r.point()) + "]")
                + " rep " + r.repetition();
        out.write("    <testcase classname=\"" + Xml.attr(suite) + "\" name=\"" + Xml.attr(name) + "\" time=\""
                + seconds(millis(r)) + "\">\n");
        String reason = Objects.requireNonNullElse(r.failureReason(), "");
        String type = r.status().jsonName();
        if (r.status() == TrialState.INFRASTRUCTURE) {
            out.write("      <error type=\"" + type + "\" message=\"" + Xml.attr(reason) + "\">" + Xml.text(reason)
                    + "</error>\n");
        } else if (r.status() == TrialState.INTERRUPTED) {
            out.write("      <skipped message=\"" + Xml.attr(reason) + "\"/>\n");
        } else if (r.status() != TrialState.SUCCEEDED) {
            out.write("      <failure type=\"" + type + "\" message=\"" + Xml.attr(reason) + "\">" + Xml.text(reason)
                    + "</failure>\n");
        }
        if (!r.metrics().isEmpty()) {
            StringBuilder metrics = new StringBuilder();
            for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                metrics.append(m.getKey()).append('=').append(Numbers.plain(m.getValue())).append('\n');
            }
            out.write("      <system-out>" + Xml.text(metrics.toString()) + "</system-out>\n");
        }
        out.write("    </testcase>\n");
    }

    private static void property(Writer out, String name, String value) throws IOException {
        out.write("      <property name=\"" + Xml.attr(name) + "\" value=\"" + Xml.attr(value) + "\"/>\n");
    }

    private static String counts(int tests, int failures, int errors, int skipped, long millis) {
        return " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\"" + skipped
                + "\" time=\"" + seconds(millis) + "\"";
    }

    private static long millis(RunResult r) {
        if (r.startedAt() == null || r.finishedAt() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(r.startedAt(), r.finishedAt()).toMillis());
    }

    /** A JUnit {@code time}: seconds with exactly three decimals ({@code 2.156}), summed in whole milliseconds. */
    static String seconds(long millis) {
        return Numbers.fixed(millis / 1000.0, 3);
    }
}
