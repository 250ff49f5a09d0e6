package dev.kubebench.runner;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Repetitions;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Adaptive repetitions: a point's measured trials beyond {@code repetitions.min} run only while its stopping rule says
 * the point has not enough yet. The rule is asked only about a complete prefix of the point's trials in plan order:
 * before repetition r (r &ge; min) starts, every earlier trial of that point has completed, so the decision is a
 * function of the first r results alone. That makes the number of trials, and the trials that enter statistics, the
 * same with any {@code --parallel} (other points' trials keep the other workers busy meanwhile), and no trial that
 * started is ever thrown away.
 */
public final class AdaptiveAdmission implements TrialAdmission {
    /** Whether the completed trials of a point (in plan order) are enough; called with no trial of it running. */
    @FunctionalInterface
    public interface StoppingCheck {
        boolean enough(int pointIndex);
    }

    private final BenchmarkPlan plan;
    private final StoppingCheck check;
    private final Set<Integer> completed = new HashSet<>();
    private final Set<Integer> stoppedPoints = new HashSet<>();
    private int skipped;
    private boolean released;

    public AdaptiveAdmission(BenchmarkPlan plan, StoppingCheck check) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public synchronized boolean admit(Trial trial) throws InterruptedException {
        Repetitions reps = trial.benchmark().spec().repetitions();
        if (trial.warmup() || !reps.adaptive() || trial.repetition() < reps.min()) {
            return true;
        }
        while (!released && !earlierOfPointCompleted(trial)) {
            wait();
        }
        if (released) {
            return false;
        }
        if (stoppedPoints.contains(trial.pointIndex())) {
            return skip();
        }
        if (check.enough(trial.pointIndex())) {
            stoppedPoints.add(trial.pointIndex());
            return skip();
        }
        return true;
    }

    private boolean skip() {
        skipped++;
        return false;
    }

    private boolean earlierOfPointCompleted(Trial trial) {
        for (Trial t : plan.trials()) {
            if (t.index() >= trial.index()) {
                return true;
            }
            if (t.pointIndex() == trial.pointIndex() && !completed.contains(t.index())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void completed(Trial trial) {
        completed.add(trial.index());
        notifyAll();
    }

    @Override
    public synchronized void release() {
        released = true;
        notifyAll();
    }

    /** Trials the stopping rule left out (not counting those a cancellation kept from starting). */
    public synchronized int skipped() {
        return skipped;
    }
}
