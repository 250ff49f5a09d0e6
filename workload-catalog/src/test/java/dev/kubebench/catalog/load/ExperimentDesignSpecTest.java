package dev.kubebench.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Repetitions;
import dev.kubebench.catalog.spec.TrialOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** warmup, adaptive repetitions, order and variants: how they bind and in which order the trials come. */
class ExperimentDesignSpecTest {
    @TempDir
    Path tmp;

    private BenchmarkPlan load(String specLines) throws IOException {
        Path file = tmp.resolve("design.yaml");
        Files.writeString(file, "apiVersion: kubebench.dev/v1alpha1\nkind: Benchmark\nmetadata: {name: tiny}\n"
                + "spec:\n  workload: {name: tiny}\n  job: {kind: Job, image: busybox}\n"
                + "  parameters: {size: 1}\n" + specLines);
        return new SpecLoader().load(file, null, List.of());
    }

    private static List<String> order(BenchmarkPlan plan) {
        return plan.trials().stream().map(t -> (t.warmup() ? "w" : "") + t.pointLabel() + "#" + t.repetition())
                .toList();
    }

    @Test
    void sequentialRunsEachPointsWarmupThenItsRepetitions() throws IOException {
        BenchmarkPlan plan = load("  sweep: {matrix: {size: [1, 2]}}\n  warmup: 1\n  repetitions: 2\n");
        assertEquals(List.of("wsize=1#0", "size=1#0", "size=1#1", "wsize=2#0", "size=2#0", "size=2#1"), order(plan));
    }

    @Test
    void interleavedRunsRoundsAfterAllWarmups() throws IOException {
        BenchmarkPlan plan = load("  sweep: {matrix: {size: [1, 2]}}\n  warmup: 1\n  repetitions: 2\n"
                + "  order: interleaved\n");
        assertEquals(List.of("wsize=1#0", "wsize=2#0", "size=1#0", "size=2#0", "size=1#1", "size=2#1"), order(plan));
    }

    @Test
    void adaptiveRepetitionsPlanMaxTrials() throws IOException {
        BenchmarkPlan plan = load("  repetitions: {min: 2, max: 6, until: {metric: throughput_samples_per_s,"
                + " ciWidth: 50%}}\n");
        assertEquals(6, plan.trials().size());
        Repetitions reps = plan.resolved().spec().repetitions();
        assertEquals(new Repetitions(2, 6, new Repetitions.Until("throughput_samples_per_s", 50)), reps);
        assertTrue(reps.adaptive());
    }

    @Test
    void shuffledIsReproducibleFromTheSeedRecordedInTheResolvedYaml() throws IOException {
        BenchmarkPlan plan = load("  sweep: {matrix: {size: [1, 2, 3]}}\n  repetitions: 4\n  order: shuffled\n");
        Matcher m = Pattern.compile("seed: (\\d+)").matcher(plan.resolvedYaml());
        assertTrue(m.find(), plan.resolvedYaml());
        BenchmarkPlan again = load("  sweep: {matrix: {size: [1, 2, 3]}}\n  repetitions: 4\n  order: shuffled\n"
                + "  seed: " + m.group(1) + "\n");
        assertEquals(order(plan), order(again));
        assertEquals(TrialOrder.SHUFFLED, again.resolved().spec().order());
        for (int p = 0; p < 3; p++) {
            int point = p;
            List<Integer> reps = plan.trials().stream().filter(t -> t.pointIndex() == point)
                    .map(Trial::repetition).toList();
            assertEquals(List.of(0, 1, 2, 3), reps, "a point's repetitions run in increasing order");
        }
    }

    @Test
    void variantsAreTheFastestSweepDimensionInterleavedByDefault() throws IOException {
        BenchmarkPlan plan = load("  repetitions: 2\n  sweep:\n    matrix: {size: [1, 2]}\n    variants:\n"
                + "      baseline: {job.image: 'busybox:1'}\n      candidate: {job.image: 'busybox:2'}\n");
        assertEquals(TrialOrder.INTERLEAVED, plan.resolved().spec().order());
        assertEquals(List.of("size=1,variant=baseline#0", "size=1,variant=candidate#0", "size=2,variant=baseline#0",
                "size=2,variant=candidate#0", "size=1,variant=baseline#1", "size=1,variant=candidate#1",
                "size=2,variant=baseline#1", "size=2,variant=candidate#1"), order(plan));
        assertEquals("busybox:1", plan.trials().get(0).benchmark().spec().job().image());
        assertEquals("busybox:2", plan.trials().get(1).benchmark().spec().job().image());
    }
}
