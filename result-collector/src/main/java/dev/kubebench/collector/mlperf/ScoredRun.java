package dev.kubebench.collector.mlperf;

import dev.kubebench.collector.mllog.MllogRun;
import dev.kubebench.collector.mlperf.compliance.ComplianceResult;
import java.util.Objects;

/**
 * One run log of a scored directory.
 *
 * @param file       the log's file name, e.g. {@code result_1.txt}
 * @param run        what the log says
 * @param compliance the verdict of the round's compliance rules, or null when the log was not checked
 */
public record ScoredRun(String file, MllogRun run, ComplianceResult compliance) {
    public ScoredRun {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(run, "run");
    }

    /** A run whose log was not checked for compliance. */
    public ScoredRun(String file, MllogRun run) {
        this(file, run, null);
    }

    /** Time to train in minutes, or NaN. */
    public double minutes() {
        return run.minutes();
    }

    /**
     * Counts for the score: the run is valid and, when checked, compliant (the MLCommons summarizer drops a run
     * that fails the compliance check like one that did not converge).
     */
    public boolean valid() {
        return run.valid() && (compliance == null || compliance.compliant());
    }

    /** Whether the log passed the compliance check; null when not checked. */
    public Boolean compliant() {
        return compliance == null ? null : compliance.compliant();
    }

    /** Why the run does not count, or null when it does. */
    public String invalidReason() {
        String why = run.invalidReason();
        if (why != null) {
            return why;
        }
        return compliance == null || compliance.compliant() ? null : "not compliant: " + compliance.firstError();
    }
}
