package dev.kubebench.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: stack traces on errors (read by {@link ErrorHandler}) and more detail where a command has it. */
public final class VerboseMixin {
    @Option(names = "--verbose", description = "Print stack traces on errors and more detail.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
