package dev.kubebench.cli;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.text.Printable;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place exceptions become exit codes: a {@link KubebenchException} prints its problems, one per line; anything
 * else is an internal error. Stack traces only with {@code --verbose}. Problems echo specs, logs and arguments, so
 * their control characters are printed escaped ({@link Printable}): each stays one line and none reaches the terminal.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        boolean verbose = isVerbose(parseResult);
        int code;
        if (ex instanceof KubebenchException) {
            KubebenchException ke = (KubebenchException) ex;
            for (String problem : ke.problems()) {
                err.println(cl.getColorScheme().errorText("error: ").toString() + Printable.escape(problem));
            }
            code = exitCode(ke);
        } else {
            err.println(cl.getColorScheme().errorText("internal error: ").toString() + Printable.escape(ex.toString()));
            if (!verbose) {
                err.println("(run again with --verbose for the stack trace)");
            }
            code = ExitCodes.INTERNAL_ERROR;
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The exit code of a command that ended with {@code error}. */
    static int exitCode(Throwable error) {
        return error instanceof KubebenchException ke ? ExitCodes.of(ke.failure()) : ExitCodes.INTERNAL_ERROR;
    }

    static boolean isVerbose(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult pr = parseResult;
        while (pr != null) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
            pr = pr.hasSubcommand() ? pr.subcommand() : null;
        }
        return false;
    }

    /** Usage errors: one line naming the problem, a hint, exit 2. */
    static final class Usage implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println(cl.getColorScheme().errorText("error: ").toString() + Printable.escape(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCodes.USAGE;
        }
    }
}
