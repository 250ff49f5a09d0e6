package dev.kubebench.cli.progress;

import dev.kubebench.core.text.Printable;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.runner.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The live status of one trial as a single line, e.g.
 * {@code trial 2/6 running 2/2 replicas 00:41 throughput 123.4 samples/s}. It listens to the backend's progress
 * (phase, replicas, log lines, from any thread) and renders on demand; drawing it (terminal or plain timestamped
 * lines) is the CLI's job.
 */
public final class StatusLine implements ProgressListener {
    private final int trialNumber;
    private final int trialCount;
    private final Instant start;
    private final Clock clock;

    private String phase = "pending";
    private int running;
    private int total;
    private LiveMetric metric;

    /**
     * @param trialNumber 1-based number of the trial
     * @param trialCount  trials in the plan, at least {@code trialNumber}
     * @param clock       clock for the elapsed time, which starts now
     */
    public StatusLine(int trialNumber, int trialCount, Clock clock) {
        if (trialNumber < 1 || trialCount < trialNumber) {
            throw new IllegalArgumentException("trial " + trialNumber + " of " + trialCount);
        }
        this.trialNumber = trialNumber;
        this.trialCount = trialCount;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.start = clock.instant();
    }

    @Override
    public synchronized void phase(String phase) {
        this.phase = phase;
    }

    @Override
    public synchronized void replicas(int running, int total) {
        this.running = running;
        this.total = total;
    }

    @Override
    public void logLine(String replica, String line) {
        LiveMetric parsed = LiveMetric.fromLogLine(line).orElse(null);
        if (parsed != null) {
            synchronized (this) {
                metric = parsed;
            }
        }
    }

    /** The line now. */
    public synchronized String render() {
        return format(trialNumber, trialCount, phase, running, total, Duration.between(start, clock.instant()),
                metric);
    }

    /**
     * Formats a status line (Locale.ROOT): trial, phase, replicas (when known: running of total while the trial runs,
     * {@code n/n replicas done} once it has ended), elapsed {@code mm:ss} or
     * {@code h:mm:ss}, and the latest metric when there is one (throughput with one decimal, accuracy with four). Text
     * from the backend or a log has its control characters escaped ({@link Printable}): the line stays one line.
     */
    public static String format(int trialNumber, int trialCount, String phase, int running, int total,
                                Duration elapsed, LiveMetric metric) {
        StringBuilder sb = new StringBuilder();
        sb.append("trial ").append(trialNumber).append('/').append(trialCount).append(' ')
                .append(Printable.escape(phase));
        if (total > 0 && ended(phase)) {
            // once the trial has ended no replica runs, so "0/2 replicas" would read as none having succeeded
            sb.append(' ').append(total - running).append('/').append(total).append(" replicas done");
        } else if (total > 0) {
            sb.append(' ').append(running).append('/').append(total).append(" replicas");
        }
        sb.append(' ').append(clock(elapsed));
        if (metric != null) {
            String digits = metric.key().equals("throughput") ? "%.1f" : "%.4f";
            sb.append(' ').append(Printable.escape(metric.key())).append(' ')
                    .append(String.format(Locale.ROOT, digits, metric.value()));
            if (!metric.unit().isEmpty()) {
                sb.append(' ').append(Printable.escape(metric.unit()));
            }
        }
        return sb.toString();
    }

    /** True when {@code phase} is how a trial ended ({@link TrialState#jsonName()}), not a phase it is in. */
    private static boolean ended(String phase) {
        for (TrialState state : TrialState.values()) {
            if (state.jsonName().equals(phase)) {
                return true;
            }
        }
        return false;
    }

    private static String clock(Duration elapsed) {
        long s = Math.max(0, elapsed.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
