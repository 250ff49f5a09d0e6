package dev.kubebench.catalog.spec;

/**
 * Per-replica resources.
 *
 * @param gpus   GPUs per replica (limit of the node pool's GPU resource), 0 for none
 * @param cpu    CPU quantity such as {@code 96} or {@code 500m}; null for none
 * @param memory memory quantity such as {@code 900Gi}; null for none
 */
public record Resources(int gpus, String cpu, String memory) {
    public static final Resources NONE = new Resources(0, null, null);

    public Resources {
        if (gpus < 0) {
            throw new IllegalArgumentException("gpus must not be negative");
        }
    }
}
