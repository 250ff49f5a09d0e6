package dev.kubebench.catalog.spec;

import java.util.List;
import java.util.Objects;

/**
 * What a benchmark measures. Either a catalog entry ({@code workload: mlperf/resnet}) whose targets come from the
 * MLPerf catalog, or a custom block with its own target.
 *
 * @param id      catalog id such as {@code mlperf/resnet}, or the custom workload's name
 * @param catalog true when {@code id} names a catalog entry
 * @param targets quality targets; empty for a pure throughput benchmark (no time-to-train)
 */
public record Workload(String id, boolean catalog, List<QualityTarget> targets) {
    public Workload {
        Objects.requireNonNull(id, "id");
        targets = List.copyOf(targets == null ? List.of() : targets);
    }

    /** True when trials are judged on reaching a quality target (time-to-train) rather than on throughput alone. */
    public boolean hasQualityTarget() {
        return !targets.isEmpty();
    }
}
