package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.trial.FailureCause;
import java.util.Objects;

/**
 * A classified failure: the class and a one-line reason quoting the scheduler's, kubelet's or operator's message.
 *
 * @param cause the class
 * @param reason       one line, never blank
 */
record Verdict(FailureCause cause, String reason) {
    Verdict {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
        reason = reason.replaceAll("\\s+", " ").trim();
    }
}
