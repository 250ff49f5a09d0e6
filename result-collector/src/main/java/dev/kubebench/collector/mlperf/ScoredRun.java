package dev.kubebench.collector.mlperf;

import dev.kubebench.collector.mllog.MllogRun;
import java.util.Objects;

/**
 * One run log of a scored directory.
 *
 * @param file the log's file name, e.g. {@code result_1.txt}
 * @param run  what the log says
 */
public record ScoredRun(String file, MllogRun run) {
    public ScoredRun {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(run, "run");
    }

    /** Time to train in minutes, or NaN. */
    public double minutes() {
        return run.minutes();
    }

    /** Counts for the score. */
    public boolean valid() {
        return run.valid();
    }
}
