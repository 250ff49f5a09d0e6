package dev.kubebench.collector.result;

/**
 * Throughput over one block, epoch or logging step.
 *
 * @param elapsedMs          milliseconds since run_start at the end of the block
 * @param samplesPerSecond   throughput over the block
 */
public record ThroughputPoint(double elapsedMs, double samplesPerSecond) {
}
