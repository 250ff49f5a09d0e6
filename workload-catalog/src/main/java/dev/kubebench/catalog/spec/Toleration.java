package dev.kubebench.catalog.spec;

/** A Kubernetes toleration; null fields are omitted when rendered. */
public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {
}
