package dev.kubebench.runner.kubernetes;

import dev.kubebench.runner.FailureClass;
import java.util.Objects;

/**
 * A classified failure: the class and a one-line reason quoting the scheduler's, kubelet's or operator's message.
 *
 * @param failureClass the class
 * @param reason       one line, never blank
 */
record Verdict(FailureClass failureClass, String reason) {
    Verdict {
        Objects.requireNonNull(failureClass, "failureClass");
        Objects.requireNonNull(reason, "reason");
        reason = reason.replaceAll("\\s+", " ").trim();
    }
}
