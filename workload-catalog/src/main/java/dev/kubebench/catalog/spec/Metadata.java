package dev.kubebench.catalog.spec;

import java.util.Map;
import java.util.Objects;

/** Benchmark name (a DNS-1035 label, used in job names) and free-form labels copied onto results. */
public record Metadata(String name, Map<String, String> labels) {
    public Metadata {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
