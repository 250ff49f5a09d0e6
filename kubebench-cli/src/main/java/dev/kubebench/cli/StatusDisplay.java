package dev.kubebench.cli;

import dev.kubebench.runner.ProgressListener;
import dev.kubebench.cli.progress.StatusLine;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows a trial's progress while it runs. On a terminal one status line is redrawn in place twice a second; when the
 * output is not a terminal (CI logs) plain timestamped lines are printed on every phase change and every 30 seconds.
 * When trials run at once ({@code concurrent}) there is no line to redraw: each running trial prints plain
 * timestamped lines (they start with {@code trial n/m}) on every phase change and every 30 seconds.
 */
final class StatusDisplay implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final long PLAIN_INTERVAL_SECONDS = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final boolean concurrent;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private ScheduledFuture<?> task;
    private StatusLine current;
    /** The running trials' lines, by trial number (concurrent mode). */
    private final Map<Integer, StatusLine> running = new TreeMap<>();

    StatusDisplay(PrintWriter out, boolean terminal, Clock clock) {
        this(out, terminal, false, clock);
    }

    /**
     * @param terminal   the output is an interactive terminal (ignored when {@code concurrent})
     * @param concurrent several trials run at once
     */
    StatusDisplay(PrintWriter out, boolean terminal, boolean concurrent, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal && !concurrent;
        this.concurrent = concurrent;
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kubebench-status");
            t.setDaemon(true);
            return t;
        });
    }

    /** True when standard output is an interactive terminal. */
    static boolean stdoutIsTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * A listener for trial {@code number} of {@code count}; the previous trial's line is finished first (unless
     * trials run at once).
     */
    synchronized ProgressListener trial(int number, int count) {
        if (concurrent) {
            return concurrentTrial(number, count);
        }
        finishLine();
        StatusLine line = new StatusLine(number, count, clock);
        current = line;
        long period = terminal ? 500 : PLAIN_INTERVAL_SECONDS * 1000;
        task = ticker.scheduleAtFixedRate(() -> draw(line), period, period, TimeUnit.MILLISECONDS);
        return new ProgressListener() {
            @Override
            public void phase(String phase) {
                line.phase(phase);
                draw(line);
            }

            @Override
            public void replicas(int running, int total) {
                line.replicas(running, total);
            }

            @Override
            public void logLine(String replica, String text) {
                line.logLine(replica, text);
            }
        };
    }

    private ProgressListener concurrentTrial(int number, int count) {
        StatusLine line = new StatusLine(number, count, clock);
        running.put(number, line);
        if (task == null) {
            long period = PLAIN_INTERVAL_SECONDS * 1000;
            task = ticker.scheduleAtFixedRate(this::drawRunning, period, period, TimeUnit.MILLISECONDS);
        }
        return new ProgressListener() {
            @Override
            public void phase(String phase) {
                line.phase(phase);
                drawPlain(line);
            }

            @Override
            public void replicas(int runningReplicas, int total) {
                line.replicas(runningReplicas, total);
            }

            @Override
            public void logLine(String replica, String text) {
                line.logLine(replica, text);
            }
        };
    }

    private synchronized void drawRunning() {
        running.values().forEach(this::drawPlain);
    }

    private synchronized void drawPlain(StatusLine line) {
        out.println(LocalTime.now(clock.withZone(ZoneOffset.UTC)).format(TIME) + "Z " + line.render());
        out.flush();
    }

    /** Trial {@code number} has ended: its line is finished (stops its periodic lines when trials run at once). */
    synchronized void trialDone(int number) {
        if (concurrent) {
            running.remove(number);
        } else {
            finishLine();
        }
    }

    private synchronized void draw(StatusLine line) {
        if (line != current) {
            return;
        }
        if (terminal) {
            out.print("\r\033[2K" + line.render());
        } else {
            out.println(LocalTime.now(clock.withZone(ZoneOffset.UTC)).format(TIME) + "Z " + line.render());
        }
        out.flush();
    }

    /** Ends the current status line so that normal output can follow. */
    synchronized void finishLine() {
        if (concurrent) {
            running.clear();
        }
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        if (current != null && terminal) {
            out.print("\r\033[2K" + current.render());
            out.println();
            out.flush();
        }
        current = null;
    }

    @Override
    public void close() {
        finishLine();
        ticker.shutdownNow();
    }
}
