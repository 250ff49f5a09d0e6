package dev.kubebench.collector.telemetry;

/**
 * Which GPU a DCGM series is about, from its labels: the pod (DCGM's {@code pod}, or {@code exported_pod} when
 * Prometheus did not honor the exporter's labels), the node ({@code Hostname}, {@code node} or
 * {@code kubernetes_node}) and the GPU ({@code UUID}, else the {@code gpu} index).
 *
 * @param node the node name, or empty when unknown
 * @param pod  the trial's pod using the GPU, or empty
 * @param gpu  the GPU's UUID or index, or empty
 */
public record GpuKey(String node, String pod, String gpu) {

    /** The key of a series. */
    public static GpuKey of(Series s) {
        // with exported_pod present, pod names the exporter's own pod
        return new GpuKey(first(s, "Hostname", "node", "kubernetes_node"), first(s, "exported_pod", "pod"),
                first(s, "UUID", "gpu"));
    }

    /** One string that tells GPUs apart. */
    public String id() {
        return node + "/" + pod + "/" + gpu;
    }

    private static String first(Series s, String... names) {
        for (String n : names) {
            String v = s.label(n);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
