package dev.kubebench.catalog.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweep definition: {@code matrix} variables form a cross product; {@code zip} variables are paired lists of equal
 * length (element i of each list forms one point). Both together: every zip point crossed with every matrix point.
 * {@code variants} are named sets of spec overrides (A/B in one run); each point runs once per variant, the variant
 * varying fastest, and the point carries the sweep variable {@value #VARIANT}.
 */
public record Sweep(Map<String, List<Object>> matrix, Map<String, List<Object>> zip,
                    Map<String, Map<String, Object>> variants) {
    public static final Sweep NONE = new Sweep(Map.of(), Map.of());
    /** The sweep variable naming a point's variant. */
    public static final String VARIANT = "variant";

    public Sweep {
        matrix = Collections.unmodifiableMap(new LinkedHashMap<>(matrix == null ? Map.of() : matrix));
        zip = Collections.unmodifiableMap(new LinkedHashMap<>(zip == null ? Map.of() : zip));
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        (variants == null ? Map.<String, Map<String, Object>>of() : variants)
                .forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        variants = Collections.unmodifiableMap(copy);
    }

    public Sweep(Map<String, List<Object>> matrix, Map<String, List<Object>> zip) {
        this(matrix, zip, Map.of());
    }

    public boolean isEmpty() {
        return matrix.isEmpty() && zip.isEmpty() && variants.isEmpty();
    }
}
