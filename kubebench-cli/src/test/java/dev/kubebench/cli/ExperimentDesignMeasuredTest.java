package dev.kubebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.load.SpecLoader;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.analysis.compare.Comparer;
import dev.kubebench.report.analysis.compare.CompareSettings;
import dev.kubebench.report.analysis.compare.MetricComparison;
import dev.kubebench.report.analysis.compare.Verdict;
import dev.kubebench.report.analysis.design.PointStop;
import dev.kubebench.report.analysis.design.StopReason;
import dev.kubebench.report.analysis.samples.SampleSet;
import dev.kubebench.runner.AdaptiveAdmission;
import dev.kubebench.runner.Backend;
import dev.kubebench.runner.RunExecutor;
import dev.kubebench.runner.TrialContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measured properties of the experiment design (docs/gates.md), with a fake backend whose trials "measure" a
 * throughput drawn from a seeded distribution: (a) at CV 2% the until rule stops every point at min; (b) at CV 10% it
 * runs on until the interval reaches the target or max; (c) a planted drift of 1% per trial makes a sequential A/B
 * comparison of two identical variants report a regression, and interleaving removes it. The stopping decisions are
 * the same with --parallel 1 and 4.
 */
class ExperimentDesignMeasuredTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final String T = MetricNames.THROUGHPUT_SAMPLES_PER_S;

    @TempDir
    Path tmp;

    /** Succeeds every trial at once; the value comes from the completion, as a collector's would. */
    private static final class FakeBackend implements Backend {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void preflight(BenchmarkPlan plan) {
        }

        @Override
        public TrialOutcome runTrial(Trial trial, TrialContext context) {
            // A little work per trial so that with --parallel trials really overlap and finish out of order.
            Thread.yield();
            return new TrialOutcome(TrialState.SUCCEEDED, null, null, CLOCK.instant(), CLOCK.instant());
        }

        @Override
        public int cleanup(String runId) {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    private BenchmarkPlan plan(String specLines) throws IOException {
        Path file = tmp.resolve("spec-" + Math.abs(specLines.hashCode()) + ".yaml");
        Files.writeString(file, "apiVersion: kubebench.dev/v1alpha1\nkind: Benchmark\nmetadata: {name: fake}\n"
                + "spec:\n  workload: {name: fake}\n  job: {kind: Job, image: busybox}\n" + specLines);
        return SpecLoader.loadFile(file, null, List.of());
    }

    /** Runs the plan on the fake backend; {@code value} gives each trial's throughput. */
    private List<RunResult> run(BenchmarkPlan plan, ToDoubleFunction<Trial> value, int parallel,
                                ExperimentDesign design) {
        List<RunResult> results = Collections.synchronizedList(new ArrayList<>());
        AdaptiveAdmission admission = new AdaptiveAdmission(plan, design);
        RunExecutor executor = new RunExecutor(new FakeBackend(), "20261128-120000-abc123",
                t -> tmp.resolve("run-" + parallel + "-" + System.identityHashCode(design)).resolve("" + t.index()),
                null, (trial, outcome, dir) -> {
                    RunResult r = result(trial, value.applyAsDouble(trial));
                    results.add(r);
                    design.completed(r);
                }, CLOCK, false, parallel).admitting(admission);
        executor.run(plan);
        return results;
    }

    private static RunResult result(Trial trial, double throughput) {
        return new RunResult(RunResult.SCHEMA_VERSION,
                new RunResult.Identity("fake", "20261128-120000-abc123", trial.index(), trial.point(),
                        trial.repetition(), "fake", trial.warmup()),
                new RunResult.Outcome(MeasurementKind.THROUGHPUT, TrialState.SUCCEEDED, null, null,
                        CLOCK.instant(), CLOCK.instant()),
                new RunResult.Measurements(Map.of(T, throughput), List.of(), List.of(), null), Map.of(), List.of());
    }

    /** A seeded normal throughput around 1000 with the given CV, one fixed draw per trial index. */
    private static ToDoubleFunction<Trial> noisy(double cv, long seed) {
        return trial -> 1000 * (1 + cv * new SplittableRandom(seed * 1_000_003L + trial.index()).nextGaussian());
    }

    private static final String POINTS = "  sweep: {matrix: {size: [1, 2, 3, 4]}}\n  parameters: {size: 1}\n";

    @Test
    void lowNoiseStopsEveryPointAtMin() throws IOException {
        BenchmarkPlan plan = plan(POINTS + "  repetitions: {min: 6, max: 30, until: {metric: " + T
                + ", ciWidth: 10%}}\n  order: interleaved\n");
        for (int parallel : new int[] {1, 4}) {
            ExperimentDesign design = new ExperimentDesign(plan);
            List<RunResult> results = run(plan, noisy(0.02, 1), parallel, design);
            assertEquals(4 * 6, results.size(), "--parallel " + parallel);
            for (int p = 0; p < 4; p++) {
                PointStop stop = design.stop(p);
                assertEquals(StopReason.TARGET_REACHED, stop.reason());
                assertEquals(6, stop.trials());
            }
        }
    }

    @Test
    void highNoiseRunsUntilTheIntervalReachesTheTargetOrMax() throws IOException {
        BenchmarkPlan plan = plan(POINTS + "  repetitions: {min: 6, max: 30, until: {metric: " + T
                + ", ciWidth: 10%}}\n  order: interleaved\n");
        List<Integer> counts = null;
        for (int parallel : new int[] {1, 4}) {
            ExperimentDesign design = new ExperimentDesign(plan);
            run(plan, noisy(0.10, 2), parallel, design);
            List<Integer> these = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                PointStop stop = design.stop(p);
                these.add(stop.trials());
                assertTrue(stop.trials() > 6, "CV 10% needs more than min: " + stop);
                assertTrue(stop.reason() == StopReason.TARGET_REACHED && stop.ciWidthPercent() <= 10
                        || stop.reason() == StopReason.MAX_REACHED && stop.trials() == 30, stop.toString());
            }
            if (counts != null) {
                assertEquals(counts, these, "the same decisions with --parallel 1 and 4");
            }
            counts = these;
        }
    }

    @Test
    void interleavingCancelsALinearDriftThatFakesASequentialRegression() throws IOException {
        // Two identical variants; the cluster gets 1% slower with every trial (a planted linear drift).
        String variants = "  repetitions: 10\n  sweep:\n    variants:\n      baseline: {job.image: 'busybox:1'}\n"
                + "      candidate: {job.image: 'busybox:1'}\n";
        ToDoubleFunction<Trial> drift = t -> 1000 * (1 - 0.01 * t.index())
                * (1 + 0.005 * new SplittableRandom(3 * 1_000_003L + t.index()).nextGaussian());
        BenchmarkPlan sequentialPlan = plan(variants + "  order: sequential\n");
        BenchmarkPlan interleavedPlan = plan(variants + "  order: interleaved\n");
        Verdict sequential = verdict(run(sequentialPlan, drift, 1, new ExperimentDesign(sequentialPlan)));
        Verdict interleaved = verdict(run(interleavedPlan, drift, 1, new ExperimentDesign(interleavedPlan)));
        assertEquals(Verdict.REGRESSION, sequential);
        assertEquals(Verdict.NO_CHANGE, interleaved);
    }

    private static Verdict verdict(List<RunResult> results) {
        MetricComparison row = new Comparer(CompareSettings.defaults())
                .compare(List.of(samples(results, "baseline")), List.of(samples(results, "candidate"))).rows().get(0);
        return row.verdict();
    }

    private static SampleSet samples(List<RunResult> results, String variant) {
        double[] v = results.stream().filter(r -> variant.equals(r.point().get("variant")))
                .mapToDouble(r -> r.metric(T)).toArray();
        return new SampleSet(T, "", v, null);
    }
}
