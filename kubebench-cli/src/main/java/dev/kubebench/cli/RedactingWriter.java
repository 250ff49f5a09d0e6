package dev.kubebench.cli;

import dev.kubebench.core.secret.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine;

/**
 * A writer that masks the run's secrets in what {@code run} prints (status line, trial lines, failure reasons,
 * errors). Text is held until a line ends or the writer is flushed, so a secret written in two pieces is still seen
 * whole; a status line redrawn with {@code \r} is flushed at each redraw.
 */
final class RedactingWriter extends Writer {
    private final Writer target;
    private final Redactor redactor;
    private final StringBuilder pending = new StringBuilder();

    private RedactingWriter(Writer target, Redactor redactor) {
        super(target);
        this.target = target;
        this.redactor = redactor;
    }

    /** {@code target} as a print writer that redacts; {@code target} itself when there is nothing to redact. */
    static PrintWriter wrap(PrintWriter target, Redactor redactor) {
        return redactor.isEmpty() ? target : new Redacting(target, redactor);
    }

    /**
     * Makes the command line print through {@code redactor} from now on (its errors too: the error handler prints
     * through it). Called again with a larger redactor, it wraps the original writers, not the redacting ones.
     */
    static void protect(CommandLine commandLine, Redactor redactor) {
        commandLine.setOut(wrap(unwrapped(commandLine.getOut()), redactor));
        commandLine.setErr(wrap(unwrapped(commandLine.getErr()), redactor));
    }

    private static PrintWriter unwrapped(PrintWriter writer) {
        return writer instanceof Redacting ? ((Redacting) writer).original : writer;
    }

    /** The print writer {@link #wrap} returns: it remembers what it wraps. */
    private static final class Redacting extends PrintWriter {
        private final PrintWriter original;

        Redacting(PrintWriter original, Redactor redactor) {
            super(new RedactingWriter(original, redactor));
            this.original = original;
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        synchronized (lock) {
            pending.append(chars, offset, length);
            int newline = pending.lastIndexOf("\n");
            if (newline >= 0) {
                target.write(redactor.redact(pending.substring(0, newline + 1)));
                pending.delete(0, newline + 1);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            target.write(redactor.redact(pending.toString()));
            pending.setLength(0);
            target.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
