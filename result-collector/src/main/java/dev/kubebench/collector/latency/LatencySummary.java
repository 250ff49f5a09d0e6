package dev.kubebench.collector.latency;

/**
 * Percentiles of a latency distribution in milliseconds, plus the histogram it came from.
 *
 * @param count            number of recorded values, at least 1
 * @param meanMs           arithmetic mean
 * @param p50Ms            median
 * @param p90Ms            90th percentile
 * @param p99Ms            99th percentile
 * @param p999Ms           99.9th percentile
 * @param maxMs            largest recorded value
 * @param encodedHistogram the HdrHistogram (microsecond units, 3 significant digits) in its compressed base64 form
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
                             double maxMs, String encodedHistogram) {
    public LatencySummary {
        if (count < 1) {
            throw new IllegalArgumentException("a latency summary needs at least one value");
        }
    }
}
