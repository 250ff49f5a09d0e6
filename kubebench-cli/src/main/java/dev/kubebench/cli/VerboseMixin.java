package dev.kubebench.cli;

import picocli.CommandLine.Option;

/** The {@code --verbose} flag: stack traces on errors (read by {@link ErrorHandler}) and more detail in output. */
public final class VerboseMixin {
    @Option(names = "--verbose", description = "Show stack traces on errors and more detail.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
