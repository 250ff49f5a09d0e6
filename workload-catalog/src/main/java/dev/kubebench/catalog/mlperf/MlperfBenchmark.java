package dev.kubebench.catalog.mlperf;

import dev.kubebench.catalog.spec.QualityTarget;
import java.util.List;
import java.util.Objects;

/**
 * One MLPerf Training benchmark as the MLCommons rules define it.
 *
 * @param id           catalog id, e.g. {@code mlperf/resnet}
 * @param name         the benchmark's name in MLPerf logs and result paths, e.g. {@code resnet}
 * @param model        the reference model, for display
 * @param dataset      the dataset
 * @param targets      quality targets (two for stable_diffusion and maskrcnn)
 * @param requiredRuns runs required for a score
 * @param olympicDrop  how many fastest (and, less failures, slowest) runs the olympic mean drops
 * @param rounds       MLPerf Training rounds that include it, e.g. {@code 3.0}
 * @param source       where these facts come from
 */
public record MlperfBenchmark(String id, String name, String model, String dataset, List<QualityTarget> targets,
                              int requiredRuns, int olympicDrop, List<String> rounds, String source) {
    public MlperfBenchmark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        targets = List.copyOf(targets);
        rounds = List.copyOf(rounds);
        if (requiredRuns < 1 || olympicDrop < 0) {
            throw new IllegalArgumentException("bad run counts for " + id);
        }
    }
}
