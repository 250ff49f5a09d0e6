package dev.kubebench.collector.telemetry;

/**
 * A query that did not give an answer: either Prometheus rejected this query ({@link #rejected()}: a PromQL error,
 * the other queries are still worth asking) or Prometheus is not usable (unreachable, 5xx, unauthorized).
 */
public final class PrometheusException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean rejected;

    PrometheusException(String message, boolean rejected) {
        super(message);
        this.rejected = rejected;
    }

    /** True when Prometheus answered that this query is bad; false when Prometheus itself is unavailable. */
    public boolean rejected() {
        return rejected;
    }
}
