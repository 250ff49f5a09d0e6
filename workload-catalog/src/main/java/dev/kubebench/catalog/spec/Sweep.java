package dev.kubebench.catalog.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweep definition: {@code matrix} variables form a cross product; {@code zip} variables are paired lists of equal
 * length (element i of each list forms one point). Both together: every zip point crossed with every matrix point.
 */
public record Sweep(Map<String, List<Object>> matrix, Map<String, List<Object>> zip) {
    public static final Sweep NONE = new Sweep(Map.of(), Map.of());

    public Sweep {
        matrix = Collections.unmodifiableMap(new LinkedHashMap<>(matrix == null ? Map.of() : matrix));
        zip = Collections.unmodifiableMap(new LinkedHashMap<>(zip == null ? Map.of() : zip));
    }

    public boolean isEmpty() {
        return matrix.isEmpty() && zip.isEmpty();
    }
}
