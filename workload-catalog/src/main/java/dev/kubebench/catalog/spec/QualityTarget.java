package dev.kubebench.catalog.spec;

import dev.kubebench.core.metric.Direction;

import java.util.Objects;

/**
 * A quality target a run must reach.
 *
 * @param key       the MLLOG key carrying the value, usually {@code eval_accuracy}
 * @param submetric {@code metadata.metric} that selects the value when one evaluation logs several
 *                  (stable_diffusion FID/CLIP, maskrcnn BBOX/SEGM); null when there is one value
 * @param value     the target value
 * @param direction {@code higher}: value must be at least the target; {@code lower}: at most
 */
public record QualityTarget(String key, String submetric, double value, Direction direction) {
    public QualityTarget {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("target value must be finite");
        }
    }
}
