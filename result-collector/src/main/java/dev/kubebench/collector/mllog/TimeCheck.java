package dev.kubebench.collector.mllog;

import dev.kubebench.core.text.Numbers;

/**
 * Whether the times of one run log can be trusted, in log order: an event whose {@code time_ms} is more than
 * {@link #ORDER_TOLERANCE_MS} earlier than an event logged before it means the log interleaves clocks that disagree
 * (several ranks or hosts) or holds a corrupt time stamp, and no duration measured from it is a duration. Smaller
 * steps back are normal: ranks of one host log the same moment a few milliseconds apart (the NVIDIA bert logs of
 * v3.0 step back up to 8 ms). Events without a finite time are not compared; the accumulator says what they cost.
 */
final class TimeCheck {
    /** How far back an event may be logged before the run is out of order: 1 s. */
    static final double ORDER_TOLERANCE_MS = 1000;

    private double latestMs = Double.NaN;
    private String latestKey;
    private long latestLine;
    private String outOfOrder;

    /** Compares one event with the latest time logged before it. */
    void see(MllogEvent e) {
        double t = e.timeMs();
        if (!Double.isFinite(t)) {
            return;
        }
        if (outOfOrder == null && latestMs - t > ORDER_TOLERANCE_MS) {
            outOfOrder = "events out of order: " + at(e.key(), e.lineNumber()) + " is " + gap(latestMs - t)
                    + " earlier than " + at(latestKey, latestLine) + ", beyond the "
                    + gap(ORDER_TOLERANCE_MS) + " tolerance";
        }
        if (!(t <= latestMs)) {
            latestMs = t;
            latestKey = e.key();
            latestLine = e.lineNumber();
        }
    }

    /** The first event out of order beyond the tolerance, said for people; null when there is none. */
    String outOfOrder() {
        return outOfOrder;
    }

    /** {@code run_stop (line 12)}. */
    static String at(String key, long line) {
        return key + " (line " + line + ")";
    }

    /** A positive time difference for people: {@code 100 ms}, {@code 5.34 s}. */
    static String gap(double ms) {
        return ms < 1000 ? Numbers.significant(ms, 3) + " ms" : Numbers.significant(ms / 1000, 3) + " s";
    }
}
