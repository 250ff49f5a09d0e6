package dev.kubebench.collector.telemetry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * Deterministic DCGM-shaped history as OpenMetrics text for promtool: known pods, GPUs and values, one sample every
 * 15 s from a minute before the window to a minute after it. Shared with the CLI's tests (test-jar).
 */
public final class DcgmHistory {
    /** Seconds between samples. */
    public static final int INTERVAL_S = 15;

    private final Instant start;
    private final int seconds;
    private final Map<String, List<String>> families = new LinkedHashMap<>();

    /**
     * @param start   the trial window's start
     * @param seconds the window's length
     */
    public DcgmHistory(Instant start, int seconds) {
        this.start = start;
        this.seconds = seconds;
    }

    /**
     * Adds a series whose value at each sample is {@code value(secondsSinceStart)}.
     *
     * @param labels the labels, written as given ({@code gpu="0",UUID="GPU-a",pod="p",namespace="ns"})
     */
    public DcgmHistory series(String metric, String labels, LongToDoubleFunction value) {
        List<String> lines = families.computeIfAbsent(metric, k -> new ArrayList<>());
        for (long t = -60; t <= seconds + 60; t += INTERVAL_S) {
            double v = value.applyAsDouble(t);
            lines.add(metric + "{" + labels + "} " + format(v) + " " + (start.getEpochSecond() + t));
        }
        return this;
    }

    /** The OpenMetrics text, every family contiguous, ending in {@code # EOF}. */
    public String openMetrics() {
        StringBuilder out = new StringBuilder();
        families.forEach((metric, lines) -> {
            out.append("# TYPE ").append(metric).append(" gauge\n");
            lines.forEach(l -> out.append(l).append('\n'));
        });
        return out.append("# EOF\n").toString();
    }

    /** The DCGM labels of one GPU in a trial's pod, as the exporter writes them with honorLabels. */
    public static String podLabels(String node, String uuid, String pod, String namespace) {
        return "gpu=\"0\",UUID=\"" + uuid + "\",Hostname=\"" + node + "\",modelName=\"NVIDIA H100 80GB HBM3\","
                + "pod=\"" + pod + "\",namespace=\"" + namespace + "\",container=\"trainer\"";
    }

    /** The same GPU as scraped without honorLabels: the trial's pod moved to exported_pod/exported_namespace. */
    public static String exportedLabels(String node, String uuid, String pod, String namespace) {
        return "gpu=\"0\",UUID=\"" + uuid + "\",Hostname=\"" + node + "\",modelName=\"NVIDIA H100 80GB HBM3\","
                + "exported_pod=\"" + pod + "\",exported_namespace=\"" + namespace + "\",exported_container=\"trainer\","
                + "pod=\"nvidia-dcgm-exporter-x7k2p\",namespace=\"gpu-operator\"";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
