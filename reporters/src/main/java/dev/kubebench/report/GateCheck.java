package dev.kubebench.report;

import java.util.Objects;

/**
 * The verdict of one CI gate (a regression or threshold check), for reporters that show gates next to trials (JUnit:
 * one extra testcase per gate; Markdown: a gates table). Produced by whoever evaluates gates; reporters only show it.
 *
 * @param name     what was checked, e.g. {@code time_to_train_s max regression 5%}
 * @param passed   whether the gate passed
 * @param message  one line explaining the verdict (required when failed)
 */
public record GateCheck(String name, boolean passed, String message) {
    public GateCheck {
        Objects.requireNonNull(name, "name");
        if (!passed && (message == null || message.isBlank())) {
            throw new IllegalArgumentException("a failed gate needs a message");
        }
        message = message == null ? "" : message;
    }
}
