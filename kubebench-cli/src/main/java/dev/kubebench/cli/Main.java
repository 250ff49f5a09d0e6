package dev.kubebench.cli;

import picocli.CommandLine;

/** Entry point: the only {@code main} and the only {@code System.exit} in kubebench. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        InterruptGuard.installHook();
        InterruptGuard.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code; used by tests. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /** The configured command line, with exit-code mapping and error handling installed. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new KubebenchCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler.Usage());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL_ERROR);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
