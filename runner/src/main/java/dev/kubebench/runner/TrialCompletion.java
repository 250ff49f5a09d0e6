package dev.kubebench.runner;

import dev.kubebench.core.trial.TrialOutcome;

import dev.kubebench.catalog.plan.Trial;
import java.nio.file.Path;

/**
 * Called by {@link RunExecutor} once per trial after the backend finished it (succeeded, failed, timed out or
 * interrupted) and its timeline is closed; the CLI implements it to run the collector and write result.json.
 * Called on the executor's thread, never interrupted by cancellation.
 */
@FunctionalInterface
public interface TrialCompletion {
    TrialCompletion NONE = (trial, outcome, trialDir) -> {
    };

    /**
     * @param trial    the trial
     * @param outcome  how its job ended
     * @param trialDir its directory ({@code trials/<n>}) holding events.jsonl and logs/
     */
    void completed(Trial trial, TrialOutcome outcome, Path trialDir);
}
