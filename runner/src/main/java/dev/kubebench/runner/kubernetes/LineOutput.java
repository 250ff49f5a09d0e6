package dev.kubebench.runner.kubernetes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Copies a log stream byte for byte to a file and hands each complete line (without the newline) to a callback. The
 * file is flushed per write so a crash or Ctrl-C loses at most the line in progress.
 */
final class LineOutput extends OutputStream {
    private final OutputStream file;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

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
        file.write(b, off, len);
        file.flush();
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                partial.write(b, start, i - start);
                emit();
                start = i + 1;
            }
        }
        partial.write(b, start, off + len - start);
    }

    /** Writes a line of kubebench's own (a restart marker) into the file only. */
    synchronized void marker(String line) throws IOException {
        if (partial.size() > 0) {
            file.write('\n');
            emit();
        }
        file.write(("==== kubebench: " + line + " ====\n").getBytes(StandardCharsets.UTF_8));
        file.flush();
    }

    private void emit() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        lines.accept(line);
    }

    @Override
    public synchronized void close() throws IOException {
        if (partial.size() > 0) {
            emit();
        }
        file.close();
    }
}
