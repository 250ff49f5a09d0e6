package dev.kubebench.runner.local;

import dev.kubebench.core.metric.MetricNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The trial's GPU metrics from its nvidia-smi samples, the same names the Prometheus {@code dcgm} profile gives:
 * utilization mean and 10th percentile over every sample of every GPU, the largest memory one GPU had in use, the
 * mean power of one GPU, the energy of all GPUs (each GPU's power integrated over time by the trapezoid rule) and how
 * many GPUs reported. {@code energy_per_sample_j} needs the throughput, which the collector computes.
 */
final class GpuMetrics {
    private GpuMetrics() {
    }

    static Map<String, Double> of(Collection<GpuSample> samples) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return m;
        }
        List<Double> util = values(samples, GpuSample::utilPct);
        if (!util.isEmpty()) {
            m.put(MetricNames.GPU_UTIL_MEAN_PCT, mean(util));
            m.put(MetricNames.GPU_UTIL_P10_PCT, percentile(util, 0.10));
        }
        List<Double> memory = values(samples, GpuSample::memUsedMib);
        if (!memory.isEmpty()) {
            m.put(MetricNames.GPU_MEM_USED_PEAK_MIB, memory.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }
        List<Double> power = values(samples, GpuSample::powerW);
        if (!power.isEmpty()) {
            m.put(MetricNames.GPU_POWER_MEAN_W, mean(power));
            m.put(MetricNames.GPU_ENERGY_J, energyJoules(samples));
        }
        m.put(MetricNames.GPU_COUNT_SEEN, (double) samples.stream().map(GpuSample::uuid).distinct().count());
        return m;
    }

    /** Each GPU's power integrated over its samples' timestamps (trapezoids between consecutive known values). */
    static double energyJoules(Collection<GpuSample> samples) {
        Map<String, List<GpuSample>> byGpu = samples.stream().filter(s -> s.powerW() != null)
                .collect(Collectors.groupingBy(GpuSample::uuid, TreeMap::new, Collectors.toList()));
        double joules = 0;
        for (List<GpuSample> series : byGpu.values()) {
            List<GpuSample> sorted = new ArrayList<>(series);
            sorted.sort(Comparator.comparingLong(GpuSample::timestampMs));
            for (int i = 1; i < sorted.size(); i++) {
                GpuSample a = sorted.get(i - 1);
                GpuSample b = sorted.get(i);
                joules += (a.powerW() + b.powerW()) / 2 * (b.timestampMs() - a.timestampMs()) / 1000.0;
            }
        }
        return joules;
    }

    private static List<Double> values(Collection<GpuSample> samples,
                                       java.util.function.Function<GpuSample, Double> field) {
        return samples.stream().map(field).filter(Objects::nonNull).collect(Collectors.toList());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Linear interpolation between the closest ranks (as numpy's default), {@code q} in 0..1. */
    static double percentile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
