package dev.kubebench.runner;

/** Receives progress while a trial runs, for the live status line. Implementations must be thread-safe. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    /** The trial entered a phase such as {@code submitted}, {@code queued}, {@code running}. */
    default void phase(String phase) {
    }

    /** How many replicas are running now, of how many. */
    default void replicas(int running, int total) {
    }

    /** A workload log line arrived from a replica (for latest throughput/accuracy). */
    default void logLine(String replica, String line) {
    }
}
