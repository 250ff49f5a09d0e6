package dev.kubebench.runner;

import dev.kubebench.core.trial.TrialOutcome;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;

/**
 * Where a trial's replicas start: on a Kubernetes cluster through the training operators, or as local processes.
 * Everything else (planning, the trial loop, timelines, collection, reports) is shared.
 */
public interface Backend extends AutoCloseable {

    /** A short name for results and logs: {@code kubernetes} or {@code local}. */
    String name();

    /**
     * Checks, before anything is created, that the plan can run here.
     *
     * @throws dev.kubebench.core.error.KubebenchException with {@code INFRASTRUCTURE} and a one-line reason
     */
    void preflight(BenchmarkPlan plan);

    /**
     * Runs one trial to its end and returns how it ended; never throws for a workload failure. Writes the manifest,
     * timeline and replica logs under {@link TrialContext#trialDir()}, and removes what it created unless
     * {@link TrialContext#keep()}.
     *
     * @throws InterruptedException when the run is cancelled; the backend has cleaned up before it throws
     */
    TrialOutcome runTrial(Trial trial, TrialContext context) throws InterruptedException;

    /** Deletes everything left from a run (or all kubebench runs when {@code runId} is null); returns how many. */
    int cleanup(String runId);

    @Override
    void close();
}
