package dev.kubebench.runner.kubernetes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Copies a log stream byte for byte to a file, whole lines at a time, and hands each complete line (without the
 * newline) to a callback. Each chunk's complete lines reach the file in one write, flushed, and a line in progress is
 * held back until its newline arrives; so a reader, a crash or Ctrl-C never sees half a line, except the stream's
 * unterminated last line, written as it is when the stream closes.
 */
final class LineOutput extends OutputStream {
    private final OutputStream file;
    private final Consumer<String> lines;
    /** The line in progress, without a newline yet. */
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    /** The last complete line handed to the callback; null before the first. */
    private String lastLine;

    LineOutput(OutputStream file, Consumer<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        ByteArrayOutputStream complete = new ByteArrayOutputStream();
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                partial.write(b, start, i - start);
                emit();
                partial.writeTo(complete);
                complete.write('\n');
                partial.reset();
                start = i + 1;
            }
        }
        partial.write(b, start, off + len - start);
        if (complete.size() > 0) {
            file.write(complete.toByteArray());
            file.flush();
        }
    }

    /** Writes a line of kubebench's own (a restart marker) into the file only, ending the line in progress first. */
    synchronized void marker(String line) throws IOException {
        ByteArrayOutputStream complete = new ByteArrayOutputStream();
        if (partial.size() > 0) {
            emit();
            partial.writeTo(complete);
            complete.write('\n');
            partial.reset();
        }
        complete.write(("==== kubebench: " + line + " ====\n").getBytes(StandardCharsets.UTF_8));
        file.write(complete.toByteArray());
        file.flush();
    }

    /** Hands the line in progress to the callback; it stays in {@code partial} for the caller to write. */
    private void emit() {
        String line = partial.toString(StandardCharsets.UTF_8);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        lastLine = line;
        lines.accept(line);
    }

    /** True when the text so far ends with {@code line}: the line in progress, else the last complete line. */
    synchronized boolean endsWith(String line) {
        String tail = partial.size() > 0 ? partial.toString(StandardCharsets.UTF_8) : lastLine;
        return tail != null && tail.equals(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (partial.size() > 0) {
                emit();
                partial.writeTo(file);
                partial.reset();
            }
        } finally {
            file.close();
        }
    }
}
