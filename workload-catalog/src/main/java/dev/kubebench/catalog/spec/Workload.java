package dev.kubebench.catalog.spec;

import dev.kubebench.core.metric.Direction;

import java.util.List;
import java.util.Objects;

/**
 * What a benchmark measures. Either a catalog entry ({@code workload: mlperf/resnet}) whose targets come from the
 * MLPerf catalog, or a custom block with its own target.
 *
 * @param id        catalog id such as {@code mlperf/resnet}, or the custom workload's name
 * @param catalog   true when {@code id} names a catalog entry
 * @param targets   quality targets; empty for a pure throughput benchmark (no time-to-train)
 * @param metric    a custom workload's headline metric (e.g. {@code throughput_samples_per_s}); null for catalog
 *                  entries, whose metric is time to train
 * @param direction which way {@code metric} improves; null when {@code metric} is null
 */
public record Workload(String id, boolean catalog, List<QualityTarget> targets, String metric, Direction direction) {
    public Workload {
        Objects.requireNonNull(id, "id");
        targets = List.copyOf(targets == null ? List.of() : targets);
    }

    /** A workload without a custom headline metric. */
    public Workload(String id, boolean catalog, List<QualityTarget> targets) {
        this(id, catalog, targets, null, null);
    }

    /** True when trials are judged on reaching a quality target (time-to-train) rather than on throughput alone. */
    public boolean hasQualityTarget() {
        return !targets.isEmpty();
    }
}
