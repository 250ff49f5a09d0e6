package dev.kubebench.runner;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a text file whole lines at a time: lines are collected with their newlines and reach the file only in
 * {@link #flush()}, as one {@code write} of complete lines. A reader, or a crash, never sees half a line. Unbuffered
 * below this class (a {@link FileOutputStream}, not an NIO channel: channels close themselves when the writing thread
 * is interrupted, and cancellation interrupts trial threads while they record events). Thread-safe.
 */
public final class LineAppender implements Closeable {
    /** Pending lines past this many bytes are written at once, whatever the caller's flushing. */
    private static final int MAX_PENDING_BYTES = 1 << 16;

    private final FileOutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private LineAppender(FileOutputStream out) {
        this.out = out;
    }

    /** Opens {@code file} for appending, creating it when missing. */
    public static LineAppender append(Path file) throws IOException {
        return new LineAppender(new FileOutputStream(file.toFile(), true));
    }

    /** Creates {@code file}, or empties it, and appends to it. */
    public static LineAppender create(Path file) throws IOException {
        new FileOutputStream(file.toFile(), false).close();
        return append(file);
    }

    /** Adds one line; {@code line} has no line break of its own, the newline is added here. */
    public synchronized void add(String line) throws IOException {
        pending.write(line.getBytes(StandardCharsets.UTF_8));
        pending.write('\n');
        if (pending.size() >= MAX_PENDING_BYTES) {
            flush();
        }
    }

    /** Writes the lines added since the last flush, in one write. */
    public synchronized void flush() throws IOException {
        if (pending.size() > 0) {
            out.write(pending.toByteArray());
            pending.reset();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
