package dev.kubebench.collector.history;

import java.util.Objects;

/**
 * The verdict of one gate checked against a run (a gated row of {@code kubebench compare}).
 *
 * @param name     what was checked: the metric, with the sweep point in brackets when there is one
 * @param passed   whether the gate passed
 * @param message  one line: the verdict and the change
 */
public record GateVerdict(String name, boolean passed, String message) {
    public GateVerdict {
        Objects.requireNonNull(name, "name");
        message = message == null ? "" : message;
    }
}
