package dev.kubebench.runner.local;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.runner.LineAppender;
import dev.kubebench.runner.ProgressListener;
import dev.kubebench.runner.Timeline;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A running replica: its process and the thread that copies its combined stdout+stderr into
 * {@code logs/<pod>.log} whole lines at a time ({@link LineAppender}), reports each line to the progress listener,
 * records the first line in the timeline and keeps the last lines for a failure reason.
 */
final class ReplicaProcess {
    static final int TAIL_LINES = 5;
    private static final int TAIL_LINE_CHARS = 300;

    private final Replica replica;
    private final Process process;
    private final Thread pump;
    private final Deque<String> tail = new ArrayDeque<>();

    private ReplicaProcess(Replica replica, Process process, Path log, Timeline timeline, ProgressListener progress) {
        this.replica = replica;
        this.process = process;
        this.pump = new Thread(() -> pump(log, timeline, progress), "log-" + replica.pod());
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts the process; its output goes to {@code log}. */
    static ReplicaProcess start(Replica replica, ProcessBuilder builder, Path log, Timeline timeline,
                                ProgressListener progress) throws IOException {
        builder.redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new ReplicaProcess(replica, builder.start(), log, timeline, progress);
    }

    private void pump(Path log, Timeline timeline, ProgressListener progress) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             LineAppender out = LineAppender.create(log)) {
            boolean first = true;
            String line;
            while ((line = in.readLine()) != null) {
                out.add(line);
                if (!in.ready()) {
                    // Flush when the workload pauses rather than per line: the log stays current for readers and an
                    // interrupted run keeps it, without a write syscall per line of a chatty workload.
                    out.flush();
                }
                if (first) {
                    timeline.record(EventKind.FIRST_LOG_LINE, replica.pod(), null);
                    first = false;
                }
                remember(line);
                progress.logLine(replica.pod(), line);
            }
        } catch (IOException e) {
            remember("kubebench: log copy failed: " + e.getMessage());
        }
    }

    private synchronized void remember(String line) {
        tail.addLast(line.length() > TAIL_LINE_CHARS ? line.substring(0, TAIL_LINE_CHARS) + "..." : line);
        while (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    /** The last lines of output, oldest first. Complete once {@link #awaitLog} returned. */
    synchronized List<String> tail() {
        return List.copyOf(tail);
    }

    /** Waits until the log is fully copied (the pipe closed) or the limit passed. */
    void awaitLog(Duration limit) {
        try {
            pump.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Replica replica() {
        return replica;
    }

    Process process() {
        return process;
    }
}
