package dev.kubebench.collector.mlperf.compliance;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of the compliance rules of one round on one run log.
 *
 * @param ruleset   the rules' version, e.g. {@code 4.0.0}
 * @param compliant true when no rule failed
 * @param errors    every failed rule in words, in the order the MLCommons checker reports them; empty when
 *                  compliant
 */
public record ComplianceResult(String ruleset, boolean compliant, List<String> errors) {
    public ComplianceResult {
        Objects.requireNonNull(ruleset, "ruleset");
        errors = List.copyOf(errors);
        if (compliant != errors.isEmpty()) {
            throw new IllegalArgumentException("a run is compliant exactly when no rule failed");
        }
    }

    /** The first failed rule, or null when compliant. */
    public String firstError() {
        return errors.isEmpty() ? null : errors.get(0);
    }
}
