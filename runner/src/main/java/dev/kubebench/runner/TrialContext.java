package dev.kubebench.runner;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What a backend needs to run one trial.
 *
 * @param runId     the run id; every created object carries it as label {@code kubebench.dev/run-id}
 * @param trialDir  the trial directory ({@code trials/<n>}); it exists
 * @param timeline  the trial's events.jsonl writer
 * @param progress  receives live progress for the status line
 * @param clock     the clock for timestamps
 * @param keep      keep created objects/processes' files after the trial (Kubernetes {@code --keep})
 */
public record TrialContext(String runId, Path trialDir, Timeline timeline, ProgressListener progress, Clock clock,
                           boolean keep) {
    public TrialContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trialDir, "trialDir");
        Objects.requireNonNull(timeline, "timeline");
        progress = progress == null ? ProgressListener.NONE : progress;
        clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** The directory replica logs go to: {@code trials/<n>/logs}. */
    public Path logsDir() {
        return trialDir.resolve("logs");
    }
}
