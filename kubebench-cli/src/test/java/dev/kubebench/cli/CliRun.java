package dev.kubebench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command line in-process, capturing stdout, stderr and the exit code. */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code kubebench args...} as {@link Main} configures it. */
    static CliRun of(String... args) {
        return with(null, args);
    }

    /** Runs {@code kubebench args...} with one subcommand replaced by {@code command} (which may hold test doubles). */
    static CliRun with(Object command, String... args) {
        CommandLine cl = Main.newCommandLine();
        if (command != null) {
            CommandLine sub = new CommandLine(command);
            String name = sub.getCommandName();
            cl.getCommandSpec().removeSubcommand(name);
            cl.addSubcommand(name, sub);
            // settings made in Main apply only to subcommands present then: apply them again as Main does
            cl.setExecutionExceptionHandler(new ErrorHandler());
            cl.setParameterExceptionHandler(new ErrorHandler.Usage());
            cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL_ERROR);
            cl.setCaseInsensitiveEnumValuesAllowed(true);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
