package dev.kubebench.catalog.spec;

import java.util.Arrays;
import java.util.List;

/**
 * The order in which a plan runs its trials ({@code spec.order}). Warm-up trials always come before measured ones.
 */
public enum TrialOrder {
    /** Every repetition of a point, then the next point (the order before {@code order} existed). */
    SEQUENTIAL("sequential"),
    /** Repetition 1 of every point, then repetition 2 of every point, ...: slow drift hits every point alike. */
    INTERLEAVED("interleaved"),
    /** A random order from {@code spec.seed}, recorded in benchmark.yaml so the run can be repeated. */
    SHUFFLED("shuffled");

    private final String yamlName;

    TrialOrder(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(TrialOrder::yamlName).toList();
    }
}
